import AppCore
import Foundation
import HTTPCore
import Logging
import MariaDB
import TestSupport
import Testing
@testable import Monitor

/// `/api/logs` (monitor.md §4.12) over the application log file of ruling M15, and `/api/diagnostico` (§4.13):
/// shapes, errors, roles, and status checks that report a failure as `ok: false`.
@Suite("Logs and diagnóstico")
struct LogDiagnosticoTests {
    /// A scratch directory for a harness's log file, removed by the caller.
    static func scratch() throws -> String {
        let directory = NSTemporaryDirectory() + "monitor-logs-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    /// The body's array, or nil when it is not one.
    static func array(_ response: TestResponse) -> [Input]? {
        if case .array(let items)? = response.json { return items }
        return nil
    }

    /// The body's array of strings, or nil.
    static func strings(_ response: TestResponse) -> [String]? {
        array(response).map { $0.compactMap(\.stringValue) }
    }

    static let routes: [(HTTPMethod, String)] = [
        (.get, "/api/logs"), (.get, "/api/logs/download"), (.get, "/api/diagnostico/checks"),
        (.get, "/api/diagnostico/sync-pendientes"), (.get, "/api/diagnostico/historial-reciente"), (.get, "/api/diagnostico/uptime"),
    ]

    @Test("GET /api/logs: the last `limite` lines newest first (150 when absent, 0 or not a positive integer); [] without a file")
    func logLines() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let h = try MonitorHarness(extra: ["MONITOR_LOG_FILE": directory + "/logs/app.log"])
        let admin = try h.user(.administrador).token
        let empty = h.call(.get, "/api/logs", token: admin)
        #expect(empty.status == 200)
        #expect(empty.text == "[]")
        let file = try #require(h.module.environment.logFile)
        let lines = (1...160).map { "[2026-12-01T12:00:00.000Z] [INFO] [ventanilla.monitor] línea \($0)" }
        for line in lines { file.append(line) }
        let three = h.call(.get, "/api/logs?limite=3", token: admin)
        #expect(three.status == 200)
        #expect(Self.strings(three) == Array(lines.suffix(3).reversed()))
        for limite in ["", "?limite=0", "?limite=abc", "?limite=-4", "?limite=1.5", "?limite=99999999999999999999999", "?limite=%00"] {
            let response = h.call(.get, "/api/logs" + limite, token: admin)
            #expect(response.status == 200, "\(limite)")
            #expect(Self.strings(response) == Array(lines.suffix(150).reversed()), "\(limite)")
        }
        #expect(Self.array(h.call(.get, "/api/logs?limite=500", token: admin))?.count == 160)
    }

    @Test("GET /api/logs/download: the file as app.log; 404 No hay archivo de logs without one")
    func download() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let h = try MonitorHarness(extra: ["MONITOR_LOG_FILE": directory + "/app.log"])
        let admin = try h.user(.administrador).token
        let missing = h.call(.get, "/api/logs/download", token: admin)
        #expect(missing.status == 404)
        #expect(missing.error == "No hay archivo de logs")
        let file = try #require(h.module.environment.logFile)
        file.append("[2026-12-01T12:00:00.000Z] [WARN] [ventanilla.monitor] uno")
        file.append("[2026-12-01T12:00:01.000Z] [ERROR] [ventanilla.monitor] dos | {\"a\":1}")
        let response = h.call(.get, "/api/logs/download", token: admin)
        #expect(response.status == 200)
        #expect(response.headers["Content-Disposition"] == "attachment; filename=\"app.log\"")
        #expect(response.headers["Content-Type"] == "text/plain; charset=utf-8")
        #expect(response.text == "[2026-12-01T12:00:00.000Z] [WARN] [ventanilla.monitor] uno\n[2026-12-01T12:00:01.000Z] [ERROR] [ventanilla.monitor] dos | {\"a\":1}\n")
    }

    @Test("without MONITOR_LOG_FILE: /api/logs is [] and the download 404; an unreadable file is the 500 of §4.12")
    func unconfiguredAndUnreadable() throws {
        let plain = try MonitorHarness()
        let token = try plain.user(.administrador).token
        #expect(plain.call(.get, "/api/logs", token: token).text == "[]")
        #expect(plain.call(.get, "/api/logs/download", token: token).status == 404)
        #expect(plain.call(.get, "/api/diagnostico/uptime", token: token).text == "[]")

        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // A directory where the file should be: it exists but cannot be read as a file.
        try FileManager.default.createDirectory(atPath: directory + "/app.log", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: directory + "/uptime.log", withIntermediateDirectories: true)
        let h = try MonitorHarness(extra: ["MONITOR_LOG_FILE": directory + "/app.log"])
        let admin = try h.user(.administrador).token
        for path in ["/api/logs", "/api/logs/download"] {
            let response = h.call(.get, path, token: admin)
            #expect(response.status == 500, "\(path)")
            #expect(response.error == "No se pudo leer el archivo de logs", "\(path)")
        }
        let uptime = h.call(.get, "/api/diagnostico/uptime", token: admin)
        #expect(uptime.status == 500)
        #expect(uptime.error == "No se pudo leer el historial de uptime")
    }

    @Test("checks: null and [] before a run; after it the five checks in order, all ok where everything answers but the front")
    func checksAfterARun() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Port 1 on loopback: nothing listens, the Frontend check fails.
        let h = try MonitorHarness(extra: ["MONITOR_LOG_FILE": directory + "/app.log", "MONITOR_FRONTEND_URL": "http://127.0.0.1:1/"])
        let admin = try h.user(.administrador).token
        #expect(h.call(.get, "/api/diagnostico/checks", token: admin).text == #"{"ultimaEjecucion":null,"checks":[]}"#)
        let logger = Logger(label: "test")
        h.module.runStatusChecks(connection: h.connection, logger: logger)
        let response = h.call(.get, "/api/diagnostico/checks", token: admin)
        #expect(response.status == 200)
        #expect(response.text == #"{"ultimaEjecucion":"2026-12-01T12:00:00.000Z","checks":["#
                + #"{"nombre":"Backend","ok":true,"timestamp":"2026-12-01T12:00:00.000Z"},"#
                + #"{"nombre":"Base de datos","ok":true,"timestamp":"2026-12-01T12:00:00.000Z"},"#
                + #"{"nombre":"Disco","ok":true,"timestamp":"2026-12-01T12:00:00.000Z"},"#
                + #"{"nombre":"Evidencias","ok":true,"timestamp":"2026-12-01T12:00:00.000Z"},"#
                + #"{"nombre":"Frontend","ok":false,"timestamp":"2026-12-01T12:00:00.000Z"}]}"#)
        // Each run appends one uptime line, read newest first.
        h.clock.advance(seconds: 300)
        h.module.runStatusChecks(connection: h.connection, logger: logger)
        let uptime = h.call(.get, "/api/diagnostico/uptime", token: admin)
        #expect(Self.strings(uptime) == [
            "[2026-12-01T12:05:00.000Z] [WARN] [Diagnostico] Backend: ok, Base de datos: ok, Disco: ok, Evidencias: ok, Frontend: fallo",
            "[2026-12-01T12:00:00.000Z] [WARN] [Diagnostico] Backend: ok, Base de datos: ok, Disco: ok, Evidencias: ok, Frontend: fallo",
        ])
        #expect(h.call(.get, "/api/diagnostico/checks", token: admin).json?["ultimaEjecucion"]?.stringValue == "2026-12-01T12:05:00.000Z")
    }

    @Test("a failing check is ok: false: database unreachable, evidence folder missing, upload folder not writable")
    func failingChecks() throws {
        // Directories under a regular file can be neither made nor written, whoever runs the tests (root included).
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let blocker = directory + "/a-file"
        #expect(FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8)))
        let h = try MonitorHarness(extra: ["EVIDENCIAS_DIR": blocker + "/evidencias", "UPLOAD_DIR": blocker + "/uploads",
                                           "MONITOR_FRONTEND_URL": "http://127.0.0.1:1/"])
        let unreachable = MariaDBConnection(configuration: MariaDBConfiguration(socket: "/nonexistent/mysqld.sock", user: "nadie",
                                                                                connectTimeoutSeconds: 1))
        defer { unreachable.close() }
        let checks = h.module.runStatusChecks(connection: unreachable, logger: Logger(label: "test"))
        #expect(checks.map(\.nombre) == ["Backend", "Base de datos", "Disco", "Evidencias", "Frontend"])
        #expect(checks.map(\.ok) == [true, false, false, false, false])
        let admin = try h.user(.administrador).token
        guard case .array(let listed)? = h.call(.get, "/api/diagnostico/checks", token: admin).json?["checks"] else {
            Issue.record("no checks array")
            return
        }
        #expect(listed.map { $0["ok"] } == [.bool(true), .bool(false), .bool(false), .bool(false), .bool(false)])
    }

    @Test("sync-pendientes counts Local expedientes of any estado; historial-reciente the 20 newest rows, no user")
    func readings() throws {
        let h = try MonitorHarness()
        let admin = try h.user(.administrador).token
        #expect(h.call(.get, "/api/diagnostico/sync-pendientes", token: admin).text == #"{"pendientes":0}"#)
        #expect(h.call(.get, "/api/diagnostico/historial-reciente", token: admin).text == "[]")
        try Rec.expediente(h, "SIN-L1")
        try Rec.expediente(h, "SIN-L2", estado: "Salida")
        try Rec.expediente(h, "SIN-N1", ubicacion: "Nube")
        #expect(h.call(.get, "/api/diagnostico/sync-pendientes", token: admin).text == #"{"pendientes":2}"#)
        for minute in 0..<22 {
            let stamp = String(format: "2026-11-30 10:%02d:00.000", minute)
            _ = try h.connection.execute("""
                INSERT INTO historial_estado (no_siniestro, estado_anterior, estado_nuevo, fecha_cambio, cambiado_por)
                VALUES ('SIN-L1', \(minute % 2 == 0 ? "Ingreso" : "Restauracion"), \(minute % 2 == 0 ? "Restauracion" : "Ingreso"), \(stamp), NULL)
                """)
        }
        let response = h.call(.get, "/api/diagnostico/historial-reciente", token: admin)
        #expect(response.status == 200)
        let rows = try #require(Self.array(response))
        #expect(rows.count == 20)
        #expect(rows.first?["fecha_cambio"]?.stringValue == "2026-11-30T10:21:00.000Z")
        #expect(rows.last?["fecha_cambio"]?.stringValue == "2026-11-30T10:02:00.000Z")
        #expect(rows.first?.objectValue?.keys.sorted() == ["cambiado_por", "estado_anterior", "estado_nuevo", "fecha_cambio", "id", "no_siniestro"])
        #expect(rows.first?["estado_nuevo"]?.stringValue == "Ingreso")
    }

    @Test("Every route × caller: no token 401, bad token 401, Operador and Tecnico 403, Administrador 200", arguments: 0..<6)
    func matrix(index: Int) throws {
        let (method, path) = Self.routes[index]
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let h = try MonitorHarness(extra: ["MONITOR_LOG_FILE": directory + "/app.log"])
        h.module.environment.logFile?.append("[2026-12-01T12:00:00.000Z] [INFO] [ventanilla.monitor] uno")
        let tokens = try Rec.Tokens(h)
        let anonymous = h.call(method, path)
        #expect(anonymous.status == 401)
        #expect(anonymous.error == "Token requerido")
        let forged = h.call(method, path, token: tokens.administrador + "x")
        #expect(forged.status == 401)
        #expect(forged.error == "Token inválido o expirado")
        for token in [tokens.operador, tokens.tecnico] {
            let refused = h.call(method, path, token: token)
            #expect(refused.status == 403)
            #expect(refused.error == "Acceso restringido a administradores")
        }
        #expect(h.call(method, path, token: tokens.administrador).status == 200)
        // Other methods on the path: the JSON 405 with Allow.
        let other = h.call(.post, path, json: "{}", token: tokens.administrador)
        #expect(other.status == 405)
        #expect(other.headers["Allow"] == "GET")
    }
}
