import AppCore
import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Monitor

/// Issue 12 §3, Monitor: the contract gaps of rulings M11 and M12, unknown keys (ruling 1, §9) and the health
/// counts, each through the in-process HTTP harness against a real database.
@Suite("Monitor contract gaps (issue 12 §3)", .serialized)
struct ContractGapTests {
    // MARK: A1 — TIME columns (M11, §10)

    @Test("checklist hora is returned as 1970-01-01THH:MM:SS.000Z and accepts HH:MM, HH:MM:SS and that ISO form")
    func checklistHora() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        for (sent, returned) in [("10:30", "1970-01-01T10:30:00.000Z"), ("07:05:09", "1970-01-01T07:05:09.000Z"),
                                 ("1970-01-01T23:59:58.000Z", "1970-01-01T23:59:58.000Z"), ("1970-01-01T08:15", "1970-01-01T08:15:00.000Z")] {
            let created = h.call(.post, "/api/checklist", json: #"{"hora": "\#(sent)"}"#, token: tokens.tecnico)
            #expect(created.status == 201, "\(sent): \(created.text)")
            #expect(created.json?["hora"]?.stringValue == returned, "\(sent)")
            let id = try #require(Rec.int(created.json?["id"]))
            #expect(h.call(.get, "/api/checklist/\(id)", token: tokens.tecnico).json?["hora"]?.stringValue == returned)
            // What the API returns goes back in unchanged.
            let again = h.call(.put, "/api/checklist/\(id)", json: #"{"hora": "\#(returned)"}"#, token: tokens.tecnico)
            #expect(again.json?["hora"]?.stringValue == returned)
        }
        for bad in ["24:00", "10:3", "1970-01-02T10:30:00.000Z", "10:30Z", "T10:30"] {
            let response = h.call(.post, "/api/checklist", json: #"{"hora": "\#(bad)"}"#, token: tokens.tecnico)
            #expect(response.status == 400, "\(bad)")
            #expect(response.error == "El campo 'hora' debe ser una hora válida (HH:MM o HH:MM:SS)", "\(bad)")
        }
    }

    @Test("comentario hora is returned as 1970-01-01THH:MM:SS.000Z (the module's wall clock)")
    func comentarioHora() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-H")
        let created = h.call(.post, "/api/comentarios", json: #"{"no_siniestro": "SIN-H", "comentario": "hola"}"#, token: tokens.tecnico)
        #expect(created.status == 201)
        // 2026-12-01T12:00:00Z is 06:00 in America/Mexico_City.
        #expect(created.json?["hora"]?.stringValue == "1970-01-01T06:00:00.000Z")
        let listed = h.call(.get, "/api/comentarios/SIN-H", token: tokens.tecnico)
        #expect(Rec.array(listed.json).first?["hora"]?.stringValue == "1970-01-01T06:00:00.000Z")
    }

    // MARK: A2 — an empty string is a 400 naming the field (M11)

    @Test("\"\" for a date, timestamp or time is a 400 naming the field, and clears nothing")
    func emptyStrings() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        #expect(h.createExpediente("SIN-E", token: tokens.administrador,
                                   extra: #""fecha_ingreso": "2024-03-15", "dato1_fecha_hora": "2024-03-15T10:00:00Z""#).status == 201)
        for (field, problem) in [("fecha_ingreso", "debe ser una fecha válida (YYYY-MM-DD)"),
                                 ("unidad_terminada", "debe ser una fecha válida (YYYY-MM-DD)"),
                                 ("dato1_fecha_hora", "debe ser una fecha y hora ISO 8601 válida"),
                                 ("comentarios_aseguradora_fh", "debe ser una fecha y hora ISO 8601 válida")] {
            let put = h.call(.put, "/api/expedientes/SIN-E", json: #"{"\#(field)": ""}"#, token: tokens.administrador)
            #expect(put.status == 400, "\(field)")
            #expect(put.error == "El campo '\(field)' \(problem)")
            let post = h.createExpediente("SIN-E2", token: tokens.administrador, extra: #""\#(field)": """#)
            #expect(post.status == 400, "\(field)")
            #expect(post.error == "El campo '\(field)' \(problem)")
        }
        let row = h.expedienteRow("SIN-E", token: tokens.administrador)
        #expect(row?["fecha_ingreso"]?.stringValue == "2024-03-15T12:00:00.000Z")
        #expect(row?["dato1_fecha_hora"]?.stringValue == "2024-03-15T10:00:00.000Z")
        #expect(h.call(.get, "/api/expedientes/SIN-E2", token: tokens.administrador).status == 404)

        let checklist = try #require(Rec.int(h.call(.post, "/api/checklist", json: #"{"hora": "10:00", "fecha_entrega": "2024-01-02"}"#,
                                                    token: tokens.tecnico).json?["id"]))
        for field in ["hora", "fecha_entrega", "fecha_inspeccion", "fecha_vencimiento_seguro"] {
            let response = h.call(.put, "/api/checklist/\(checklist)", json: #"{"\#(field)": ""}"#, token: tokens.tecnico)
            #expect(response.status == 400, "\(field)")
            #expect(response.error?.hasPrefix("El campo '\(field)' ") == true, "\(field)")
        }
        let kept = h.call(.get, "/api/checklist/\(checklist)", token: tokens.tecnico).json
        #expect(kept?["hora"]?.stringValue == "1970-01-01T10:00:00.000Z")
        #expect(kept?["fecha_entrega"]?.stringValue == "2024-01-02T12:00:00.000Z")

        let levantamiento = h.call(.post, "/api/levantamientos", json: #"{"no_siniestro": "SIN-E", "fecha": ""}"#, token: tokens.tecnico)
        #expect(levantamiento.status == 400)
        #expect(levantamiento.error == "El campo 'fecha' debe ser una fecha válida (YYYY-MM-DD)")
    }

    // MARK: A3 — order of checks (M11)

    @Test("create: the blank no_siniestro 400, then the 409, then field errors; update: the 404, then field errors")
    func orderOfChecks() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        #expect(h.createExpediente("SIN-O", token: tokens.administrador).status == 201)
        let blank = h.createExpediente("  ", token: tokens.administrador, extra: #""fecha_ingreso": "mañana", "marca": 5"#)
        #expect(blank.status == 400)
        #expect(blank.error == "El No. Siniestro es obligatorio")
        let missing = h.call(.post, "/api/expedientes", json: #"{"fecha_ingreso": "mañana"}"#, token: tokens.administrador)
        #expect(missing.error == "El No. Siniestro es obligatorio")
        let taken = h.createExpediente(" SIN-O ", token: tokens.administrador, extra: #""fecha_ingreso": "mañana", "marca": 5"#)
        #expect(taken.status == 409)
        #expect(taken.error == "Ya existe un expediente con ese No. Siniestro")
        let field = h.createExpediente("SIN-O2", token: tokens.administrador, extra: #""fecha_ingreso": "mañana""#)
        #expect(field.status == 400)
        #expect(field.error == "El campo 'fecha_ingreso' debe ser una fecha válida (YYYY-MM-DD)")

        let unknown = h.call(.put, "/api/expedientes/NO-EXISTE", json: #"{"fecha_ingreso": "mañana", "marca": 5}"#,
                             token: tokens.administrador)
        #expect(unknown.status == 404)
        #expect(unknown.error == "Expediente no encontrado")
        let bad = h.call(.put, "/api/expedientes/SIN-O", json: #"{"marca": 5}"#, token: tokens.administrador)
        #expect(bad.status == 400)
        #expect(bad.error == "El campo 'marca' debe ser texto")
    }

    // MARK: A4 — a no_siniestro with "/" (M12)

    @Test("a no_siniestro with / (and other escaped characters) is reachable percent-encoded on every route")
    func slashInNoSiniestro() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        let key = "SIN/2024/001 #?%"
        let path = "SIN%2F2024%2F001%20%23%3F%25"
        #expect(h.createExpediente(key, token: tokens.administrador).status == 201)
        let detail = h.call(.get, "/api/expedientes/\(path)", token: tokens.tecnico)
        #expect(detail.status == 200)
        #expect(detail.json?["no_siniestro"]?.stringValue == key)
        let updated = h.call(.put, "/api/expedientes/\(path)", json: #"{"marca": "Volvo"}"#, token: tokens.operador)
        #expect(updated.json?["marca"]?.stringValue == "Volvo")
        let estado = h.call(.patch, "/api/expedientes/\(path)/estado", json: #"{"estado": "Restauracion"}"#, token: tokens.operador)
        #expect(estado.status == 200)
        #expect(Rec.array(h.call(.get, "/api/expedientes/\(path)/estado/historial", token: tokens.tecnico).json).count == 2)
        #expect(h.call(.post, "/api/comentarios", json: #"{"no_siniestro": "\#(key)", "comentario": "x"}"#, token: tokens.tecnico).status == 201)
        #expect(Rec.array(h.call(.get, "/api/comentarios/\(path)", token: tokens.tecnico).json).count == 1)
        #expect(h.call(.post, "/api/checklist", json: #"{"no_siniestro": "\#(key)"}"#, token: tokens.tecnico).status == 201)
        #expect(h.call(.get, "/api/checklist/siniestro/\(path)", token: tokens.tecnico).status == 200)
        #expect(h.call(.get, "/api/expedientes/SIN", token: tokens.tecnico).status == 404)
        let deleted = h.call(.delete, "/api/expedientes/\(path)", token: tokens.administrador)
        #expect(deleted.status == 200)
        #expect(deleted.json?["no_siniestro"]?.stringValue == key)
    }

    // MARK: A5 — unknown keys (ruling 1, §9; expedientes keep M1/M2)

    @Test("an unknown key in a levantamiento or checklist body is a 400 naming it; expedientes, a bulk item's extra keys and a levantamiento update's conceptos are ignored (M1/M2, §9, §4.7)")
    func unknownKeys() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-K")
        let checklist = try #require(Rec.int(h.call(.post, "/api/checklist", json: "{}", token: tokens.tecnico).json?["id"]))
        let levantamiento = try #require(Rec.int(h.call(.post, "/api/levantamientos", json: #"{"no_siniestro": "SIN-K"}"#,
                                                        token: tokens.tecnico).json?["id"]))
        let cases: [(HTTPMethod, String, String, String)] = [
            (.post, "/api/checklist", #"{"hora": "10:00", "otro": 1}"#, "otro"),
            (.put, "/api/checklist/\(checklist)", #"{"id": 5}"#, "id"),
            (.post, "/api/checklist/\(checklist)/items", #"{"valor": "OK", "id_checklist": 2}"#, "id_checklist"),
            (.put, "/api/checklist/\(checklist)/items/bulk", #"{"items": [], "extra": true}"#, "extra"),
            (.post, "/api/levantamientos", #"{"no_siniestro": "SIN-K", "kilometros": "1"}"#, "kilometros"),
            (.post, "/api/levantamientos", #"{"no_siniestro": "SIN-K", "conceptos": [{"concepto": "a", "precio": 1}]}"#, "conceptos[0].precio"),
            (.put, "/api/levantamientos/\(levantamiento)", #"{"marca": "X", "id": 3}"#, "id"),
            (.post, "/api/levantamientos/\(levantamiento)/conceptos", #"{"concepto": "a", "id_levantamiento": 9}"#, "id_levantamiento"),
        ]
        for (method, path, body, field) in cases {
            let response = h.call(method, path, json: body, token: tokens.tecnico)
            #expect(response.status == 400, "\(method) \(path) \(body)")
            #expect(response.error == "El campo '\(field)' no está permitido", "\(method) \(path)")
        }
        #expect(try h.count("SELECT COUNT(*) FROM checklist") == 1)
        #expect(try h.count("SELECT COUNT(*) FROM levantamiento_concepto") == 0)
        // §4.7: conceptos is ignored on update.
        let put = h.call(.put, "/api/levantamientos/\(levantamiento)", json: #"{"marca": "X", "conceptos": [{"z": 1}]}"#, token: tokens.tecnico)
        #expect(put.status == 200)
        // §9: a bulk item keeps only its three keys.
        let bulk = h.call(.put, "/api/checklist/\(checklist)/items/bulk", json: #"{"items": [{"valor": "RE", "nota": "x"}]}"#, token: tokens.tecnico)
        #expect(bulk.status == 200)
        #expect(Rec.keys(Rec.array(bulk.json).first) == ["id", "id_checklist", "sistema", "nombre_item", "valor"])
        // M1/M2: expedientes ignore unknown keys.
        #expect(h.createExpediente("SIN-K2", token: tokens.administrador, extra: #""otro": 1, "estado": "Salida""#).status == 201)
        #expect(h.call(.put, "/api/expedientes/SIN-K2", json: #"{"otro": 1}"#, token: tokens.administrador).status == 200)
    }

    // MARK: A6 — health counts evidence files and bytes

    @Test("/api/health reports the evidence files (every folder) and their bytes, not folders and directory sizes")
    func healthCountsFiles() throws {
        let h = try MonitorHarness()
        let root = h.directory + "/evidencias"
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/SIN-1/evidencias", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: root + "/SIN-2/DOCUMENTOS REPARACION/sub", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: root + "/vacia", withIntermediateDirectories: true)
        let megabyte = 1_048_576
        #expect(manager.createFile(atPath: root + "/SIN-1/evidencias/a.jpg", contents: Data(count: megabyte)))
        #expect(manager.createFile(atPath: root + "/SIN-1/evidencias/b.jpg", contents: Data(count: megabyte / 2)))
        #expect(manager.createFile(atPath: root + "/SIN-2/DOCUMENTOS REPARACION/sub/c.pdf", contents: Data(count: megabyte)))
        try manager.createSymbolicLink(atPath: root + "/SIN-2/enlace", withDestinationPath: root + "/SIN-1/evidencias/a.jpg")
        let health = h.call(.get, "/api/health")
        #expect(health.status == 200)
        #expect(health.json?["evidencias"]?["archivos"] == .number("3"))
        #expect(health.json?["evidencias"]?["tamaño_MB"]?.stringValue == "2.5")
    }
}
