import App
import AppCore
import Foundation
import HTTPCore
import Logging
import MariaDB
import Testing
@testable import Transporte

/// Transporte in process against a real MariaDB: a fresh database per harness, migrated from `sql/transporte`
/// and seeded with the development data (users admin, solicitante1/2, aprobador1/2 with password `ventanilla`;
/// departments, priorities, service types, lugares), and the frozen responder the FastCGI workers use.
final class TransporteHarness {
    /// A required variable is missing: the tests must be run by scripts/test.
    struct MissingEnvironment: Error, CustomStringConvertible {
        let variable: String
        var description: String { "\(variable) is not set: run scripts/test, which starts MariaDB" }
    }

    /// The seed's users and their Perfil ids (sql/transporte/seed/development.sql).
    static let perfiles = ["solicitante1": 1, "solicitante2": 2, "aprobador1": 3, "aprobador2": 4, "admin": 5]

    let database: String
    let module: TransporteModule
    let responder: Responder<TransporteContext>
    let connection: MariaDBConnection
    let clock: TestClock
    private let admin: MariaDBConnection

    /// A fresh, migrated and seeded database and the module over it; `now` fixes the clock (UTC milliseconds).
    init(now: Int64? = nil, extra: [String: String] = [:]) throws {
        MariaDBLibrary.initialize()
        let env = ProcessInfo.processInfo.environment
        func require(_ name: String, allowEmpty: Bool = false) throws -> String {
            guard let value = env[name], allowEmpty || !value.isEmpty else { throw MissingEnvironment(variable: name) }
            return value
        }
        let socket = try require("VENTANILLA_TEST_DB_SOCKET")
        let user = try require("VENTANILLA_TEST_DB_USER")
        let password = try require("VENTANILLA_TEST_DB_PASSWORD", allowEmpty: true)
        let sqlRoot = try require("VENTANILLA_TEST_SQL_DIR")
        database = "tra_\(UInt32.random(in: 0...UInt32.max))_\(getpid())"
        admin = MariaDBConnection(configuration: MariaDBConfiguration(socket: socket, user: user, password: password))
        try admin.executeText("CREATE DATABASE `\(database)` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
        let configuration = MariaDBConfiguration(socket: socket, user: user, password: password, database: database)
        connection = MariaDBConnection(configuration: configuration)
        let logger = Logger(label: "test.migrate")
        _ = try Migrator(directory: sqlRoot + "/transporte", logger: logger).migrate(on: connection)
        _ = try Seeder(directory: sqlRoot + "/transporte", logger: logger).run(on: connection)
        let values = [
            "DB_SOCKET": socket, "DB_USER": user, "DB_PASSWORD": password, "DB_NAME": database,
            "JWT_SECRET": "transporte-tests-secret-0123456789", "LOG_LEVEL": "critical",
        ].merging(extra) { $1 }
        clock = TestClock(now ?? SystemClock().nowMilliseconds())
        module = try TransporteModule(settings: try ModuleSettings(module: .transporte, values: values), clock: clock)
        responder = module.makeResponder()
    }

    deinit {
        connection.close()
        try? admin.executeText("DROP DATABASE IF EXISTS `\(database)`")
        admin.close()
    }

    /// An access token for a seed user (`admin`, `solicitante1`, …), read from the database as login would.
    func token(_ username: String) throws -> String {
        let user = try #require(try MariaDBAuthRepository(connection: connection).user(username: username))
        return module.tokens.issue(.access, for: user.identity)
    }

    /// Sends a request through the responder. `json` is sent as `application/json`; `body` raw with `contentType`.
    func call(_ method: HTTPMethod, _ path: String, json: String? = nil, token: String? = nil,
              body: [UInt8]? = nil, contentType: String? = nil, headers extra: [(String, String)] = []) -> TestResponse {
        var headers = HTTPHeaders(extra)
        if let token { headers.add("Authorization", "Bearer \(token)") }
        var bytes: [UInt8]?
        if let json {
            headers.add("Content-Type", "application/json")
            bytes = Array(json.utf8)
        } else if let body {
            if let contentType { headers.add("Content-Type", contentType) }
            bytes = body
        }
        let mark = path.firstIndex(of: "?")
        let pathOnly = mark.map { String(path[..<$0]) } ?? path
        let query = mark.map { String(path[path.index(after: $0)...]) } ?? ""
        let request = Request(method: method, path: pathOnly, rawQuery: query, headers: headers, clientAddress: "127.0.0.1",
                              body: bytes.map { RequestBody(bytes: $0) } ?? .empty())
        let context = module.makeContext(connection: connection, logger: Logger(label: "test"))
        let response = responder.respond(to: request, context: context)
        request.discardTemporaryFiles()
        return TestResponse(response)
    }

    /// One integer from the database (for checking what a request wrote).
    func count(_ sql: SQLQuery) throws -> Int {
        try connection.queryFirst(sql).flatMap { try $0.optionalInt($0.columns.names[0]) } ?? 0
    }
}

/// A clock the tests set.
final class TestClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var millis: Int64

    init(_ millis: Int64) { self.millis = millis }

    func nowMilliseconds() -> Int64 { lock.withLock { millis } }

    /// Moves the clock by `seconds`.
    func advance(seconds: Int) { lock.withLock { millis += Int64(seconds) * 1_000 } }
}

/// A response with its body parsed as JSON, for assertions.
struct TestResponse {
    let status: Int
    let headers: HTTPHeaders
    let text: String
    let json: Input?

    init(_ response: Response) {
        status = response.status
        headers = response.headers
        text = String(decoding: response.body, as: UTF8.self)
        json = try? JSONParser.parse(response.body)
    }

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
