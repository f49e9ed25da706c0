import Foundation
import HTTPCore
import Logging
import MariaDB
@testable import Transporte

/// A request runner over its own database connection, for tests that race requests on several threads (each
/// thread builds its own runner: connections are not shared between threads).
final class TransporteRaceClient {
    let module: TransporteModule
    let responder: Responder<TransporteContext>
    let connection: MariaDBConnection

    convenience init(_ harness: TransporteHarness) {
        self.init(module: harness.module, responder: harness.responder, configuration: harness.connection.configuration)
    }

    /// A runner from the harness's parts (the harness itself stays on the thread that made it).
    init(module: TransporteModule, responder: Responder<TransporteContext>, configuration: MariaDBConfiguration) {
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

/// Responses collected from several threads.
final class RaceResponses: @unchecked Sendable {
    private let lock = NSLock()
    private var responses: [TestResponse] = []

    func record(_ response: TestResponse) { lock.withLock { responses.append(response) } }

    var all: [TestResponse] { lock.withLock { responses } }
}
