import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// `/departamento`: parent and boss references, the tree without cycles, and the delete guards (§10).
@Suite("Catalogs: departamento")
struct CatalogDepartamentoTests {
    @Test("the parent must exist and be active; the boss's Perfil must exist and be active (400 naming the field)")
    func references() throws {
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        let rows = try harness.count("SELECT COUNT(*) FROM Departamento")
        let parent = harness.call(.post, "/departamento", json: #"{"codigo": "NUEVO", "nombre": "Nuevo", "departamentoPadreId": 99}"#,
                                  token: admin)
        #expect(parent.status == 400 && parent.message == "El departamento padre con Id 99 no existe o está eliminado")
        #expect(parent.errorFields == ["departamentoPadreId"] && parent.errorMessages == [parent.message ?? ""])
        let boss = harness.call(.post, "/departamento", json: #"{"codigo": "NUEVO", "nombre": "Nuevo", "idPerfilJefe": 77}"#, token: admin)
        #expect(boss.status == 400 && boss.message == "El perfil del jefe con Id 77 no existe o está eliminado")
        #expect(boss.errorFields == ["idPerfilJefe"])

        let hoja = try #require(harness.call(.post, "/departamento", json: #"{"codigo": "HOJA", "nombre": "Hoja"}"#, token: admin)
            .data?["Id"]?.intValue)
        #expect(harness.call(.delete, "/departamento/\(hoja)", token: admin).status == 200)
        let deletedParent = harness.call(.put, "/departamento/2", json: #"{"departamentoPadreId": \#(hoja)}"#, token: admin)
        #expect(deletedParent.status == 400 && deletedParent.message == "El departamento padre con Id \(hoja) no existe o está eliminado")
        _ = try harness.connection.execute("UPDATE Perfil SET Eliminado = 1 WHERE Id = 2")
        let deletedBoss = harness.call(.put, "/departamento/2", json: #"{"idPerfilJefe": 2}"#, token: admin)
        #expect(deletedBoss.status == 400 && deletedBoss.message == "El perfil del jefe con Id 2 no existe o está eliminado")
        #expect(try harness.count("SELECT COUNT(*) FROM Departamento") == rows + 1)

        let ok = harness.call(.put, "/departamento/2", json: #"{"idPerfilJefe": 4, "nombreJefe": "Carlos Hernández"}"#, token: admin)
        #expect(ok.status == 200 && ok.data?["IdPerfilJefe"]?.intValue == 4 && ok.data?["DepartamentoPadreId"]?.intValue == 1)
    }

    @Test("a department cannot become its own ancestor, nor its own parent; nothing is written")
    func cycles() throws {
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        func create(_ codigo: String, parent: Int) throws -> Int {
            let body = #"{"codigo": "\#(codigo)", "nombre": "\#(codigo)", "departamentoPadreId": \#(parent)}"#
            return try #require(harness.call(.post, "/departamento", json: body, token: admin).data?["Id"]?.intValue)
        }
        let a = try create("A", parent: 2)
        let b = try create("B", parent: a)
        let c = try create("C", parent: b)
        let snapshot = try harness.snapshot(Catalogs.departamento)
        let message = "No se puede asignar este departamento padre porque crearía una referencia circular"
        for (id, parent) in [(a, c), (a, b), (a, a), (1, c), (2, a)] {
            let response = harness.call(.put, "/departamento/\(id)", json: #"{"departamentoPadreId": \#(parent)}"#, token: admin)
            #expect(response.status == 400 && response.message == message && response.errorFields == ["departamentoPadreId"],
                    "\(id) under \(parent)")
        }
        #expect(try harness.snapshot(Catalogs.departamento) == snapshot)
        // Moving a subtree elsewhere, or to the root, is fine.
        #expect(harness.call(.put, "/departamento/\(b)", json: #"{"departamentoPadreId": 1}"#, token: admin).status == 200)
        #expect(harness.call(.put, "/departamento/\(a)", json: #"{"departamentoPadreId": \#(c)}"#, token: admin).status == 200)
        #expect(harness.call(.put, "/departamento/\(b)", json: #"{"departamentoPadreId": null}"#, token: admin).status == 200)
    }

    @Test("filters by level and parent; names may repeat (only the code is unique)")
    func filters() throws {
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        for codigo in ["DUP_1", "DUP_2"] {
            let body = #"{"codigo": "\#(codigo)", "nombre": "Logística", "nivelJerarquico": 1, "departamentoPadreId": 1}"#
            #expect(harness.call(.post, "/departamento", json: body, token: admin).status == 201)
        }
        func codes(_ query: String) -> [String] {
            // (The harness needs a non-empty query after "?".)
            harness.call(.get, "/departamento/todos/lista" + (query.isEmpty ? "" : "?" + query), token: admin).data?.arrayValue?
                .compactMap { $0["Codigo"]?.stringValue } ?? []
        }
        #expect(codes("") == ["DIR_ADMIN", "LOGISTICA", "DUP_1", "DUP_2"], "NivelJerarquico, Nombre, Id")
        #expect(codes("departamentoPadreId=1&nombre=logist") == ["LOGISTICA", "DUP_1", "DUP_2"])
        #expect(codes("nivelJerarquico=0") == ["DIR_ADMIN"])
        #expect(codes("busqueda=1.er+nivel") == ["LOGISTICA"])
    }

    @Test("a department with active sub-departments, solicitudes, drivers or perfiles cannot be deleted")
    func guards() throws {
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        func create(_ codigo: String) throws -> Int {
            try #require(harness.call(.post, "/departamento", json: #"{"codigo": "\#(codigo)", "nombre": "\#(codigo)"}"#, token: admin)
                .data?["Id"]?.intValue)
        }
        let (solicitudes, motoristas, perfiles, libre) = (try create("SOL"), try create("MOT"), try create("PER"), try create("LIBRE"))
        let solicitud = try harness.insertSolicitud(departamento: solicitudes)
        let licencia = try #require(try harness.create(CatalogSample(Catalogs.tipoLicencia, seed: 1), token: admin)["Id"]?.intValue)
        let motorista = try harness.insertMotorista(departamento: motoristas, licencia: licencia, disponibilidad: nil)
        _ = try harness.connection.execute("UPDATE Perfil SET IdDepartamento = \(perfiles) WHERE Id = 5")
        let snapshot = try harness.snapshot(Catalogs.departamento)
        for (id, reason) in [(1, "tiene subdepartamentos activos"), (solicitudes, "tiene solicitudes activas asociadas"),
                             (motoristas, "tiene motoristas activos asignados"), (perfiles, "tiene perfiles activos asignados")] {
            let response = harness.call(.delete, "/departamento/\(id)", token: admin)
            #expect(response.status == 409 && response.message == "No se puede eliminar este departamento porque \(reason)")
        }
        #expect(try harness.snapshot(Catalogs.departamento) == snapshot)
        #expect(harness.call(.delete, "/departamento/\(libre)", token: admin).status == 200)
        _ = try harness.connection.execute("UPDATE Solicitud SET Eliminado = 1 WHERE Id = \(solicitud)")
        _ = try harness.connection.execute("UPDATE DetallePerfilMotorista SET Eliminado = 1 WHERE Id = \(motorista)")
        _ = try harness.connection.execute("UPDATE Perfil SET IdDepartamento = 1 WHERE Id = 5")
        for id in [solicitudes, motoristas, perfiles] {
            #expect(harness.call(.delete, "/departamento/\(id)", token: admin).status == 200)
        }
    }
}
