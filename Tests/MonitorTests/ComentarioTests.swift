import AppCore
import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Monitor

/// `/api/comentarios` (monitor.md §4.9; rulings 1, 3, M6, M9) against a real database.
@Suite("Monitor comentarios", .serialized)
struct ComentarioTests {
    @Test("Create stamps fecha/hora in America/Mexico_City and fecha_creacion in UTC; list newest first with usuario")
    func createAndList() throws {
        let h = try MonitorHarness()
        h.clock.advance(seconds: 7 * 3_600 + 1_234)  // 2026-12-01 19:20:34 UTC: 13:20:34 in Mexico City (UTC-6)
        let tokens = try Rec.Tokens(h)
        let tecnico = try h.user(.tecnico, username: "tec.uno")
        try Rec.expediente(h, "SIN-K1")
        let created = h.call(.post, "/api/comentarios", json: #"{"no_siniestro":"SIN-K1","comentario":"Llegó la pieza","usuario_id":1,"fecha":"2000-01-01"}"#,
                             token: tecnico.token)
        #expect(created.status == 201, "\(created.text)")
        let json = try #require(created.json)
        #expect(Rec.keys(json) == ["id", "no_siniestro", "usuario_id", "fecha", "hora", "comentario", "fecha_creacion", "usuario"])
        #expect(Rec.int(json["usuario_id"]) == tecnico.id)
        #expect(json["comentario"]?.stringValue == "Llegó la pieza")
        #expect(Rec.keys(json["usuario"]) == ["id", "nombre", "username"])
        #expect(json["usuario"]?["username"]?.stringValue == "tec.uno")
        // The module's clock, in Mexico City for fecha/hora and in UTC for fecha_creacion; the body's fecha is ignored.
        #expect(json["fecha"]?.stringValue == "2026-12-01T12:00:00.000Z")
        #expect(json["hora"]?.stringValue == "1970-01-01T13:20:34.000Z")
        #expect(json["fecha_creacion"]?.stringValue == "2026-12-01T19:20:34.000Z")
        // Late in the evening in Mexico City it is already tomorrow in UTC: fecha stays the local day.
        h.clock.advance(seconds: 5 * 3_600)  // 2026-12-02 00:20:34 UTC, 18:20:34 on the 1st in Mexico City
        let evening = h.call(.post, "/api/comentarios", json: #"{"no_siniestro":"SIN-K1","comentario":"Tarde"}"#, token: tecnico.token)
        #expect(evening.json?["fecha"]?.stringValue == "2026-12-01T12:00:00.000Z")
        #expect(evening.json?["hora"]?.stringValue == "1970-01-01T18:20:34.000Z")
        #expect(evening.json?["fecha_creacion"]?.stringValue == "2026-12-02T00:20:34.000Z")
        _ = try h.connection.execute("DELETE FROM comentario WHERE comentario = 'Tarde'")

        _ = try h.connection.execute("""
            INSERT INTO comentario (no_siniestro, usuario_id, fecha, hora, comentario, fecha_creacion)
            VALUES ('SIN-K1', NULL, '2024-01-01', '08:00:00', 'viejo', '2024-01-01 14:00:00')
            """)
        let second = h.call(.post, "/api/comentarios", json: #"{"no_siniestro":"SIN-K1","comentario":"  otro  "}"#, token: tokens.administrador)
        #expect(second.status == 201)
        #expect(second.json?["comentario"]?.stringValue == "  otro  ")
        let list = h.call(.get, "/api/comentarios/SIN-K1", token: tokens.tecnico)
        #expect(list.status == 200)
        let rows = Rec.array(list.json)
        #expect(rows.compactMap { $0["comentario"]?.stringValue } == ["  otro  ", "Llegó la pieza", "viejo"])
        #expect(Rec.isNull(rows.last?["usuario"]))
        #expect(rows.last?["fecha"]?.stringValue == "2024-01-01T12:00:00.000Z")
        #expect(rows.last?["hora"]?.stringValue == "1970-01-01T08:00:00.000Z")
        let empty = h.call(.get, "/api/comentarios/NADA", token: tokens.tecnico)
        #expect(empty.status == 200 && empty.text == "[]")
    }

    @Test("Create: the documented 400s, a 4xx naming no_siniestro for an unknown expediente, nothing written")
    func createErrors() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-K2")
        let cases: [(String, String)] = [
            ("{}", "no_siniestro y comentario son obligatorios"),
            (#"{"no_siniestro":"SIN-K2"}"#, "no_siniestro y comentario son obligatorios"),
            (#"{"comentario":"x"}"#, "no_siniestro y comentario son obligatorios"),
            (#"{"no_siniestro":"SIN-K2","comentario":""}"#, "no_siniestro y comentario son obligatorios"),
            (#"{"no_siniestro":"SIN-K2","comentario":"   "}"#, "no_siniestro y comentario son obligatorios"),
            (#"{"no_siniestro":"","comentario":"x"}"#, "no_siniestro y comentario son obligatorios"),
            (#"{"no_siniestro":null,"comentario":"x"}"#, "no_siniestro y comentario son obligatorios"),
            (#"{"no_siniestro":"NADA","comentario":"x"}"#, "No existe un expediente con ese no_siniestro"),
            (#"{"no_siniestro":"SIN-K2","comentario":5}"#, "El campo 'comentario' debe ser texto"),
            (#"{"no_siniestro":["SIN-K2"],"comentario":"x"}"#, "El campo 'no_siniestro' debe ser texto"),
            ("{\"no_siniestro\":\"SIN-K2\",\"comentario\":\"\(String(repeating: "\u{1F69A}", count: 20_000))\"}",
             "El campo 'comentario' excede la longitud máxima de 65535 caracteres"),
        ]
        for (body, message) in cases {
            let response = h.call(.post, "/api/comentarios", json: body, token: tokens.tecnico)
            #expect(response.status == 400, "\(body.prefix(60)): \(response.text)")
            #expect(response.error == message, "\(body.prefix(60))")
        }
        for bad in Rec.badBodies {
            let response = h.call(.post, "/api/comentarios", token: tokens.tecnico, body: bad.bytes, contentType: bad.contentType)
            #expect((400..<500).contains(response.status), "\(bad.name): \(response.status)")
        }
        #expect(try h.count("SELECT COUNT(*) FROM comentario") == 0)
    }

    @Test("A token whose user was deleted is refused by the token check (401, ruling 9, M17), not a 500")
    func deletedUser() throws {
        let h = try MonitorHarness()
        try Rec.expediente(h, "SIN-K3")
        let ghost = try h.user(.tecnico)
        _ = try h.connection.execute("DELETE FROM usuario WHERE id = \(ghost.id)")
        let response = h.call(.post, "/api/comentarios", json: #"{"no_siniestro":"SIN-K3","comentario":"x"}"#, token: ghost.token)
        #expect(response.status == 401 && response.error == "Token inválido o expirado")
        #expect(try h.count("SELECT COUNT(*) FROM comentario") == 0)
    }

    @Test("Delete: NaN or 0 is 400 ID inválido, unknown is 404 Comentario no encontrado, else 200 ok")
    func delete() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-K4")
        let id = try #require(Rec.int(h.call(.post, "/api/comentarios", json: #"{"no_siniestro":"SIN-K4","comentario":"x"}"#,
                                             token: tokens.tecnico).json?["id"]))
        for bad in ["abc", "0", "1.5"] {
            let response = h.call(.delete, "/api/comentarios/\(bad)", token: tokens.administrador)
            #expect(response.status == 400 && response.error == "ID inválido", "\(bad)")
        }
        let ok = h.call(.delete, "/api/comentarios/\(id)", token: tokens.administrador)
        #expect(ok.status == 200 && ok.text == #"{"ok":true}"#)
        let missing = h.call(.delete, "/api/comentarios/\(id)", token: tokens.administrador)
        #expect(missing.status == 404 && missing.error == "Comentario no encontrado")
    }

    @Test("Every route × role: no token 401, refused roles 403, allowed roles 2xx")
    func authMatrix() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-KA")
        try Rec.checkAuth(h, tokens, .post, auth: .token, success: 201, json: #"{"no_siniestro":"SIN-KA","comentario":"x"}"#) {
            "/api/comentarios"
        }
        try Rec.checkAuth(h, tokens, .get, auth: .token, success: 200) { "/api/comentarios/SIN-KA" }
        try Rec.checkAuth(h, tokens, .delete, auth: .admin, success: 200) {
            let id = try h.connection.execute("""
                INSERT INTO comentario (no_siniestro, fecha, hora, comentario) VALUES ('SIN-KA', '2024-01-01', '10:00:00', 'x')
                """).lastInsertID
            return "/api/comentarios/\(id)"
        }
    }
}
