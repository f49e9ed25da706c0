import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Monitor

/// `/api/levantamientos` (monitor.md §4.7; rulings 1, 2, 5, M9) against a real database.
@Suite("Monitor levantamientos", .serialized)
struct LevantamientoTests {
    static let columns = ["id", "no_siniestro", "fecha", "orden", "marca", "tipo", "modelo", "placas", "kilometraje",
                          "no_puertas", "color", "serie", "eco", "asegurado_tercero", "nombre_propietario", "telefono",
                          "direccion", "pega", "cristales", "aire", "vestiduras", "rin", "direccion_veh", "tipo_pintura",
                          "trasmision", "levantamiento_concepto"]

    static func create(_ h: MonitorHarness, token: String, _ json: String) -> TestResponse {
        h.call(.post, "/api/levantamientos", json: json, token: token)
    }

    static func counts(_ h: MonitorHarness) throws -> [Int] {
        [try h.count("SELECT COUNT(*) FROM levantamiento_danios"), try h.count("SELECT COUNT(*) FROM levantamiento_concepto")]
    }

    @Test("Create with conceptos, then read it every way: list, filter, latest, by id with expediente, costo-total")
    func createAndRead() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-L1")
        try Rec.expediente(h, "SIN-L2")
        let created = Self.create(h, token: tokens.tecnico, """
            {"no_siniestro":"SIN-L1","fecha":"15/03/2024","marca":"Kenworth","cristales":true,"aire":false,
             "conceptos":[{"claves":"A1","concepto":"Cofre","costo":3500},
             {"concepto":"Defensa","costo":"1200.50"},{"claves":"X"}]}
            """)
        #expect(created.status == 201, "\(created.text)")
        let json = try #require(created.json)
        #expect(Rec.keys(json) == Self.columns)
        #expect(json["fecha"]?.stringValue == "2024-03-15T12:00:00.000Z")
        #expect(Rec.bool(json["cristales"]) == true && Rec.bool(json["aire"]) == false && Rec.isNull(json["rin"]))
        #expect(Rec.int(json["id"]) != 999)
        let conceptos = Rec.array(json["levantamiento_concepto"])
        #expect(conceptos.count == 3)
        #expect(Rec.keys(conceptos.first) == ["id", "id_levantamiento", "claves", "concepto", "costo"])
        #expect(conceptos.map { $0["costo"]?.stringValue } == ["3500.00", "1200.50", nil])
        #expect(conceptos.allSatisfy { Rec.int($0["id_levantamiento"]) == Rec.int(json["id"]) })
        let id = try #require(Rec.int(json["id"]))

        let other = Self.create(h, token: tokens.operador, #"{"no_siniestro":"SIN-L2","fecha":"2024-04-01"}"#)
        #expect(other.status == 201)
        #expect(other.json?["fecha"]?.stringValue == "2024-04-01T12:00:00.000Z")
        #expect(Rec.array(other.json?["levantamiento_concepto"]).count == 0)
        let newer = Self.create(h, token: tokens.administrador, #"{"no_siniestro":"SIN-L1"}"#)
        let newerID = try #require(Rec.int(newer.json?["id"]))

        let all = h.call(.get, "/api/levantamientos", token: tokens.tecnico)
        #expect(all.status == 200)
        #expect(Rec.array(all.json).compactMap { Rec.int($0["id"]) } == [newerID, Rec.int(other.json?["id"])!, id])
        #expect(Rec.array(Rec.array(all.json).last?["levantamiento_concepto"]).count == 3)
        let filtered = h.call(.get, "/api/levantamientos?no_siniestro=SIN-L1", token: tokens.tecnico)
        #expect(Rec.array(filtered.json).compactMap { Rec.int($0["id"]) } == [newerID, id])
        #expect(Rec.array(h.call(.get, "/api/levantamientos?no_siniestro=NADA", token: tokens.tecnico).json).isEmpty)

        let latest = h.call(.get, "/api/levantamientos/siniestro/SIN-L1", token: tokens.tecnico)
        #expect(Rec.int(latest.json?["id"]) == newerID)
        let none = h.call(.get, "/api/levantamientos/siniestro/NADA", token: tokens.tecnico)
        #expect(none.status == 404)
        #expect(none.error == "No existe levantamiento para este siniestro")

        let detail = h.call(.get, "/api/levantamientos/\(id)", token: tokens.tecnico)
        #expect(detail.status == 200)
        #expect(Rec.keys(detail.json) == Self.columns + ["expediente"])
        #expect(detail.json?["expediente"]?["no_siniestro"]?.stringValue == "SIN-L1")
        #expect(detail.json?["expediente"]?["marca"]?.stringValue == "Toyota")
        #expect(Rec.isNull(detail.json?["expediente"]?["doc_finiquito"]))

        let total = h.call(.get, "/api/levantamientos/\(id)/costo-total", token: tokens.tecnico)
        #expect(total.text == "{\"id_levantamiento\":\(id),\"total\":4700.5}")
        let zero = h.call(.get, "/api/levantamientos/\(newerID)/costo-total", token: tokens.tecnico)
        #expect(zero.text == "{\"id_levantamiento\":\(newerID),\"total\":0}")
    }

    @Test("Create: the documented 400s, and every bad value is a 400 naming the field with nothing written")
    func createErrors() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-L3")
        let cases: [(String, String)] = [
            ("{}", "no_siniestro es requerido"),
            (#"{"no_siniestro":null}"#, "no_siniestro es requerido"),
            (#"{"no_siniestro":""}"#, "no_siniestro es requerido"),
            (#"{"no_siniestro":"NADA"}"#, "No existe un expediente con ese no_siniestro"),
            (#"{"no_siniestro":5}"#, "El campo 'no_siniestro' debe ser texto"),
            (#"{"no_siniestro":"SIN-L3","fecha":"31/02/2024"}"#, "El campo 'fecha' debe ser una fecha válida (YYYY-MM-DD)"),
            (#"{"no_siniestro":"SIN-L3","fecha":"mañana"}"#, "El campo 'fecha' debe ser una fecha válida (YYYY-MM-DD)"),
            (#"{"no_siniestro":"SIN-L3","fecha":20240101}"#, "El campo 'fecha' debe ser una fecha válida (YYYY-MM-DD)"),
            (#"{"no_siniestro":"SIN-L3","cristales":"si"}"#, "El campo 'cristales' debe ser verdadero o falso"),
            (#"{"no_siniestro":"SIN-L3","marca":["a"]}"#, "El campo 'marca' debe ser texto"),
            ("{\"no_siniestro\":\"SIN-L3\",\"direccion\":\"\(Rec.longString(501))\"}",
             "El campo 'direccion' excede la longitud máxima de 500 caracteres"),
            (#"{"no_siniestro":"SIN-L3","conceptos":{"concepto":"x"}}"#, "El campo 'conceptos' debe ser una lista"),
            (#"{"no_siniestro":"SIN-L3","conceptos":null}"#, "El campo 'conceptos' debe ser una lista"),
            (#"{"no_siniestro":"SIN-L3","conceptos":["x"]}"#, "El campo 'conceptos[0]' debe ser un objeto"),
            (#"{"no_siniestro":"SIN-L3","conceptos":[{"concepto":"a","costo":1},{"costo":"1.234"}]}"#,
             "El campo 'conceptos[1].costo' debe ser un importe con a lo más 2 decimales"),
            (#"{"no_siniestro":"SIN-L3","conceptos":[{"costo":true}]}"#,
             "El campo 'conceptos[0].costo' debe ser un importe con a lo más 2 decimales"),
            ("{\"no_siniestro\":\"SIN-L3\",\"conceptos\":[{\"concepto\":\"\(Rec.longString(1_001))\"}]}",
             "El campo 'conceptos[0].concepto' excede la longitud máxima de 1000 caracteres"),
        ]
        for (body, message) in cases {
            let response = Self.create(h, token: tokens.tecnico, body)
            #expect(response.status == 400, "\(body.prefix(80)): \(response.text)")
            #expect(response.error == message, "\(body.prefix(80))")
        }
        for bad in Rec.badBodies {
            let response = h.call(.post, "/api/levantamientos", token: tokens.tecnico, body: bad.bytes, contentType: bad.contentType)
            #expect((400..<500).contains(response.status), "\(bad.name): \(response.status) \(response.text.prefix(200))")
        }
        #expect(try Self.counts(h) == [0, 0])
    }

    @Test("Update changes only the fields sent; null clears (fecha included); conceptos is ignored, other unknown keys are 400 (ContractGapTests)")
    func update() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-L4")
        try Rec.expediente(h, "SIN-L5")
        let created = Self.create(h, token: tokens.tecnico,
                                  #"{"no_siniestro":"SIN-L4","fecha":"2024-01-02","marca":"Volvo","color":"Rojo","rin":true,"conceptos":[{"concepto":"a"}]}"#)
        let id = try #require(Rec.int(created.json?["id"]))
        let updated = h.call(.put, "/api/levantamientos/\(id)", json: #"{"color":null,"modelo":"FH","conceptos":[]}"#,
                             token: tokens.tecnico)
        #expect(updated.status == 200, "\(updated.text)")
        #expect(updated.json?["marca"]?.stringValue == "Volvo")
        #expect(Rec.isNull(updated.json?["color"]))
        #expect(updated.json?["modelo"]?.stringValue == "FH")
        #expect(updated.json?["fecha"]?.stringValue == "2024-01-02T12:00:00.000Z")
        #expect(Rec.bool(updated.json?["rin"]) == true)
        #expect(Rec.array(updated.json?["levantamiento_concepto"]).count == 1)

        let cleared = h.call(.put, "/api/levantamientos/\(id)", json: #"{"fecha":null,"no_siniestro":"SIN-L5","rin":false}"#,
                             token: tokens.operador)
        #expect(Rec.isNull(cleared.json?["fecha"]))
        #expect(cleared.json?["no_siniestro"]?.stringValue == "SIN-L5")
        #expect(Rec.bool(cleared.json?["rin"]) == false)
        let empty = h.call(.put, "/api/levantamientos/\(id)", json: "{}", token: tokens.operador)
        #expect(empty.status == 200)
        #expect(empty.json?["modelo"]?.stringValue == "FH")
        #expect(h.call(.put, "/api/levantamientos/\(id)", token: tokens.operador).status == 400)

        let errors: [(String, String, Int, String)] = [
            ("abc", "{}", 400, "id inválido"),
            ("1.5", "{}", 400, "id inválido"),
            ("0", "{}", 404, "Levantamiento no encontrado"),
            ("-3", "{}", 404, "Levantamiento no encontrado"),
            ("\(id)", #"{"no_siniestro":"NADA"}"#, 400, "No existe un expediente con ese no_siniestro"),
            ("\(id)", #"{"no_siniestro":null}"#, 400, "no_siniestro es requerido"),
            ("\(id)", #"{"fecha":"2024-13-01"}"#, 400, "El campo 'fecha' debe ser una fecha válida (YYYY-MM-DD)"),
            ("\(id)", #"{"aire":1}"#, 400, "El campo 'aire' debe ser verdadero o falso"),
        ]
        for (path, body, status, message) in errors {
            let response = h.call(.put, "/api/levantamientos/\(path)", json: body, token: tokens.tecnico)
            #expect(response.status == status, "\(path) \(body): \(response.text)")
            #expect(response.error == message, "\(path) \(body)")
        }
        for bad in Rec.badBodies {
            let response = h.call(.put, "/api/levantamientos/\(id)", token: tokens.tecnico, body: bad.bytes, contentType: bad.contentType)
            #expect((400..<500).contains(response.status), "\(bad.name): \(response.status)")
        }
        let after = h.call(.get, "/api/levantamientos/\(id)", token: tokens.tecnico)
        #expect(after.json?["no_siniestro"]?.stringValue == "SIN-L5")
        #expect(after.json?["modelo"]?.stringValue == "FH")
        #expect(Rec.bool(after.json?["aire"]) == nil)
    }

    @Test("Conceptos: add (concepto required), delete; deleting a levantamiento takes its conceptos")
    func conceptos() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-L6")
        let created = Self.create(h, token: tokens.tecnico, #"{"no_siniestro":"SIN-L6"}"#)
        let id = try #require(Rec.int(created.json?["id"]))
        let added = h.call(.post, "/api/levantamientos/\(id)/conceptos",
                           json: #"{"concepto":"Pintura","claves":"P","costo":"99.9"}"#, token: tokens.tecnico)
        #expect(added.status == 201, "\(added.text)")
        #expect(Rec.keys(added.json) == ["id", "id_levantamiento", "claves", "concepto", "costo"])
        #expect(Rec.int(added.json?["id_levantamiento"]) == id)
        #expect(added.json?["costo"]?.stringValue == "99.90")
        let conceptoID = try #require(Rec.int(added.json?["id"]))

        let errors: [(String, String, Int, String)] = [
            ("abc", #"{"concepto":"x"}"#, 400, "id inválido"),
            ("\(id)", "{}", 400, "concepto es requerido"),
            ("\(id)", #"{"concepto":""}"#, 400, "concepto es requerido"),
            ("\(id)", #"{"concepto":null}"#, 400, "concepto es requerido"),
            ("\(id)", #"{"concepto":7}"#, 400, "El campo 'concepto' debe ser texto"),
            ("\(id)", #"{"concepto":"x","costo":"abc"}"#, 400, "El campo 'costo' debe ser un importe con a lo más 2 decimales"),
            ("\(id)", #"{"concepto":"x","costo":1e20}"#, 400, "El campo 'costo' debe ser un importe con a lo más 2 decimales"),
            ("999999", #"{"concepto":"x"}"#, 404, "Levantamiento no encontrado"),
        ]
        for (path, body, status, message) in errors {
            let response = h.call(.post, "/api/levantamientos/\(path)/conceptos", json: body, token: tokens.tecnico)
            #expect(response.status == status, "\(path) \(body): \(response.text)")
            #expect(response.error == message, "\(path) \(body)")
        }
        #expect(try Self.counts(h) == [1, 1])

        let badID = h.call(.delete, "/api/levantamientos/conceptos/x1", token: tokens.administrador)
        #expect(badID.status == 400)
        #expect(badID.error == "id_concepto inválido")
        let deleted = h.call(.delete, "/api/levantamientos/conceptos/\(conceptoID)", token: tokens.administrador)
        #expect(deleted.text == #"{"mensaje":"Concepto eliminado correctamente"}"#)
        let missing = h.call(.delete, "/api/levantamientos/conceptos/\(conceptoID)", token: tokens.administrador)
        #expect(missing.status == 404)
        #expect(missing.error == "Concepto no encontrado")

        _ = h.call(.post, "/api/levantamientos/\(id)/conceptos", json: #"{"concepto":"otro"}"#, token: tokens.tecnico)
        let gone = h.call(.delete, "/api/levantamientos/\(id)", token: tokens.administrador)
        #expect(gone.text == #"{"mensaje":"Levantamiento y conceptos eliminados correctamente"}"#)
        #expect(try Self.counts(h) == [0, 0])
        let again = h.call(.delete, "/api/levantamientos/\(id)", token: tokens.administrador)
        #expect(again.status == 404)
        #expect(again.error == "Levantamiento no encontrado")
        let bad = h.call(.delete, "/api/levantamientos/zz", token: tokens.administrador)
        #expect(bad.status == 400)
        #expect(bad.error == "id inválido")
        for path in ["/api/levantamientos/zz", "/api/levantamientos/zz/costo-total"] {
            let response = h.call(.get, path, token: tokens.tecnico)
            #expect(response.status == 400 && response.error == "id inválido", "\(path)")
        }
        for path in ["/api/levantamientos/\(id)", "/api/levantamientos/\(id)/costo-total"] {
            let response = h.call(.get, path, token: tokens.tecnico)
            #expect(response.status == 404 && response.error == "Levantamiento no encontrado", "\(path)")
        }
    }

    @Test("Every route × role: no token 401, refused roles 403, allowed roles 2xx")
    func authMatrix() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-LA")
        let make = { () throws -> Int in
            try h.connection.execute("INSERT INTO levantamiento_danios (no_siniestro) VALUES ('SIN-LA')").lastInsertID
        }
        let id = try make()
        try Rec.checkAuth(h, tokens, .post, auth: .token, success: 201, json: #"{"no_siniestro":"SIN-LA"}"#) { "/api/levantamientos" }
        try Rec.checkAuth(h, tokens, .get, auth: .token, success: 200) { "/api/levantamientos" }
        try Rec.checkAuth(h, tokens, .get, auth: .token, success: 200) { "/api/levantamientos/siniestro/SIN-LA" }
        try Rec.checkAuth(h, tokens, .get, auth: .token, success: 200) { "/api/levantamientos/\(id)/costo-total" }
        try Rec.checkAuth(h, tokens, .get, auth: .token, success: 200) { "/api/levantamientos/\(id)" }
        try Rec.checkAuth(h, tokens, .put, auth: .token, success: 200, json: #"{"marca":"x"}"#) { "/api/levantamientos/\(id)" }
        try Rec.checkAuth(h, tokens, .post, auth: .token, success: 201, json: #"{"concepto":"x"}"#) { "/api/levantamientos/\(id)/conceptos" }
        try Rec.checkAuth(h, tokens, .delete, auth: .admin, success: 200) {
            let concepto = try h.connection.execute("INSERT INTO levantamiento_concepto (id_levantamiento, concepto) VALUES (\(id), 'x')").lastInsertID
            return "/api/levantamientos/conceptos/\(concepto)"
        }
        try Rec.checkAuth(h, tokens, .delete, auth: .admin, success: 200) { "/api/levantamientos/\(try make())" }
    }
}
