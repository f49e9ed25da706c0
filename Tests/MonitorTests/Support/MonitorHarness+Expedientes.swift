import Foundation
import HTTPCore
import Logging
import MariaDB
import TestSupport
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
