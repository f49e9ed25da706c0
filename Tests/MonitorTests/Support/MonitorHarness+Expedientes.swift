import Foundation
import HTTPCore
import Logging
import MariaDB
import Testing
@testable import Monitor

extension MonitorHarness {
    /// Creates an expediente through the API (`extra` is more JSON members, e.g. `"marca": "Toyota"`).
    @discardableResult
    func createExpediente(_ noSiniestro: String, token: String, extra: String = "") -> TestResponse {
        let members = extra.isEmpty ? "" : ", " + extra
        return call(.post, "/api/expedientes", json: "{\"no_siniestro\": \(Self.quoted(noSiniestro))\(members)}", token: token)
    }

    /// The expediente's scalar row as the API shows it (`GET` minus the relations), or nil.
    func expedienteRow(_ noSiniestro: String, token: String) -> Input? {
        call(.get, "/api/expedientes/\(noSiniestro)", token: token).json
    }

    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// The rows an expediente has in every table that hangs off it (for "nothing was written" checks).
    func footprint() throws -> [Int] {
        try ["expediente", "historial_estado", "evidencia", "comentario", "checklist", "levantamiento_danios"].map {
            try count(SQLQuery(unsafeSQL: "SELECT COUNT(*) FROM \($0)"))
        }
    }
}

/// A request runner over its own database connection, for tests that race requests on several threads (each
/// thread builds its own runner: connections are not shared between threads).
final class ExpedienteRaceClient {
    let module: MonitorModule
    let responder: Responder<MonitorContext>
    let connection: MariaDBConnection

    init(module: MonitorModule, responder: Responder<MonitorContext>, configuration: MariaDBConfiguration) {
        self.module = module
        self.responder = responder
        connection = MariaDBConnection(configuration: configuration)
    }

    deinit { connection.close() }

    /// Sends a JSON request through the responder on this client's connection.
    func call(_ method: HTTPMethod, _ path: String, json: String, token: String) -> TestResponse {
        var headers = HTTPHeaders()
        headers.add("Authorization", "Bearer \(token)")
        headers.add("Content-Type", "application/json")
        let request = Request(method: method, path: path, headers: headers, clientAddress: "127.0.0.1",
                              body: RequestBody(bytes: Array(json.utf8)))
        let context = module.makeContext(connection: connection, logger: Logger(label: "test.race"))
        return TestResponse(responder.respond(to: request, context: context))
    }
}
