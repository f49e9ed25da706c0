import App
import AppCore
import Foundation
import HTTPCore
import Logging
import MariaDB
import TestSupport
import Testing
@testable import Monitor

/// Monitor in process against a real MariaDB: a fresh database per harness (migrated from `sql/monitor`),
/// the frozen responder, and users of each role with their tokens. Requests go through the same responder
/// the FastCGI workers use, without sockets.
final class MonitorHarness {
    /// 2026-12-01T12:00:00Z: where every harness's clock starts (tokens, comentario fecha/hora, fecha_creacion).
    static let start: Int64 = 1_796_126_400_000
    /// The module's `MONITOR_JWT_SECRET`.
    static let secret = "monitor-tests-secret-0123456789abcdef"

    let module: MonitorModule
    /// The module's clock; tests compare what it stamps with this, never with the machine's or the server's.
    let clock = TestClock(MonitorHarness.start)
    let responder: Responder<MonitorContext>
    let directory: String
    private let store: ModuleTestDatabase

    /// The database name.
    var database: String { store.name }
    /// The connection requests run on.
    var connection: MariaDBConnection { store.connection }

    /// A fresh, migrated database and the module over it; `extra` adds settings, `cloudStore` reaches the cloud,
    /// `fileStore` the stored files' bucket (`STORAGE_BACKEND=s3` in `extra`).
    init(extra: [String: String] = [:], cloudStore: CloudBackup.StoreFactory? = nil,
         fileStore: StorageSettings.Factory? = nil) throws {
        store = try ModuleTestDatabase(module: "monitor", prefix: "mon")
        directory = NSTemporaryDirectory() + "monitor-tests-" + store.name
        try FileManager.default.createDirectory(atPath: directory + "/evidencias", withIntermediateDirectories: true)
        module = try MonitorModule(settings: try TestEnvironment.settings(.monitor, database: store.name, extra: [
            "MONITOR_JWT_SECRET": MonitorHarness.secret, "UPLOAD_DIR": directory + "/uploads",
            "EVIDENCIAS_DIR": directory + "/evidencias",
        ].merging(extra) { $1 }), clock: clock, cloudStore: cloudStore, fileStore: fileStore)
        responder = module.makeResponder()
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Inserts a user with `rol` (password `ventanilla`) and returns it with a valid token.
    func user(_ rol: Rol, username: String? = nil) throws -> (id: Int, token: String) {
        let name = username ?? "\(rol.rawValue.lowercased())\(UInt16.random(in: 0...UInt16.max))"
        let hash = try PasswordHasher.hash("ventanilla")
        let result = try connection.execute(
            "INSERT INTO usuario (nombre, username, password_hash, rol) VALUES (\(name), \(name), \(hash), \(rol.rawValue))")
        let identity = MonitorIdentity(id: result.lastInsertID, username: name, rol: rol)
        return (result.lastInsertID, module.tokens.issue(for: identity, passwordHash: hash))
    }

    /// Sends a request through the responder. `json` is sent as `application/json`; `body` raw with `contentType`.
    func call(_ method: HTTPMethod, _ path: String, json: String? = nil, token: String? = nil,
              body: [UInt8]? = nil, contentType: String? = nil, headers extra: [(String, String)] = []) -> TestResponse {
        TestExchange.send(TestExchange.request(method, path, json: json, token: token, body: body, contentType: contentType,
                                               headers: extra),
                          to: responder, context: module.makeContext(connection: connection, logger: Logger(label: "test")))
    }

    /// User `id`'s username.
    func username(id: Int) throws -> String {
        try #require(try connection.queryFirst("SELECT username FROM usuario WHERE id = \(id)")).string("username")
    }

    /// A token for user `id` as `MonitorTokens` would issue it now, with the stored password hash.
    func token(id: Int, tokens: MonitorTokens? = nil) throws -> String {
        let row = try #require(try connection.queryFirst("SELECT username, rol, password_hash FROM usuario WHERE id = \(id)"))
        let identity = MonitorIdentity(id: id, username: try row.string("username"), rol: try #require(Rol(rawValue: try row.string("rol"))))
        return (tokens ?? module.tokens).issue(for: identity, passwordHash: try row.string("password_hash"))
    }

    /// One value from the database (for checking what a request wrote).
    func count(_ sql: SQLQuery) throws -> Int { try store.count(sql) }

    /// A runner on its own connection, for racing requests from other threads.
    func raceClient() -> RaceClient<MonitorContext> {
        RaceClient(responder: responder, configuration: store.configuration, makeContext: module.makeContext)
    }
}

extension TestResponse {
    /// The `error` message of a Monitor error body.
    var error: String? { json?["error"]?.stringValue }
}
