import AppCore
import Foundation
import HTTPCore
import Logging
import Spreadsheet
import TestSupport
import Testing
@testable import Monitor

/// The forms of monitor.md §4.10 and §7 (ruling M13): the downloads (name, headers, an xlsx package), the copy in
/// the expediente's `FORMATOS/` folder, the 404s, who may call, and the cell mapping of each layout.
@Suite("Monitor formatos (M13)", .serialized)
struct FormatoTests {
    static let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    static let zone = ZoneRules(identifier: "America/Mexico_City")!

    /// An expediente with a checklist (two items) and a levantamiento (two concepts), all through the API.
    static func fixture(_ h: MonitorHarness, _ tokens: Rec.Tokens, _ no: String) throws {
        let created = h.createExpediente(no, token: tokens.administrador, extra: """
            "id_aseguradora": 1, "factura": "F-1", "fecha_ingreso": "2026-07-10", "doc_finiquito": true,
            "dato1": "Llamada", "dato1_fecha_hora": "2026-07-10T03:30:00Z"
            """)
        #expect(created.status == 201, "\(created.text)")
        let noJSON = MonitorHarness.quoted(no)
        let checklist = h.call(.post, "/api/checklist", json: #"{"no_siniestro": \#(noJSON), "fecha_entrega": "2026-07-11"}"#,
                               token: tokens.tecnico)
        #expect(checklist.status == 201, "\(checklist.text)")
        let id = try #require(Rec.int(checklist.json?["id"]))
        #expect(h.call(.put, "/api/checklist/\(id)/items/bulk", json: """
            {"items": [{"sistema": "SISTEMA DE FRENO", "nombre_item": "Liquido de freno", "valor": "OK"}]}
            """, token: tokens.tecnico).status == 200)
        let levantamiento = h.call(.post, "/api/levantamientos", json: """
            {"no_siniestro": \(noJSON), "fecha": "2026-07-12", "conceptos": [{"claves": "C1", "concepto": "Facia", "costo": 100.5}]}
            """, token: tokens.tecnico)
        #expect(levantamiento.status == 201, "\(levantamiento.text)")
    }

    static func formatos(_ h: MonitorHarness, _ no: String) -> String {
        EvidenceStorage(root: h.directory + "/evidencias").folder(for: no) + "/FORMATOS"
    }

    static func encoded(_ no: String) -> String {
        no.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? no
    }

    @Test("each form downloads as an xlsx package with the documented name and headers, and is kept in FORMATOS/")
    func downloads() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Self.fixture(h, tokens, "SIN-F1")
        for (path, name) in [("/api/formatos/SIN-F1", "EXPEDIENTE_SIN-F1.xlsx"),
                             ("/api/formatos/checklist/SIN-F1", "CHECKLIST_SIN-F1.xlsx"),
                             ("/api/formatos/levantamiento/SIN-F1", "LEVANTAMIENTO_SIN-F1.xlsx")] {
            for _ in 1...2 {  // a second call replaces the copy
                let response = h.call(.get, path, token: tokens.tecnico)
                #expect(response.status == 200, "\(path): \(response.text.prefix(200))")
                #expect(response.headers["Content-Type"] == Self.xlsx)
                #expect(response.headers["Content-Disposition"] == "attachment; filename=\"\(name)\"")
                #expect(Array(response.body.prefix(4)) == [0x50, 0x4B, 0x03, 0x04], "\(path) is not a zip")
                let text = String(decoding: response.body, as: UTF8.self)
                for part in ["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml"] {
                    #expect(text.contains(part), "\(path): no \(part)")
                }
                let stored = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.formatos(h, "SIN-F1") + "/" + name)))
                #expect(stored == response.body, "\(path): the FORMATOS copy differs from the download")
            }
        }
        // The insurer's logo (AXA) is in the EXPEDIENTE form; the three files, and no temporary one, are kept.
        let expediente = h.call(.get, "/api/formatos/SIN-F1", token: tokens.tecnico)
        #expect(String(decoding: expediente.body, as: UTF8.self).contains("xl/media/image1.png"))
        let kept = try FileManager.default.contentsOfDirectory(atPath: Self.formatos(h, "SIN-F1")).sorted()
        #expect(kept == ["CHECKLIST_SIN-F1.xlsx", "EXPEDIENTE_SIN-F1.xlsx", "LEVANTAMIENTO_SIN-F1.xlsx"])
    }

    @Test("nothing to print is the documented 404, and writes nothing")
    func notFound() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-SOLO")
        for (path, message) in [("/api/formatos/NO-EXISTE", "Expediente no encontrado"),
                                ("/api/formatos/checklist/NO-EXISTE", "Checklist no encontrado para este siniestro"),
                                ("/api/formatos/checklist/SIN-SOLO", "Checklist no encontrado para este siniestro"),
                                ("/api/formatos/levantamiento/SIN-SOLO", "Levantamiento de daños no encontrado para este siniestro")] {
            let response = h.call(.get, path, token: tokens.operador)
            #expect(response.status == 404, "\(path)")
            #expect(response.error == message, "\(path)")
        }
        #expect(Rec.evidenceFiles(h).isEmpty)
    }

    @Test("any role may download; no token is 401", arguments: ["/api/formatos/", "/api/formatos/checklist/", "/api/formatos/levantamiento/"])
    func roles(prefix: String) throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        var serial = 0
        try Rec.checkAuth(h, tokens, .get, auth: .token, success: 200) {
            serial += 1
            try Self.fixture(h, tokens, "SIN-R\(serial)")
            return prefix + "SIN-R\(serial)"
        }
        let forged = h.call(.get, prefix + "SIN-R1", token: tokens.tecnico + "x")
        #expect(forged.status == 401)
        #expect(forged.error == "Token inválido o expirado")
    }

    @Test("other methods are the JSON 405, other paths the JSON 404; a body or query on the GET changes nothing")
    func badRequests() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Self.fixture(h, tokens, "SIN-X")
        for prefix in ["/api/formatos/", "/api/formatos/checklist/", "/api/formatos/levantamiento/"] {
            for method in [HTTPMethod.post, .put, .patch, .delete] {
                let response = h.call(method, prefix + "SIN-X", json: "{}", token: tokens.administrador)
                #expect(response.status == 405, "\(method) \(prefix)")
                #expect(response.error == "Método no permitido", "\(method) \(prefix)")
            }
            let deeper = h.call(.get, prefix + "SIN-X/otra", token: tokens.tecnico)
            #expect(deeper.status == 404, "\(prefix)")
            #expect(deeper.error == "Ruta no encontrada", "\(prefix)")
            let query = h.call(.get, prefix + "SIN-X?no_siniestro=OTRO&x=%ZZ", token: tokens.tecnico)
            #expect(query.status == 200, "\(prefix): \(query.text.prefix(100))")
        }
        // "checklist" alone is a claim number for the EXPEDIENTE route, and there is none.
        #expect(h.call(.get, "/api/formatos/checklist", token: tokens.tecnico).error == "Expediente no encontrado")
        #expect(h.call(.get, "/api/formatos/", token: tokens.tecnico).status == 404)
        #expect(Rec.evidenceFiles(h).count == 3)
    }

    @Test("a no_siniestro with '/', spaces and accents (M12) gets a safe stored name and an RFC 6266 download name")
    func unsafeClaimNumbers() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        let no = "../SIN/2024 ñ\""
        try Self.fixture(h, tokens, no)
        let response = h.call(.get, "/api/formatos/" + Self.encoded(no), token: tokens.tecnico)
        #expect(response.status == 200, "\(response.text.prefix(200))")
        #expect(response.headers["Content-Disposition"]
            == "attachment; filename=\"EXPEDIENTE_.._SIN_2024 __.xlsx\"; filename*=UTF-8''EXPEDIENTE_.._SIN_2024%20%C3%B1%22.xlsx")
        // Only the expediente's own folder holds it, under a plain ASCII name.
        #expect(Rec.evidenceFiles(h).map { $0.split(separator: "/").last.map(String.init) ?? "" } == ["EXPEDIENTE_.._SIN_2024___.xlsx"])
        #expect(FileManager.default.fileExists(atPath: Self.formatos(h, no) + "/EXPEDIENTE_.._SIN_2024___.xlsx"))
        for path in ["/api/formatos/checklist/", "/api/formatos/levantamiento/"] {
            #expect(h.call(.get, path + Self.encoded(no), token: tokens.tecnico).status == 200, "\(path)")
        }
    }

    @Test("a file that cannot be written is the documented 500, and no temporary file is left")
    func writeFailure() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Self.fixture(h, tokens, "SIN-W")
        // A regular file where the FORMATOS folder should be.
        let folder = EvidenceStorage(root: h.directory + "/evidencias").folder(for: "SIN-W")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: folder + "/FORMATOS", contents: Data("x".utf8)))
        for (path, message) in [("/api/formatos/SIN-W", "Error interno al generar el formato"),
                                ("/api/formatos/checklist/SIN-W", "Error interno al generar el checklist"),
                                ("/api/formatos/levantamiento/SIN-W", "Error interno al generar el levantamiento")] {
            let response = h.call(.get, path, token: tokens.tecnico)
            #expect(response.status == 500, "\(path)")
            #expect(response.error == message, "\(path)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["FORMATOS"])
    }

    @Test("writeAll (the backup's step 2) writes the EXPEDIENTE always and the others when they exist")
    func writeAll() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-B")
        let context = h.module.makeContext(connection: h.connection, logger: Logger(label: "test"))
        #expect(try FormatoRoutes.service(context).writeAll(noSiniestro: "SIN-B").map(\.downloadName) == ["EXPEDIENTE_SIN-B.xlsx"])
        try Self.fixture(h, tokens, "SIN-B2")
        #expect(try FormatoRoutes.service(context).writeAll(noSiniestro: "SIN-B2").map(\.downloadName)
            == ["EXPEDIENTE_SIN-B2.xlsx", "CHECKLIST_SIN-B2.xlsx", "LEVANTAMIENTO_SIN-B2.xlsx"])
        #expect(throws: MonitorError(status: 404, "Expediente no encontrado")) {
            try FormatoRoutes.service(context).writeAll(noSiniestro: "NO-EXISTE")
        }
    }
}
