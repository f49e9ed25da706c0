import App
import AppCore
import Foundation
import HTTPCore
import Logging
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// Transporte in process against a real MariaDB: a fresh database per harness, migrated from `sql/transporte`
/// and seeded with the development data (users admin, solicitante1/2, aprobador1/2 with password `ventanilla`;
/// departments, priorities, service types, lugares), and the frozen responder the FastCGI workers use.
final class TransporteHarness {
    /// The seed's users and their Perfil ids (sql/transporte/seed/development.sql).
    static let perfiles = ["solicitante1": 1, "solicitante2": 2, "aprobador1": 3, "aprobador2": 4, "admin": 5]

    let module: TransporteModule
    let responder: Responder<TransporteContext>
    let clock: TestClock
    private let store: ModuleTestDatabase

    /// The database name.
    var database: String { store.name }
    /// How to reach the database (for connections of a test's own).
    var configuration: MariaDBConfiguration { store.configuration }
    /// The connection requests run on.
    var connection: MariaDBConnection { store.connection }

    /// A fresh, migrated and seeded database and the module over it; `now` fixes the clock (UTC milliseconds),
    /// by default at `finDeFebrero`: no test depends on the machine's date. The registries of T15 are reached
    /// over libcurl as in production, when `extra` configures them.
    init(now: Int64 = TransporteHarness.finDeFebrero, extra: [String: String] = [:]) throws {
        store = try ModuleTestDatabase(module: "transporte", prefix: "tra", seed: true)
        clock = TestClock(now)
        module = try TransporteModule(settings: try TestEnvironment.settings(.transporte, database: store.name, extra: [
            "TRANSPORTE_JWT_SECRET": "transporte-tests-secret-0123456789",
        ].merging(extra) { $1 }), clock: clock, registryTransport: CurlRegistryTransport.factory)
        responder = module.makeResponder()
    }

    /// An access token for a seed user (`admin`, `solicitante1`, …), read from the database as login would.
    func token(_ username: String) throws -> String {
        let user = try #require(try MariaDBAuthRepository(connection: connection).user(username: username))
        return module.tokens.issue(.access, for: user.identity, passwordHash: user.passwordHash ?? "")
    }

    /// Sends a request through the responder. `json` is sent as `application/json`; `body` raw with `contentType`.
    func call(_ method: HTTPMethod, _ path: String, json: String? = nil, token: String? = nil,
              body: [UInt8]? = nil, contentType: String? = nil, headers extra: [(String, String)] = []) -> TestResponse {
        TestExchange.send(TestExchange.request(method, path, json: json, token: token, body: body, contentType: contentType,
                                               headers: extra),
                          to: responder, context: module.makeContext(connection: connection, logger: Logger(label: "test")))
    }

    /// One integer from the database (for checking what a request wrote).
    func count(_ sql: SQLQuery) throws -> Int { try store.count(sql) }

    /// Runs `lockingSQL` in a transaction on a connection of its own and commits it `seconds` later, from
    /// another thread; the semaphore is signalled once the lock is released.
    func holdLock(_ lockingSQL: String, seconds: Double) throws -> DispatchSemaphore {
        let other = MariaDBConnection(configuration: configuration)
        try other.executeText("START TRANSACTION; " + lockingSQL)
        let holder = ConexionCompartida(other)
        let released = DispatchSemaphore(value: 0)
        Thread {
            Thread.sleep(forTimeInterval: seconds)
            try? holder.connection.executeText("COMMIT")
            holder.connection.close()
            released.signal()
        }.start()
        return released
    }

    /// Sends `requests` (method, path, JSON body) as `token` at once, each from its own thread on its own connection
    /// (as that many FastCGI workers would), released together once every connection is up; the responses, in the
    /// order they finished.
    func race(_ requests: [(HTTPMethod, String, String)], token: String) -> [TestResponse] {
        let (module, responder, configuration) = (self.module, self.responder, connection.configuration)
        let outcomes = RaceResponses()
        let ready = DispatchSemaphore(value: 0)
        let start = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        for (method, path, json) in requests {
            done.enter()
            Thread {
                let client = RaceClient(responder: responder, configuration: configuration, makeContext: module.makeContext)
                _ = client.connection.ping()
                ready.signal()
                start.wait()
                outcomes.record(client.call(method, path, json: json, token: token))
                done.leave()
            }.start()
        }
        for _ in requests { ready.wait() }
        for _ in requests { start.signal() }
        done.wait()
        return outcomes.all
    }

    /// A runner on its own connection, for racing requests from other threads.
    func raceClient() -> RaceClient<TransporteContext> {
        RaceClient(responder: responder, configuration: store.configuration, makeContext: module.makeContext)
    }
}

extension TestResponse {
    /// The envelope's `message`.
    var message: String? { json?["message"]?.stringValue }
    /// The envelope's `success`.
    var success: Bool? { if case .bool(let flag)? = json?["success"] { flag } else { nil } }
    /// The envelope's `data`.
    var data: Input? { json?["data"] }
    /// The fields named in `errors`.
    var errorFields: [String] {
        guard case .array(let items)? = json?["errors"] else { return [] }
        return items.compactMap { $0["field"]?.stringValue }
    }
    /// The messages in `errors`.
    var errorMessages: [String] {
        guard case .array(let items)? = json?["errors"] else { return [] }
        return items.compactMap { $0["message"]?.stringValue }
    }
}

extension Input {
    /// The integer value of a JSON number.
    var intValue: Int? { if case .number(let text) = self { Int(text) } else { nil } }
    /// The boolean value.
    var boolValue: Bool? { if case .bool(let flag) = self { flag } else { nil } }
    /// The elements of an array.
    var arrayValue: [Input]? { if case .array(let items) = self { items } else { nil } }
}
