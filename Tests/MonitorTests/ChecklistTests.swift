import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Monitor

/// `/api/checklist` (monitor.md §4.8; rulings 1, 2, 5, M9) against a real database.
@Suite("Monitor checklist", .serialized)
struct ChecklistTests {
    static let columns = ["id", "no_siniestro", "fecha_inspeccion", "hora", "inspeccionado_por", "ubicacion", "aprobada",
                          "detallado", "carroceo_asignado", "mecanico_asignado", "pintor", "area_detallado", "marca_tipo",
                          "anio", "serie", "areas_danadas", "a", "t", "fecha_vencimiento_seguro", "deducible", "demerito",
                          "lugar_entrega", "fecha_entrega", "nombre_quien_recibe", "firma_quien_recibe",
                          "observaciones_adicionales"]

    static func counts(_ h: MonitorHarness) throws -> [Int] {
        [try h.count("SELECT COUNT(*) FROM checklist"), try h.count("SELECT COUNT(*) FROM checklist_item")]
    }

    @Test("Create, read (by id, list, latest), partial update with omitted dates unchanged and null clearing, delete")
    func lifecycle() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-C1")
        let created = h.call(.post, "/api/checklist", json: """
            {"no_siniestro":"SIN-C1","fecha_inspeccion":"2024-05-06","hora":"09:30","aprobada":true,"a":false,
             "deducible":"5000","demerito":12.5,"fecha_entrega":"2024-05-20","areas_danadas":"Cofre"}
            """, token: tokens.tecnico)
        #expect(created.status == 201, "\(created.text)")
        let json = try #require(created.json)
        #expect(Rec.keys(json) == Self.columns)
        #expect(json["fecha_inspeccion"]?.stringValue == "2024-05-06T12:00:00.000Z")
        #expect(json["fecha_entrega"]?.stringValue == "2024-05-20T12:00:00.000Z")
        #expect(json["hora"]?.stringValue == "1970-01-01T09:30:00.000Z")
        #expect(Rec.bool(json["aprobada"]) == true && Rec.bool(json["a"]) == false && Rec.isNull(json["t"]))
        #expect(json["deducible"]?.stringValue == "5000.00" && json["demerito"]?.stringValue == "12.50")
        let id = try #require(Rec.int(json["id"]))
        let bare = h.call(.post, "/api/checklist", json: "{}", token: tokens.operador)
        #expect(bare.status == 201)
        #expect(Rec.isNull(bare.json?["no_siniestro"]))
        let bareID = try #require(Rec.int(bare.json?["id"]))
        let newer = h.call(.post, "/api/checklist", json: #"{"no_siniestro":"SIN-C1"}"#, token: tokens.administrador)
        let newerID = try #require(Rec.int(newer.json?["id"]))

        let item = h.call(.post, "/api/checklist/\(id)/items", json: #"{"sistema":"SISTEMA DE FRENO","nombre_item":"Liquido de freno","valor":"OK"}"#,
                          token: tokens.tecnico)
        #expect(item.status == 201, "\(item.text)")
        #expect(Rec.keys(item.json) == ["id", "id_checklist", "sistema", "nombre_item", "valor"])
        #expect(Rec.int(item.json?["id_checklist"]) == id)

        let one = h.call(.get, "/api/checklist/\(id)", token: tokens.tecnico)
        #expect(Rec.keys(one.json) == Self.columns + ["checklist_item"])
        #expect(Rec.array(one.json?["checklist_item"]).count == 1)
        let all = h.call(.get, "/api/checklist", token: tokens.tecnico)
        #expect(Rec.array(all.json).compactMap { Rec.int($0["id"]) } == [newerID, bareID, id])
        #expect(Rec.array(Rec.array(all.json).last?["checklist_item"]).count == 1)
        let latest = h.call(.get, "/api/checklist/siniestro/SIN-C1", token: tokens.tecnico)
        #expect(Rec.int(latest.json?["id"]) == newerID)
        #expect(latest.json?["checklist_item"] != nil)
        let none = h.call(.get, "/api/checklist/siniestro/NADA", token: tokens.tecnico)
        #expect(none.status == 404 && none.error == "Checklist no encontrado")

        let updated = h.call(.put, "/api/checklist/\(id)", json: #"{"pintor":"Luis","areas_danadas":null,"hora":"10:15:30"}"#,
                             token: tokens.tecnico)
        #expect(updated.status == 200, "\(updated.text)")
        #expect(Rec.keys(updated.json) == Self.columns, "no items on PUT")
        #expect(updated.json?["pintor"]?.stringValue == "Luis")
        #expect(Rec.isNull(updated.json?["areas_danadas"]))
        #expect(updated.json?["hora"]?.stringValue == "1970-01-01T10:15:30.000Z")
        #expect(updated.json?["fecha_inspeccion"]?.stringValue == "2024-05-06T12:00:00.000Z", "omitted date unchanged (ruling 5)")
        #expect(updated.json?["fecha_entrega"]?.stringValue == "2024-05-20T12:00:00.000Z")
        let cleared = h.call(.put, "/api/checklist/\(id)", json: #"{"fecha_entrega":null,"no_siniestro":null}"#, token: tokens.tecnico)
        #expect(Rec.isNull(cleared.json?["fecha_entrega"]) && Rec.isNull(cleared.json?["no_siniestro"]))
        #expect(cleared.json?["pintor"]?.stringValue == "Luis")

        let itemID = try #require(Rec.int(item.json?["id"]))
        let deletedItem = h.call(.delete, "/api/checklist/items/\(itemID)", token: tokens.administrador)
        #expect(deletedItem.text == #"{"ok":true}"#)
        let missingItem = h.call(.delete, "/api/checklist/items/\(itemID)", token: tokens.administrador)
        #expect(missingItem.status == 404 && missingItem.error == "Item no encontrado")
        _ = h.call(.post, "/api/checklist/\(id)/items", json: #"{"valor":"RE"}"#, token: tokens.tecnico)
        let deleted = h.call(.delete, "/api/checklist/\(id)", token: tokens.administrador)
        #expect(deleted.text == #"{"ok":true}"#)
        #expect(try h.count("SELECT COUNT(*) FROM checklist_item") == 0)
        let again = h.call(.delete, "/api/checklist/\(id)", token: tokens.administrador)
        #expect(again.status == 404 && again.error == "Checklist no encontrado")
    }

    @Test("Ids: not a number or 0 is 400 ID inválido; unknown is 404 Checklist no encontrado, on every id route")
    func ids() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        let routes: [(HTTPMethod, String, String?, String)] = [
            (.get, "/api/checklist/%@", nil, tokens.tecnico),
            (.put, "/api/checklist/%@", "{}", tokens.tecnico),
            (.post, "/api/checklist/%@/items", "{}", tokens.tecnico),
            (.put, "/api/checklist/%@/items/bulk", #"{"items":[]}"#, tokens.tecnico),
            (.delete, "/api/checklist/%@", nil, tokens.administrador),
        ]
        for (method, template, json, token) in routes {
            for bad in ["abc", "0", "1.5", "+0"] {
                let response = h.call(method, template.replacingOccurrences(of: "%@", with: bad), json: json, token: token)
                #expect(response.status == 400 && response.error == "ID inválido", "\(method) \(template) \(bad): \(response.text)")
            }
            for unknown in ["424242", "-1"] {
                let response = h.call(method, template.replacingOccurrences(of: "%@", with: unknown), json: json, token: token)
                #expect(response.status == 404 && response.error == "Checklist no encontrado", "\(method) \(template) \(unknown): \(response.text)")
            }
        }
        let item = h.call(.delete, "/api/checklist/items/0", token: tokens.administrador)
        #expect(item.status == 400 && item.error == "ID inválido")
        let missing = h.call(.delete, "/api/checklist/items/77", token: tokens.administrador)
        #expect(missing.status == 404 && missing.error == "Item no encontrado")
        #expect(try Self.counts(h) == [0, 0])
    }

    @Test("Create and update: every bad value is a 400 naming the field, and nothing is written")
    func badInput() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-C2")
        let id = try h.connection.execute("INSERT INTO checklist (no_siniestro, pintor) VALUES ('SIN-C2', 'Ana')").lastInsertID
        let cases: [(String, String)] = [
            (#"{"no_siniestro":"NADA"}"#, "No existe un expediente con ese no_siniestro"),
            (#"{"no_siniestro":12}"#, "El campo 'no_siniestro' debe ser texto"),
            (#"{"fecha_inspeccion":"06/05/2024"}"#, "El campo 'fecha_inspeccion' debe ser una fecha válida (YYYY-MM-DD)"),
            (#"{"fecha_entrega":"2024-02-30"}"#, "El campo 'fecha_entrega' debe ser una fecha válida (YYYY-MM-DD)"),
            (#"{"hora":"9:30"}"#, "El campo 'hora' debe ser una hora válida (HH:MM o HH:MM:SS)"),
            (#"{"hora":"25:00"}"#, "El campo 'hora' debe ser una hora válida (HH:MM o HH:MM:SS)"),
            (#"{"aprobada":"true"}"#, "El campo 'aprobada' debe ser verdadero o falso"),
            (#"{"deducible":"1.001"}"#, "El campo 'deducible' debe ser un importe con a lo más 2 decimales"),
            (#"{"demerito":"1234567890123"}"#, "El campo 'demerito' debe ser un importe con a lo más 2 decimales"),
            (#"{"pintor":{"a":1}}"#, "El campo 'pintor' debe ser texto"),
            ("{\"serie\":\"\(Rec.longString(256))\"}", "El campo 'serie' excede la longitud máxima de 255 caracteres"),
            ("{\"observaciones_adicionales\":\"\(String(repeating: "\u{1F69A}", count: 20_000))\"}",
             "El campo 'observaciones_adicionales' excede la longitud máxima de 65535 caracteres"),
        ]
        for (body, message) in cases {
            for (method, path) in [(HTTPMethod.post, "/api/checklist"), (.put, "/api/checklist/\(id)")] {
                let response = h.call(method, path, json: body, token: tokens.tecnico)
                #expect(response.status == 400, "\(method) \(body.prefix(60)): \(response.text)")
                #expect(response.error == message, "\(method) \(body.prefix(60))")
            }
        }
        for bad in Rec.badBodies {
            for (method, path) in [(HTTPMethod.post, "/api/checklist"), (.put, "/api/checklist/\(id)"),
                                   (.post, "/api/checklist/\(id)/items"), (.put, "/api/checklist/\(id)/items/bulk")] {
                let response = h.call(method, path, token: tokens.tecnico, body: bad.bytes, contentType: bad.contentType)
                #expect((400..<500).contains(response.status), "\(bad.name) \(method) \(path): \(response.status)")
            }
        }
        #expect(try Self.counts(h) == [1, 0])
        #expect(try h.connection.queryFirst("SELECT pintor FROM checklist WHERE id = \(id)")?.string("pintor") == "Ana")
    }

    @Test("Bulk replacement is one transaction: a bad item leaves the old items; a good list replaces them in order")
    func bulk() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        let id = try h.connection.execute("INSERT INTO checklist (pintor) VALUES ('Ana')").lastInsertID
        for valor in ["OK", "MA"] {
            _ = try h.connection.execute("INSERT INTO checklist_item (id_checklist, sistema, valor) VALUES (\(id), 'S', \(valor))")
        }
        let path = "/api/checklist/\(id)/items/bulk"
        let bad: [(String, String)] = [
            (#"{"items":[{"valor":"OK"},{"valor":5}]}"#, "El campo 'items[1].valor' debe ser texto"),
            ("{\"items\":[{\"valor\":\"OK\"},{\"sistema\":\"\(Rec.longString(256))\"}]}",
             "El campo 'items[1].sistema' excede la longitud máxima de 255 caracteres"),
            (#"{"items":[{"valor":"OK"},"x"]}"#, "El campo 'items[1]' debe ser un objeto"),
            (#"{"items":{"valor":"OK"}}"#, "El campo 'items' debe ser una lista"),
            (#"{"items":"OK"}"#, "El campo 'items' debe ser una lista"),
            (#"{"items":null}"#, "El campo 'items' debe ser una lista"),
        ]
        for (body, message) in bad {
            let response = h.call(.put, path, json: body, token: tokens.tecnico)
            #expect(response.status == 400 && response.error == message, "\(body): \(response.text)")
        }
        let kept = h.call(.get, "/api/checklist/\(id)", token: tokens.tecnico)
        #expect(Rec.array(kept.json?["checklist_item"]).compactMap { $0["valor"]?.stringValue } == ["OK", "MA"])

        let replaced = h.call(.put, path, json: """
            {"items":[{"sistema":"SISTEMA DE FRENO","nombre_item":"Liquido de freno","valor":"OK","id":1,"extra":2},
                      {"sistema":"ACCESORIOS","nombre_item":"Placa trasera","valor":"NA"},{}]}
            """, token: tokens.tecnico)
        #expect(replaced.status == 200, "\(replaced.text)")
        let items = Rec.array(replaced.json)
        #expect(items.count == 3)
        #expect(items.map { $0["valor"]?.stringValue } == ["OK", "NA", nil])
        #expect(Rec.keys(items.first) == ["id", "id_checklist", "sistema", "nombre_item", "valor"])
        let ids = items.compactMap { Rec.int($0["id"]) }
        #expect(ids == ids.sorted())
        #expect(try h.count("SELECT COUNT(*) FROM checklist_item") == 3)

        let emptied = h.call(.put, path, json: "{}", token: tokens.tecnico)
        #expect(emptied.status == 200 && emptied.text == "[]")
        #expect(try h.count("SELECT COUNT(*) FROM checklist_item") == 0)
    }

    @Test("Every route × role: no token 401, refused roles 403, allowed roles 2xx")
    func authMatrix() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-CA")
        let make = { () throws -> Int in
            try h.connection.execute("INSERT INTO checklist (no_siniestro) VALUES ('SIN-CA')").lastInsertID
        }
        let id = try make()
        try Rec.checkAuth(h, tokens, .post, auth: .token, success: 201, json: "{}") { "/api/checklist" }
        try Rec.checkAuth(h, tokens, .get, auth: .token, success: 200) { "/api/checklist" }
        try Rec.checkAuth(h, tokens, .get, auth: .token, success: 200) { "/api/checklist/siniestro/SIN-CA" }
        try Rec.checkAuth(h, tokens, .get, auth: .token, success: 200) { "/api/checklist/\(id)" }
        try Rec.checkAuth(h, tokens, .put, auth: .token, success: 200, json: #"{"pintor":"x"}"#) { "/api/checklist/\(id)" }
        try Rec.checkAuth(h, tokens, .post, auth: .token, success: 201, json: #"{"valor":"OK"}"#) { "/api/checklist/\(id)/items" }
        try Rec.checkAuth(h, tokens, .put, auth: .token, success: 200, json: #"{"items":[{"valor":"OK"}]}"#) {
            "/api/checklist/\(id)/items/bulk"
        }
        try Rec.checkAuth(h, tokens, .delete, auth: .admin, success: 200) {
            let item = try h.connection.execute("INSERT INTO checklist_item (id_checklist) VALUES (\(id))").lastInsertID
            return "/api/checklist/items/\(item)"
        }
        try Rec.checkAuth(h, tokens, .delete, auth: .admin, success: 200) { "/api/checklist/\(try make())" }
    }
}
