import App
import AppCore
import Foundation
import HTTPCore
import Logging
import MariaDB
import Testing
@testable import Monitor

/// Monitor in process against a real MariaDB: a fresh database per harness (migrated from `sql/monitor`),
/// the frozen responder, and users of each role with their tokens. Requests go through the same responder
/// the FastCGI workers use, without sockets.
final class MonitorHarness {
    /// A required variable is missing: the tests must be run by scripts/test.
    struct MissingEnvironment: Error, CustomStringConvertible {
        let variable: String
        var description: String { "\(variable) is not set: run scripts/test, which starts MariaDB" }
    }

    let database: String
    let module: MonitorModule
    let responder: Responder<MonitorContext>
    let connection: MariaDBConnection
    let directory: String
    private let admin: MariaDBConnection

    /// A fresh, migrated database and the module over it; `extra` adds settings.
    init(extra: [String: String] = [:]) throws {
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
        database = "mon_\(UInt32.random(in: 0...UInt32.max))_\(getpid())"
        directory = NSTemporaryDirectory() + "monitor-tests-" + database
        try FileManager.default.createDirectory(atPath: directory + "/evidencias", withIntermediateDirectories: true)
        admin = MariaDBConnection(configuration: MariaDBConfiguration(socket: socket, user: user, password: password))
        try admin.executeText("CREATE DATABASE `\(database)` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
        let configuration = MariaDBConfiguration(socket: socket, user: user, password: password, database: database)
        connection = MariaDBConnection(configuration: configuration)
        _ = try Migrator(directory: sqlRoot + "/monitor", logger: Logger(label: "test.migrate")).migrate(on: connection)
        let values = [
            "DB_SOCKET": socket, "DB_USER": user, "DB_PASSWORD": password, "DB_NAME": database,
            "JWT_SECRET": "monitor-tests-secret-0123456789", "UPLOAD_DIR": directory + "/uploads",
            "EVIDENCIAS_DIR": directory + "/evidencias", "LOG_LEVEL": "critical",
        ].merging(extra) { $1 }
        module = try MonitorModule(settings: try ModuleSettings(module: .monitor, values: values))
        responder = module.makeResponder()
    }

    deinit {
        connection.close()
        try? admin.executeText("DROP DATABASE IF EXISTS `\(database)`")
        admin.close()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Inserts a user with `rol` (password `ventanilla`) and returns it with a valid token.
    func user(_ rol: Rol, username: String? = nil) throws -> (id: Int, token: String) {
        let name = username ?? "\(rol.rawValue.lowercased())\(UInt16.random(in: 0...UInt16.max))"
        let hash = try PasswordHasher.hash("ventanilla")
        let result = try connection.execute(
            "INSERT INTO usuario (nombre, username, password_hash, rol) VALUES (\(name), \(name), \(hash), \(rol.rawValue))")
        let identity = MonitorIdentity(id: result.lastInsertID, username: name, rol: rol)
        return (result.lastInsertID, module.tokens.issue(for: identity))
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

    /// One value from the database (for checking what a request wrote).
    func count(_ sql: SQLQuery) throws -> Int {
        try connection.queryFirst(sql).flatMap { try $0.int($0.columns.names[0]) }.map { Int($0) } ?? 0
    }
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

    /// The `error` message of a Monitor error body.
    var error: String? { json?["error"]?.stringValue }
}
