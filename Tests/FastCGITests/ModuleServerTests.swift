import App
import AppCore
import FastCGI
import HTTPCore
import Testing
import TestSupport

/// The real module glue (`ModuleServer` → `ModuleWorker` → responder → `CGIResponse`) over a unix socket.
/// The database socket does not exist, so no database is needed: the modules must answer cleanly without one.
@Suite("Modules served over FastCGI")
struct ModuleServerTests {
    /// A running module with its own directory and socket.
    final class RunningModule {
        /// Holds the socket, the upload directory and the (missing) database socket.
        let directory: TemporaryDirectory
        /// The running module.
        let server: FastCGIServer
        /// A client of the module's socket.
        let client: FastCGIClient

        /// Starts `module` with settings from `extra` on top of the test defaults.
        init(_ module: ModuleName, extra: [String: String] = [:]) throws {
            directory = try TemporaryDirectory()
            let values = [
                "DB_SOCKET": directory.file("no-mysqld.sock"),
                "DB_NAME": "ventanilla_tests_unused",
                "UPLOAD_DIR": directory.file("uploads"),
                "WORKERS": "2",
                "LOG_LEVEL": "critical",
                "MONITOR_JWT_SECRET": "module-server-tests-monitor-secret-0123",
                "TRANSPORTE_JWT_SECRET": "module-server-tests-transporte-secret-0123",
            ].merging(extra) { $1 }
            let settings = try ModuleSettings(module: module, values: values)
            let path = directory.file("\(module.rawValue).sock")
            do {
                server = try ModuleServer.start(settings, endpoint: .unixSocket(path: path, mode: 0o660), logger: TestServer.logger)
            } catch {
                directory.remove()
                throw error
            }
            client = FastCGIClient(socketPath: path, timeoutSeconds: 5)
        }

        /// Stops the server and removes the directory.
        func stop() {
            server.stop()
            directory.remove()
        }
    }

    /// The media type both modules answer with.
    static let jsonType = "application/json"

    /// The response body parsed as JSON, after checking that it says it is JSON.
    static func json(_ response: FastCGIResponse) throws -> Input {
        #expect(response.header("Content-Type")?.hasPrefix(jsonType) == true)
        #expect(Int(response.header("Content-Length") ?? "") == response.body.count)
        return try JSONParser.parse(response.body)
    }

    @Test("Transporte: an unknown route is a 404 in the T1 envelope")
    func transporteNotFound() throws {
        let module = try RunningModule(.transporte)
        defer { module.stop() }
        let response = try module.client.send(TestServer.cgi("GET", "/no-existe"))
        #expect(response.status == 404)
        _ = try Self.json(response)
        #expect(response.text == #"{"success":false,"message":"Ruta no encontrada","data":null,"errors":[]}"#)
    }

    @Test("Transporte: GET /root without a database is a clean 503 in the envelope")
    func transporteRootWithoutDatabase() throws {
        let module = try RunningModule(.transporte)
        defer { module.stop() }
        let response = try module.client.send(TestServer.cgi("GET", "/root"))
        #expect(response.status == 503)
        let body = try Self.json(response)
        #expect(body["success"] == .bool(false))
        #expect(body["message"] == .string("Base de datos no disponible"))
        #expect(body["data"] == .null, "T1: data is null on every error")
        #expect(body["errors"] == .array([]))
        // The worker survives and answers the next request the same way.
        #expect(try module.client.send(TestServer.cgi("GET", "/root")).status == 503)
    }

    @Test("DB_HOSTS with a dead socket first and the test server second: the workers skip it and serve (GET /root 200)")
    func servesThroughTheSecondNode() throws {
        let dead = try TemporaryDirectory()
        defer { dead.remove() }
        let module = try RunningModule(.transporte, extra: [
            "DB_HOSTS": "\(dead.file("no-node.sock")),\(try TestEnvironment.socket())",
            "DB_USER": try TestEnvironment.user(), "DB_PASSWORD": try TestEnvironment.password(),
            "DB_NAME": "information_schema", "DB_WSREP_SYNC_WAIT": "1",
        ])
        defer { module.stop() }
        for _ in 0..<4 {
            let response = try module.client.send(TestServer.cgi("GET", "/root"))
            #expect(response.status == 200)
        }
    }

    @Test("Transporte: a body over BODY_LIMIT is a 413 without the server reading the rest")
    func transporteBodyTooLarge() throws {
        // One worker: the follow-up requests show it is free again at once.
        let module = try RunningModule(.transporte, extra: ["BODY_LIMIT": "4096", "WORKERS": "1"])
        defer { module.stop() }
        let started = ContinuousClock.now
        // 10 MB declared, 8 KB sent, stdin left open: only an answer that does not wait for the body can arrive.
        let response = try module.client.send(TestServer.cgi("GET", "/root", contentType: Self.jsonType),
                                              body: TestData.pattern(count: 8_192), contentLength: 10_000_000,
                                              ending: .leaveOpen)
        #expect(response.status == 413)
        let body = try Self.json(response)
        #expect(body["success"] == .bool(false))
        #expect(body["message"] == .string("El cuerpo de la petición excede el tamaño máximo permitido"))
        for _ in 0..<3 {
            #expect(try module.client.send(TestServer.cgi("GET", "/no-existe")).status == 404)
        }
        #expect(ContinuousClock.now - started < .seconds(3))
    }

    @Test("Transporte: malformed JSON is a 400 in the envelope")
    func transporteMalformedJSON() throws {
        let module = try RunningModule(.transporte)
        defer { module.stop() }
        let response = try module.client.send(TestServer.cgi("GET", "/root", contentType: Self.jsonType),
                                              body: Array(#"{"nombre": "sin cerrar""#.utf8))
        #expect(response.status == 400)
        let body = try Self.json(response)
        #expect(body["success"] == .bool(false))
        #expect(body["message"] == .string("El cuerpo de la petición no es un JSON válido"))
    }

    @Test("Transporte: a body shorter than CONTENT_LENGTH is a 400, not a hang")
    func transporteTruncatedBody() throws {
        let module = try RunningModule(.transporte)
        defer { module.stop() }
        let response = try module.client.send(TestServer.cgi("GET", "/root", contentType: Self.jsonType),
                                              body: Array(#"{"a": 1"#.utf8), contentLength: 100, ending: .endOfStream)
        #expect(response.status == 400)
        let body = try Self.json(response)
        #expect(body["success"] == .bool(false))
        #expect(body["message"] == .string("El cuerpo de la petición está incompleto"))
    }

    @Test("Transporte: a client that hangs up mid-body leaves the module serving")
    func transporteClientHangsUp() throws {
        let module = try RunningModule(.transporte, extra: ["WORKERS": "1"])
        defer { module.stop() }
        try module.client.hangUp(TestServer.cgi("GET", "/root", contentType: Self.jsonType),
                                 body: Array(#"{"a": "#.utf8), contentLength: 1_000)
        #expect(try module.client.send(TestServer.cgi("GET", "/no-existe")).status == 404)
    }

    @Test("Monitor: an unknown route is a 404 in Monitor's format")
    func monitorNotFound() throws {
        let module = try RunningModule(.monitor)
        defer { module.stop() }
        let response = try module.client.send(TestServer.cgi("GET", "/api/no-existe"))
        #expect(response.status == 404)
        _ = try Self.json(response)
        #expect(response.text == #"{"error":"Ruta no encontrada"}"#)
    }
}
