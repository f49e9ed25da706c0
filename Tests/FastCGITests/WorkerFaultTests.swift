import App
import AppCore
import FastCGI
import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing

/// A worker thread that faults (issue 17), through the real module glue over a unix socket with a real database:
/// Monitor with ONE worker, so the request after the fault is served by the very thread and connection that
/// faulted. A handler that throws gets the module's 500 and leaves no transaction open; a statement past
/// `DB_STATEMENT_TIMEOUT_SECONDS` gets the module's 503 and the worker's connection serves on; a client that hangs
/// up in the middle of an upload leaves no file and no row.
@Suite("Worker faults over FastCGI with a database")
struct WorkerFaultTests {
    /// Monitor served by one worker over a fresh, seeded database (`ModuleServerTests.RunningModule` pointed at it).
    final class Served {
        let database: ModuleTestDatabase
        let module: ModuleServerTests.RunningModule
        var client: FastCGIClient { module.client }
        /// The seeded admin's token (through the module's own login).
        private(set) var token = ""

        init(extra: [String: String] = [:]) throws {
            database = try ModuleTestDatabase(module: "monitor", prefix: "wfault", seed: true)
            module = try ModuleServerTests.RunningModule(.monitor, extra: [
                "DB_SOCKET": try TestEnvironment.socket(), "DB_USER": try TestEnvironment.user(),
                "DB_PASSWORD": try TestEnvironment.password(), "DB_NAME": database.name, "WORKERS": "1",
                "MONITOR_BACKUP_NIGHTLY": "off",
            ].merging(extra) { $1 })
            let login = try call("POST", "/api/auth/login", json: #"{"username": "admin", "password": "ventanilla"}"#)
            guard case .string(let token)? = try JSONParser.parse(login.body)["token"] else {
                throw TestFailure("login: \(login.status) \(login.text)")
            }
            self.token = token
        }

        deinit {
            module.stop()
        }

        /// One request with the admin's token (when there is one yet) and a JSON body.
        func call(_ method: String, _ path: String, json: String? = nil) throws -> FastCGIResponse {
            var extra: [(String, String)] = token.isEmpty ? [] : [("HTTP_AUTHORIZATION", "Bearer \(token)")]
            if let json { extra.append(("CONTENT_LENGTH", String(json.utf8.count))) }
            return try client.send(TestServer.cgi(method, path, contentType: json == nil ? "" : "application/json", extra: extra),
                                   body: Array((json ?? "").utf8))
        }

        /// Transactions open on the server for this database right now (any connection).
        func openTransactions() throws -> Int {
            try database.count("""
                SELECT COUNT(*) FROM information_schema.INNODB_TRX t
                JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id WHERE p.DB = \(database.name)
                """)
        }
    }

    struct TestFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// The body as Monitor's error format: `{"error": message}` and nothing else.
    static func monitorError(_ response: FastCGIResponse) -> String? {
        guard response.header("Content-Type")?.hasPrefix("application/json") == true,
              case .object(let object)? = try? JSONParser.parse(response.body), object.keys == ["error"],
              case .string(let message)? = object["error"] else { return nil }
        return message
    }

    @Test("a handler that throws inside its transaction: the module's 500, the transaction rolled back, the worker serves on")
    func handlerThrows() throws {
        let served = try Served()
        // The expediente's INSERT succeeds, then its first historial_estado row fails (a column without a default):
        // a non-HTTP error thrown from the middle of the handler's transaction.
        try served.database.connection.executeText("ALTER TABLE historial_estado ADD COLUMN averia INT NOT NULL")
        let failed = try served.call("POST", "/api/expedientes", json: #"{"no_siniestro": "FALLA-1"}"#)
        #expect(failed.status == 500 && Self.monitorError(failed) == "Error interno al crear expediente", "\(failed.text)")
        #expect(try served.openTransactions() == 0, "the worker left a transaction open")
        #expect(try served.database.count("SELECT COUNT(*) FROM expediente WHERE no_siniestro = 'FALLA-1'") == 0)
        // The worker is not left holding a lock on the table either: this ALTER would wait for it (at most 5 s).
        try served.database.connection.executeText("SET SESSION lock_wait_timeout = 5")
        try served.database.connection.executeText("ALTER TABLE historial_estado DROP COLUMN averia")
        // The same worker (there is one) and its connection serve the next write, committed.
        let created = try served.call("POST", "/api/expedientes", json: #"{"no_siniestro": "FALLA-1"}"#)
        #expect(created.status == 201, "\(created.text)")
        #expect(try served.database.count("SELECT COUNT(*) FROM historial_estado WHERE no_siniestro = 'FALLA-1'") == 1)
        #expect(try served.openTransactions() == 0)
    }

    @Test("a statement past DB_STATEMENT_TIMEOUT_SECONDS (a row held by another): the module's 503 at the limit, then 200 on the same worker")
    func statementPastItsLimit() throws {
        let served = try Served(extra: ["DB_STATEMENT_TIMEOUT_SECONDS": "1"])
        #expect(try served.call("POST", "/api/expedientes", json: #"{"no_siniestro": "LENTO-1"}"#).status == 201)
        let holder = MariaDBConnection(configuration: served.database.configuration)
        defer { holder.close() }
        try holder.transaction {
            _ = try holder.query("SELECT no_siniestro FROM expediente WHERE no_siniestro = 'LENTO-1' FOR UPDATE")
            let (blocked, seconds) = try Elapsed.measure {
                try served.call("PUT", "/api/expedientes/LENTO-1", json: #"{"factura": "F-1"}"#)
            }
            #expect(blocked.status == 503 && Self.monitorError(blocked) == "Servicio no disponible", "\(blocked.text)")
            #expect(seconds >= 0.9 && seconds < 5, "answered after \(seconds) s: the limit (1 s) fired, not InnoDB's 50 s lock wait")
        }
        let updated = try served.call("PUT", "/api/expedientes/LENTO-1", json: #"{"factura": "F-2"}"#)
        #expect(updated.status == 200, "\(updated.text)")
        #expect(try served.database.count("SELECT COUNT(*) FROM expediente WHERE no_siniestro = 'LENTO-1' AND factura = 'F-2'") == 1)
        #expect(try served.openTransactions() == 0)
    }

    @Test("a client that hangs up in the middle of an evidence upload: no file, no temporary part, no row; the worker serves on")
    func uploadHungUp() throws {
        let served = try Served()
        #expect(try served.call("POST", "/api/expedientes", json: #"{"no_siniestro": "SUBIDA-1"}"#).status == 201)
        let boundary = "----ventanilla-fault"
        let head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"archivo\"; filename=\"foto.jpg\"\r\n"
            + "Content-Type: image/jpeg\r\n\r\n"
        let part = Array(head.utf8) + TestData.pattern(count: 300_000)
        try served.client.hangUp(TestServer.cgi("POST", "/api/expedientes/SUBIDA-1/evidencias",
                                                contentType: "multipart/form-data; boundary=\(boundary)",
                                                extra: [("HTTP_AUTHORIZATION", "Bearer \(served.token)")]),
                                 body: part, contentLength: 2_000_000)
        // The next request is served by the same (only) worker, so the upload's handling has ended by then.
        let listed = try served.call("GET", "/api/expedientes/SUBIDA-1/evidencias")
        #expect(listed.status == 200, "\(listed.text)")
        #expect(try served.database.count("SELECT COUNT(*) FROM evidencia WHERE no_siniestro = 'SUBIDA-1'") == 0)
        let left = Self.files(under: served.module.directory.file("uploads"))
        #expect(left.isEmpty, "files left behind: \(left)")
    }

    /// Every regular file under `root`, relative paths.
    static func files(under root: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return walker.compactMap { $0 as? String }.filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }
}
