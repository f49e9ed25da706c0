import App
import AppCore
import Foundation
import HTTPCore
import Logging
import MariaDB
import TestSupport
import Testing
@testable import Monitor

/// Cloud backup (monitor.md §4.6 `respaldar`, §4.11, §6, §8.3; rulings M8, M14) against a real database and the
/// local S3 server `scripts/test` starts (moto behind a front that checks SigV4 signatures and presigned expiry).
@Suite("Monitor cloud backup", .serialized)
struct BackupTests {
    /// Uploads `data` as an evidencia of `noSiniestro` and returns its row's `ruta`.
    static func evidencia(_ h: MonitorHarness, _ noSiniestro: String, token: String, data: [UInt8],
                          filename: String = "foto frontal.jpg") throws -> String {
        let response = EvidenciaTests.upload(h, noSiniestro, token: token, filename: filename, data: data)
        #expect(response.status == 201, "\(response.text)")
        return try #require(response.json?["ruta"]?.stringValue)
    }

    static func rows(_ h: MonitorHarness, _ noSiniestro: String) throws -> [(ruta: String, ubicacion: String)] {
        try h.connection.query("SELECT ruta, ubicacion_almacenamiento FROM evidencia WHERE no_siniestro = \(noSiniestro) ORDER BY id")
            .map { (try $0.string("ruta"), try $0.string("ubicacion_almacenamiento")) }
    }

    static func ubicacion(_ h: MonitorHarness, _ noSiniestro: String) throws -> String? {
        try h.connection.queryFirst("SELECT ubicacion_almacenamiento FROM expediente WHERE no_siniestro = \(noSiniestro)")?
            .string("ubicacion_almacenamiento")
    }

    static func logs(_ h: MonitorHarness, _ token: String) -> [Input] {
        Rec.array(h.call(.get, "/api/backup/logs", token: token).json)
    }

    static func waitForIdle(_ h: MonitorHarness, _ token: String) -> Bool {
        Elapsed.waitUntil(seconds: 60) {
            h.call(.get, "/api/backup/progreso", token: token).json?["corriendo"] == .bool(false)
        }
    }

    // MARK: Not configured

    @Test("without MONITOR_S3_* the backup actions answer 503 and estado says No configurado; logs and progreso still answer")
    func notConfigured() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-NC", estado: "Salida")
        for (path, token) in [("/api/expedientes/SIN-NC/evidencias/respaldar", tokens.operador), ("/api/backup/exportar/SIN-NC", tokens.administrador),
                              ("/api/backup/exportar", tokens.administrador)] {
            let response = h.call(.post, path, token: token)
            #expect(response.status == 503, "\(path)")
            #expect(response.error == "Respaldo en la nube no configurado", "\(path)")
        }
        let estado = h.call(.get, "/api/backup/estado", token: tokens.administrador)
        #expect(estado.status == 200)
        #expect(estado.json?["nube"]?["estado"]?.stringValue == "No configurado")
        #expect(estado.json?["nube"]?["ultimo_error"]?.stringValue == "Ninguno")
        #expect(Rec.isNull(estado.json?["nube"]?["ultimo_respaldo"]))
        #expect(Self.logs(h, tokens.administrador).isEmpty)
        #expect(h.call(.get, "/api/backup/progreso", token: tokens.administrador).json?["corriendo"] == .bool(false))
    }

    @Test("a partial S3 configuration stops the module at start, naming the missing setting")
    func partialConfiguration() throws {
        #expect(throws: ConfigurationError.self) {
            _ = try MonitorHarness(extra: ["MONITOR_S3_ENDPOINT": "http://127.0.0.1:1"], cloudStore: CurlS3Client.factory)
        }
    }

    // MARK: Per-expediente backup (§6.3)

    @Test("respaldar: every file goes up under its key with its bytes, rows point at the keys (matched by stored file), local copies go")
    func respaldar() throws {
        let h = try MonitorHarness(cloud: CurlS3Client.factory)
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-BK-1")
        let first: [UInt8] = Array("primera evidencia".utf8) + (0..<3_000).map { UInt8($0 % 253) }
        let second: [UInt8] = Array("segunda".utf8)
        let rutaA = try Self.evidencia(h, "SIN-BK-1", token: tokens.operador, data: first, filename: "con espacios  y más.jpg")
        let rutaB = try Self.evidencia(h, "SIN-BK-1", token: tokens.operador, data: second, filename: "b.pdf")

        let early = h.call(.post, "/api/expedientes/SIN-BK-1/evidencias/respaldar", token: tokens.operador)
        #expect(early.status == 400)
        #expect(early.error == "Solo se puede respaldar a la nube un expediente con estado Salida")
        let missing = h.call(.post, "/api/expedientes/SIN-NADA/evidencias/respaldar", token: tokens.operador)
        #expect(missing.status == 400)
        #expect(missing.error == "Expediente no encontrado")

        _ = try h.connection.execute("UPDATE expediente SET estado = 'Salida' WHERE no_siniestro = 'SIN-BK-1'")
        let done = h.call(.post, "/api/expedientes/SIN-BK-1/evidencias/respaldar", token: tokens.operador)
        #expect(done.status == 200, "\(done.text)")
        // The two evidencias and the EXPEDIENTE form (§6.3 step 2).
        #expect(Rec.int(done.json?["subidas"]) == 3)
        #expect(Rec.bool(done.json?["ok"]) == true)

        let rows = try Self.rows(h, "SIN-BK-1")
        #expect(rows.map(\.ruta) == [String(rutaA.dropFirst()), String(rutaB.dropFirst())])
        #expect(rows.allSatisfy { $0.ubicacion == "Nube" })
        #expect(try Self.ubicacion(h, "SIN-BK-1") == "Nube")
        #expect(try CloudTestServer.object(String(rutaA.dropFirst())) == first)
        #expect(try CloudTestServer.object(String(rutaB.dropFirst())) == second)
        let folder = EvidenceStorage(root: h.directory + "/evidencias").folderName(for: "SIN-BK-1")
        #expect(try CloudTestServer.object("evidencias/\(folder)/FORMATOS/EXPEDIENTE_SIN-BK-1.xlsx")?.prefix(2) == [0x50, 0x4B])
        #expect(Rec.evidenceFiles(h).isEmpty, "\(Rec.evidenceFiles(h))")

        // GET evidencias: url_nube presigned (900 s) at the module's clock, key_nube = ruta; the URL answers 200.
        try h.syncClockWithCloud()
        // Tokens issued at the new time (the harness's first ones are hours old there).
        let tecnico = try h.user(.tecnico).token
        let administrador = try h.user(.administrador).token
        let listed = Rec.array(h.call(.get, "/api/expedientes/SIN-BK-1/evidencias", token: tecnico).json)
        #expect(listed.count == 2)
        for row in listed {
            let url = try #require(row["url_nube"]?.stringValue)
            #expect(url.contains("X-Amz-Expires=900"))
            #expect(row["key_nube"]?.stringValue == row["ruta"]?.stringValue)
            #expect(PlainHTTP.get(url)?.status == 200)
        }
        // Nothing local left: a second run has nothing but the regenerated form to send.
        let again = h.call(.post, "/api/expedientes/SIN-BK-1/evidencias/respaldar", token: administrador)
        #expect(Rec.int(again.json?["subidas"]) == 1)
    }

    @Test("a failed upload (the server gone mid-run) leaves the expediente Local with every file on disk and every row Local")
    func failedUploadKeepsEverything() throws {
        // The first upload reaches the real server; from the second on, the server is gone (nothing listens on
        // the endpoint any more): a real libcurl connection failure, after its 3 attempts.
        let h = try MonitorHarness(cloud: { settings in
            StoreGoneAfter(puts: 1, live: CurlS3Client(settings: settings),
                           gone: CurlS3Client(settings: S3Settings(endpoint: "http://127.0.0.1:9", region: settings.region, bucket: settings.bucket,
                                                                   accessKeyID: settings.accessKeyID, secretAccessKey: settings.secretAccessKey)))
        })
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-BK-F", estado: "Salida")
        _ = try Self.evidencia(h, "SIN-BK-F", token: tokens.operador, data: Array("uno".utf8))
        _ = try Self.evidencia(h, "SIN-BK-F", token: tokens.operador, data: Array("dos".utf8))
        let before = Rec.evidenceFiles(h)

        let failed = h.call(.post, "/api/backup/exportar/SIN-BK-F", token: tokens.administrador)
        #expect(failed.status == 400)
        #expect(failed.error == "Error interno al respaldar evidencias")
        #expect(try Self.rows(h, "SIN-BK-F").allSatisfy { $0.ubicacion == "Local" && $0.ruta.hasPrefix("/evidencias/") })
        #expect(try Self.ubicacion(h, "SIN-BK-F") == "Local")
        // Every file is still there; the only new one is the EXPEDIENTE form that step 2 wrote.
        #expect(Rec.evidenceFiles(h).filter { !$0.contains("/FORMATOS/") } == before)
        for ruta in try Self.rows(h, "SIN-BK-F").map(\.ruta) {
            #expect(FileManager.default.fileExists(atPath: h.directory + ruta))
        }
        let log = try #require(Self.logs(h, tokens.administrador).first)
        #expect(log["tipo"]?.stringValue == "Manual")
        #expect(log["resultado"]?.stringValue == "Error")
        #expect(log["detalle"]?.stringValue == "Respaldo de expediente SIN-BK-F: Error interno al respaldar evidencias — \(try h.username(id: tokens.adminID))")
    }

    @Test("exportar/:no logs its success as Manual with the count and the username; a blank number is a 400")
    func exportarExpediente() throws {
        let h = try MonitorHarness(cloud: CurlS3Client.factory)
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-BK-X", estado: "Salida")
        _ = try Self.evidencia(h, "SIN-BK-X", token: tokens.operador, data: Array("x".utf8))
        let done = h.call(.post, "/api/backup/exportar/SIN-BK-X", token: tokens.administrador)
        #expect(done.status == 200, "\(done.text)")
        #expect(Rec.int(done.json?["subidas"]) == 2)
        let username = try h.username(id: tokens.adminID)
        let log = try #require(Self.logs(h, tokens.administrador).first)
        #expect(Rec.int(log["id"]) == 1)
        #expect(log["detalle"]?.stringValue == "Respaldo del expediente SIN-BK-X (2 archivos) — \(username)")
        #expect(log["usuario"]?.stringValue == username)
        #expect(log["fecha"]?.stringValue == "2026-12-01T12:00:00.000Z")
        let blank = h.call(.post, "/api/backup/exportar/%20", token: tokens.administrador)
        #expect(blank.status == 400)
        #expect(blank.error == "Número de siniestro inválido")

        let estado = try #require(h.call(.get, "/api/backup/estado", token: tokens.administrador).json)
        #expect(estado["nube"]?["estado"]?.stringValue == "Activo")
        #expect(estado["nube"]?["ultimo_respaldo"]?.stringValue == "2026-12-01T12:00:00.000Z")
        #expect(Rec.int(estado["evidencias"]?["nube"]) == 1)
        #expect(Rec.int(estado["evidencias"]?["local"]) == 0)
        #expect(Rec.int(estado["expedientes"]?["totales"]) == 1)
        #expect((Rec.int(estado["disco_local"]?["total_gb"]) ?? 0) > 0)
    }

    @Test("DELETE evidencia of a Nube row deletes its cloud object too (M8)")
    func deleteDeletesCloudObject() throws {
        let h = try MonitorHarness(cloud: CurlS3Client.factory)
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-BK-D", estado: "Salida")
        let ruta = try Self.evidencia(h, "SIN-BK-D", token: tokens.operador, data: Array("borrar".utf8))
        #expect(h.call(.post, "/api/expedientes/SIN-BK-D/evidencias/respaldar", token: tokens.operador).status == 200)
        let key = String(ruta.dropFirst())
        let store = CurlS3Client(settings: try CloudTestServer.settings())
        #expect(try store.exists(key: key))
        let id = try #require(try h.connection.queryFirst("SELECT id FROM evidencia WHERE no_siniestro = 'SIN-BK-D'")?.int("id"))
        #expect(h.call(.delete, "/api/expedientes/SIN-BK-D/evidencias/\(id)", token: tokens.administrador).status == 200)
        #expect(try store.exists(key: key) == false)
    }

    @Test("DELETE expediente deletes its cloud copies too, the forms included (M8)")
    func deleteExpedienteDeletesCloudCopies() throws {
        let h = try MonitorHarness(cloud: CurlS3Client.factory)
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-BK-E", estado: "Salida")
        let ruta = try Self.evidencia(h, "SIN-BK-E", token: tokens.operador, data: Array("expediente".utf8))
        #expect(h.call(.post, "/api/expedientes/SIN-BK-E/evidencias/respaldar", token: tokens.operador).status == 200)
        let folder = EvidenceStorage(root: h.directory + "/evidencias").folderName(for: "SIN-BK-E")
        let keys = [String(ruta.dropFirst()), "evidencias/\(folder)/FORMATOS/EXPEDIENTE_SIN-BK-E.xlsx"]
        let store = CurlS3Client(settings: try CloudTestServer.settings())
        for key in keys { #expect(try store.exists(key: key), "\(key)") }
        #expect(h.call(.delete, "/api/expedientes/SIN-BK-E", token: tokens.administrador).status == 200)
        for key in keys { #expect(try store.exists(key: key) == false, "\(key)") }
    }

    // MARK: Presigned URLs

    @Test("presigned URLs: 200 with the bytes while fresh, 403 once X-Amz-Date + 900 s has passed, 403 when tampered with")
    func presigned() throws {
        let settings = try CloudTestServer.settings()
        let store = CurlS3Client(settings: settings)
        let key = "evidencias/presign-test/\(Hashing.randomHex(bytes: 8)) x+y.txt"
        let bytes = Array("presigned bytes".utf8)
        try store.put(key: key, bytes: bytes)
        let presigner = S3Presigner(settings: settings)
        let now = try CloudTestServer.now()
        let fresh = try #require(PlainHTTP.get(presigner.presignedGET(key, at: now, expires: 900)))
        #expect(fresh.status == 200)
        #expect(fresh.body == bytes)
        // Signed 901 s before the server's now: expired by its clock.
        let stale = try #require(PlainHTTP.get(presigner.presignedGET(key, at: now - 901_000, expires: 900)))
        #expect(stale.status == 403)
        #expect(String(decoding: stale.body, as: UTF8.self).contains("Request has expired"))
        // Signed 600 s before: still good (a margin for the time between reading the server's clock and asking).
        #expect(PlainHTTP.get(presigner.presignedGET(key, at: now - 600_000, expires: 900))?.status == 200)
        let forged = presigner.presignedGET(key, at: now, expires: 900).replacingOccurrences(of: "X-Amz-Expires=900", with: "X-Amz-Expires=9000")
        #expect(PlainHTTP.get(forged)?.status == 403)
        let wrongSecret = S3Presigner(settings: S3Settings(endpoint: settings.endpoint, region: settings.region, bucket: settings.bucket,
                                                           accessKeyID: settings.accessKeyID, secretAccessKey: "not-the-secret"))
        #expect(PlainHTTP.get(wrongSecret.presignedGET(key, at: now, expires: 900))?.status == 403)
    }

    @Test("libcurl's SigV4: a wrong secret is refused by the server; HEAD sees what PUT stored and DELETE removed")
    func signedRequests() throws {
        let settings = try CloudTestServer.settings()
        let key = "evidencias/sigv4-test/\(Hashing.randomHex(bytes: 8)).bin"
        let wrong = CurlS3Client(settings: S3Settings(endpoint: settings.endpoint, region: settings.region, bucket: settings.bucket,
                                                      accessKeyID: settings.accessKeyID, secretAccessKey: "wrong"))
        #expect(throws: CloudStoreError.self) { try wrong.put(key: key, bytes: [1, 2, 3]) }
        let store = CurlS3Client(settings: settings)
        #expect(try store.exists(key: key) == false)
        try store.put(key: key, bytes: [1, 2, 3])
        #expect(try store.exists(key: key))
        try store.delete(key: key)
        #expect(try store.exists(key: key) == false)
    }

    // MARK: Bulk job (§6.4)

    @Test("bulk job: Salida expedientes' files go up and their rows follow (matched by stored file); others stay; logs Nube and Manual")
    func bulk() throws {
        let h = try MonitorHarness(cloud: CurlS3Client.factory)
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-BULK-1", estado: "Salida")
        try Rec.expediente(h, "SIN-BULK-2", estado: "Salida")
        try Rec.expediente(h, "SIN-BULK-3", estado: "Restauracion")
        let a = try Self.evidencia(h, "SIN-BULK-1", token: tokens.operador, data: Array("a".utf8), filename: "nombre con espacios.jpg")
        let b = try Self.evidencia(h, "SIN-BULK-2", token: tokens.operador, data: Array("b".utf8))
        let c = try Self.evidencia(h, "SIN-BULK-3", token: tokens.operador, data: Array("c".utf8))

        let started = h.call(.post, "/api/backup/exportar", token: tokens.administrador)
        #expect(started.status == 200, "\(started.text)")
        #expect(Rec.bool(started.json?["iniciado"]) == true)
        #expect(Self.waitForIdle(h, tokens.administrador))

        #expect(try Self.rows(h, "SIN-BULK-1").map(\.ruta) == [String(a.dropFirst())])
        #expect(try Self.rows(h, "SIN-BULK-2").map(\.ubicacion) == ["Nube"])
        #expect(try Self.rows(h, "SIN-BULK-3").map(\.ruta) == [c])
        #expect(try Self.ubicacion(h, "SIN-BULK-1") == "Nube")
        #expect(try Self.ubicacion(h, "SIN-BULK-3") == "Local")
        #expect(try CloudTestServer.object(String(b.dropFirst())) == Array("b".utf8))
        #expect(FileManager.default.fileExists(atPath: h.directory + c))
        #expect(!FileManager.default.fileExists(atPath: h.directory + a))

        let progress = try #require(h.call(.get, "/api/backup/progreso", token: tokens.administrador).json)
        #expect(Rec.int(progress["total"]) == 3)
        #expect(Rec.int(progress["procesados"]) == 3)
        #expect(Rec.int(progress["subidas"]) == 2)
        #expect(Rec.int(progress["fallidas"]) == 0)
        #expect(progress["terminado_en"]?.stringValue == "2026-12-01T12:00:00.000Z")
        #expect(Rec.isNull(progress["error"]))

        let logs = Self.logs(h, tokens.administrador)
        #expect(logs.map { Rec.int($0["id"]) } == [2, 1])
        #expect(logs.last?["tipo"]?.stringValue == "Nube")
        #expect(logs.last?["detalle"]?.stringValue == "Respaldo completo de evidencias (2 subidos, 0 fallidos)")
        #expect(Rec.keys(logs.last).contains("usuario") == false)
        let username = try h.username(id: tokens.adminID)
        #expect(logs.first?["detalle"]?.stringValue == "Exportación de evidencias (2 archivos) — \(username)")
    }

    @Test("two bulk runs started at once from two module instances (two processes) never both run; the loser's POST is a 409")
    func oneRunAtATime() throws {
        let gate = Gate()
        let h = try MonitorHarness(cloud: { settings in GatedStore(gate: gate, live: CurlS3Client(settings: settings)) })
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-LOCK", estado: "Salida")
        _ = try Self.evidencia(h, "SIN-LOCK", token: tokens.operador, data: Array("l".utf8))
        // A second module over the same database: another process's workers.
        let other = try MonitorModule(settings: try TestEnvironment.settings(.monitor, database: h.database, extra: [
            "MONITOR_JWT_SECRET": MonitorHarness.secret, "UPLOAD_DIR": h.directory + "/uploads",
            "EVIDENCIAS_DIR": h.directory + "/evidencias",
        ].merging(try CloudTestServer.extra()) { $1 }), clock: h.clock, cloudStore: { settings in GatedStore(gate: gate, live: CurlS3Client(settings: settings)) })

        let results = Results()
        let group = DispatchGroup()
        for environment in [h.module.environment, other.environment] {
            group.enter()
            Thread {
                do { results.add(try environment.startBulkBackup(usuario: "carrera", logger: .init(label: "test"))) } catch { results.add(nil) }
                group.leave()
            }.start()
        }
        group.wait()
        #expect(results.values.sorted { "\(String(describing: $0))" < "\(String(describing: $1))" } == [false, true])
        let refused = h.call(.post, "/api/backup/exportar", token: tokens.administrador)
        #expect(refused.status == 409)
        #expect(refused.error == "Ya hay una exportación en curso")
        #expect(h.call(.get, "/api/backup/progreso", token: tokens.administrador).json?["corriendo"] == .bool(true))
        gate.open()
        #expect(Self.waitForIdle(h, tokens.administrador))
        #expect(h.call(.post, "/api/backup/exportar", token: tokens.administrador).status == 200)
        #expect(Self.waitForIdle(h, tokens.administrador))
    }

    // MARK: Route × role, bad input

    @Test("every backup route × role: no token 401, the refused roles 403, the allowed ones their success")
    func matrix() throws {
        let h = try MonitorHarness(cloud: CurlS3Client.factory)
        let tokens = try Rec.Tokens(h)
        var serial = 0
        try Rec.checkAuth(h, tokens, .post, auth: .adminOrOperator, success: 200) {
            serial += 1
            try Rec.expediente(h, "SIN-MX-\(serial)", estado: "Salida")
            return "/api/expedientes/SIN-MX-\(serial)/evidencias/respaldar"
        }
        try Rec.checkAuth(h, tokens, .post, auth: .admin, success: 200) {
            serial += 1
            try Rec.expediente(h, "SIN-MX-\(serial)", estado: "Salida")
            return "/api/backup/exportar/SIN-MX-\(serial)"
        }
        try Rec.checkAuth(h, tokens, .get, auth: .admin, success: 200) { "/api/backup/estado" }
        try Rec.checkAuth(h, tokens, .get, auth: .admin, success: 200) { "/api/backup/logs" }
        try Rec.checkAuth(h, tokens, .post, auth: .admin, success: 200) { "/api/backup/logs/limpiar" }
        try Rec.checkAuth(h, tokens, .delete, auth: .admin, success: 200) { "/api/backup/logs" }
        try Rec.checkAuth(h, tokens, .get, auth: .admin, success: 200) { "/api/backup/progreso" }
        try Rec.checkAuth(h, tokens, .post, auth: .admin, success: 200) {
            #expect(Self.waitForIdle(h, tokens.administrador))
            return "/api/backup/exportar"
        }
        #expect(Self.waitForIdle(h, tokens.administrador))
    }

    @Test("bad input never reaches a 5xx: bodies are ignored, unknown expedientes are 400s, other methods 405")
    func badInput() throws {
        let h = try MonitorHarness(cloud: CurlS3Client.factory)
        let tokens = try Rec.Tokens(h)
        for bad in Rec.badBodies {
            for path in ["/api/expedientes/SIN-NO/evidencias/respaldar", "/api/backup/exportar/SIN-NO"] {
                let response = h.call(.post, path, token: tokens.administrador, body: bad.bytes, contentType: bad.contentType)
                #expect((400..<500).contains(response.status), "\(bad.name) \(path): \(response.text)")
            }
        }
        for path in ["/api/expedientes/SIN-NO/evidencias/respaldar", "/api/backup/exportar/SIN-NO", "/api/backup/exportar", "/api/backup/logs/limpiar"] {
            let response = h.call(.post, path, json: "[1, 2, 3]", token: tokens.administrador)
            #expect(response.status == 400, "\(path): \(response.text)")
            #expect(response.error == "El cuerpo de la solicitud debe ser un objeto JSON", "\(path)")
        }
        for path in ["/api/expedientes/%00/evidencias/respaldar", "/api/backup/exportar/..%2F..%2Fetc", "/api/backup/exportar/\(String(repeating: "9", count: 400))"] {
            let response = h.call(.post, path, token: tokens.administrador)
            #expect(response.status == 400, "\(path): \(response.text)")
        }
        for (method, path) in [(HTTPMethod.put, "/api/backup/estado"), (.get, "/api/backup/exportar"), (.patch, "/api/backup/logs"),
                               (.get, "/api/backup/logs/limpiar"), (.get, "/api/expedientes/SIN-NO/evidencias/respaldar")] {
            #expect(h.call(method, path, token: tokens.administrador).status == 405, "\(method) \(path)")
        }
    }

    // MARK: Log and schedule

    @Test("the backup log keeps the newest 200, ids are last + 1, and clearing restarts them at 1")
    func logRules() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        let repository = MariaDBBackupRepository(connection: h.connection)
        for index in 1...205 {
            try repository.appendLog(BackupLogEntry(tipo: .local, resultado: .exitoso, detalle: "n\(index)", usuario: nil), at: h.clock.nowMilliseconds())
        }
        let logs = Self.logs(h, tokens.administrador)
        #expect(logs.count == 200)
        #expect(Rec.int(logs.first?["id"]) == 205)
        #expect(Rec.int(logs.last?["id"]) == 6)
        let cleared = h.call(.post, "/api/backup/logs/limpiar", token: tokens.administrador)
        #expect(Rec.int(cleared.json?["eliminados"]) == 200)
        try repository.appendLog(BackupLogEntry(tipo: .manual, resultado: .error, detalle: "falló", usuario: "admin"), at: h.clock.nowMilliseconds())
        #expect(Rec.int(Self.logs(h, tokens.administrador).first?["id"]) == 1)
        #expect(h.call(.get, "/api/backup/estado", token: tokens.administrador).json?["nube"]?["ultimo_error"]?.stringValue == "falló")
        #expect(Rec.int(h.call(.delete, "/api/backup/logs", token: tokens.administrador).json?["eliminados"]) == 1)
        #expect(Self.logs(h, tokens.administrador).isEmpty)
    }

    @Test("the nightly run is due from 02:00 to 02:59 America/Mexico_City, and claimed once per day across processes")
    func nightly() throws {
        let schedule = NightlyBackupSchedule(zone: try #require(ZoneRules(identifier: "America/Mexico_City")))
        // 2026-12-01T08:30:00Z is 02:30 in Mexico City (UTC-6).
        #expect(schedule.dueDate(at: 1_796_113_800_000) == "2026-12-01")
        #expect(schedule.dueDate(at: 1_796_113_800_000 - 31 * 60_000) == nil)
        #expect(schedule.dueDate(at: 1_796_113_800_000 + 30 * 60_000) == nil)
        let h = try MonitorHarness()
        let first = MariaDBBackupRepository(connection: h.connection)
        #expect(try first.claimNightly("2026-12-01"))
        #expect(try first.claimNightly("2026-12-01") == false)
        #expect(try first.claimNightly("2026-12-02"))
    }
}

/// A store that works for its first `puts` uploads, then behaves as a server that has gone away.
final class StoreGoneAfter: CloudObjectStore, @unchecked Sendable {
    private let lock = NSLock()
    private var remaining: Int
    private let live: any CloudObjectStore
    private let gone: any CloudObjectStore

    init(puts: Int, live: any CloudObjectStore, gone: any CloudObjectStore) {
        remaining = puts
        self.live = live
        self.gone = gone
    }

    func put(key: String, bytes: [UInt8]) throws {
        let up = lock.withLock { () -> Bool in
            remaining -= 1
            return remaining >= 0
        }
        try (up ? live : gone).put(key: key, bytes: bytes)
    }

    func delete(key: String) throws { try live.delete(key: key) }
    func exists(key: String) throws -> Bool { try live.exists(key: key) }
}

/// Holds every upload until opened, so a bulk run stays running while the test looks.
final class Gate: @unchecked Sendable {
    private let condition = NSCondition()
    private var isOpen = false

    func open() {
        condition.lock()
        isOpen = true
        condition.broadcast()
        condition.unlock()
    }

    func wait() {
        condition.lock()
        while !isOpen { condition.wait() }
        condition.unlock()
    }
}

/// The real store behind a gate.
struct GatedStore: CloudObjectStore {
    let gate: Gate
    let live: any CloudObjectStore

    func put(key: String, bytes: [UInt8]) throws {
        gate.wait()
        try live.put(key: key, bytes: bytes)
    }

    func delete(key: String) throws { try live.delete(key: key) }
    func exists(key: String) throws -> Bool { try live.exists(key: key) }
}

/// What the racing threads got.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Bool?] = []

    func add(_ value: Bool?) { lock.withLock { values.append(value) } }
}
