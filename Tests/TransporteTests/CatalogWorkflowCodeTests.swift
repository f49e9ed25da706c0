import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// Estado de solicitud and rol: the rows the procedures and the auth layer look up by code (§4.1, T5).
@Suite("Catalogs: estado-solicitud and rol, the codes the system uses")
struct CatalogWorkflowCodeTests {
    @Test("estados list in Orden; esEstadoFinal filters; orden is unique among active rows")
    func estadoOrden() throws {
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        let all = harness.call(.get, "/estado-solicitud/todos/lista", token: admin)
        #expect(all.data?.arrayValue?.compactMap { $0["Codigo"]?.stringValue }
            == ["PENDIENTE_APROBACION", "APROBADA", "RECHAZADA", "CANCELADA", "COMPLETADA", "EN_PROCESO"])
        let finals = harness.call(.get, "/estado-solicitud/todos/lista?esEstadoFinal=true", token: admin)
        #expect(finals.data?.arrayValue?.compactMap { $0["Codigo"]?.stringValue } == ["RECHAZADA", "CANCELADA", "COMPLETADA"])

        let rows = try harness.count("SELECT COUNT(*) FROM EstadoSolicitud")
        let taken = harness.call(.post, "/estado-solicitud", json: #"""
            {"codigo": "EN_REVISION", "nombre": "En revisión", "esEstadoFinal": false, "orden": 2}
            """#, token: admin)
        #expect(taken.status == 409 && taken.message == "Ya existe un estado de solicitud con el orden 2")
        #expect(try harness.count("SELECT COUNT(*) FROM EstadoSolicitud") == rows)
        let created = harness.call(.post, "/estado-solicitud", json: #"""
            {"codigo": "en_revision", "nombre": "En revisión", "esEstadoFinal": false, "orden": 7}
            """#, token: admin)
        #expect(created.status == 201 && created.data?["Codigo"]?.stringValue == "EN_REVISION")
        let id = try #require(created.data?["Id"]?.intValue)
        let moved = harness.call(.put, "/estado-solicitud/\(id)", json: #"{"orden": 6}"#, token: admin)
        #expect(moved.status == 409 && moved.message == "Ya existe un estado de solicitud con el orden 6")
        // Once a state is deleted its orden is free again.
        #expect(harness.call(.delete, "/estado-solicitud/\(id)", token: admin).status == 200)
        let reused = harness.call(.post, "/estado-solicitud", json: #"""
            {"codigo": "OTRO", "nombre": "Otro", "esEstadoFinal": true, "orden": 7}
            """#, token: admin)
        #expect(reused.status == 201 && reused.data?["Id"]?.intValue != id)
    }

    @Test("the six workflow estados cannot be deleted nor change code; their other fields can change")
    func workflowEstados() throws {
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        let snapshot = try harness.snapshot(Catalogs.estadoSolicitud)
        let codes = ["PENDIENTE_APROBACION", "APROBADA", "RECHAZADA", "CANCELADA", "COMPLETADA", "EN_PROCESO"]
        for (index, codigo) in codes.enumerated() {
            let deleted = harness.call(.delete, "/estado-solicitud/\(index + 1)", token: admin)
            #expect(deleted.status == 409)
            #expect(deleted.message == "No se puede eliminar el estado de solicitud '\(codigo)' porque el sistema lo utiliza")
            let renamed = harness.call(.put, "/estado-solicitud/\(index + 1)", json: #"{"codigo": "OTRO_\#(index)", "nombre": "X \#(index)"}"#,
                                       token: admin)
            #expect(renamed.status == 409)
            #expect(renamed.message == "No se puede cambiar el código del estado de solicitud '\(codigo)' porque el sistema lo utiliza")
        }
        #expect(try harness.snapshot(Catalogs.estadoSolicitud) == snapshot)
        let same = harness.call(.put, "/estado-solicitud/1", json: ##"{"codigo": " pendiente_aprobacion ", "color": "#FFB000"}"##,
                                token: admin)
        #expect(same.status == 200 && same.data?["Color"]?.stringValue == "#FFB000")
    }

    @Test("the seven mission estados cannot be deleted nor change code (0014 looks them up by code); their names can change")
    func workflowEstadosMision() throws {
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        let snapshot = try harness.snapshot(Catalogs.estadoMision)
        for estado in harness.call(.get, "/estado-mision/todos/lista", token: admin).data?.arrayValue ?? [] {
            let (id, codigo) = (estado["Id"]?.intValue ?? 0, estado["Codigo"]?.stringValue ?? "")
            #expect(EstadoMisionCodigo(rawValue: codigo) != nil)
            let deleted = harness.call(.delete, "/estado-mision/\(id)", token: admin)
            #expect(deleted.status == 409 && deleted.message == "No se puede eliminar el estado de misión '\(codigo)' porque el sistema lo utiliza")
            let renamed = harness.call(.put, "/estado-mision/\(id)", json: #"{"codigo": "OTRO_\#(id)"}"#, token: admin)
            #expect(renamed.status == 409)
        }
        #expect(try harness.snapshot(Catalogs.estadoMision) == snapshot)
        #expect(try harness.count("SELECT COUNT(*) FROM EstadoMision") == EstadoMisionCodigo.allCases.count)
        let nombre = harness.call(.put, "/estado-mision/6", json: #"{"nombre": "En espera del personal"}"#, token: admin)
        #expect(nombre.status == 200 && nombre.data?["Nombre"]?.stringValue == "En espera del personal")
    }

    @Test("an estado used by an active solicitud's history cannot be deleted (§6); once the solicitud is deleted it can")
    func estadoInUse() throws {
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        let created = harness.call(.post, "/estado-solicitud", json: #"""
            {"codigo": "EN_REVISION", "nombre": "En revisión", "esEstadoFinal": false, "orden": 7}
            """#, token: admin)
        let estado = try #require(created.data?["Id"]?.intValue)
        let solicitud = try harness.insertSolicitud()
        // Only cambiar_estado_solicitud writes history (0003); the test takes its mark to put a custom state there.
        try harness.connection.executeText("SET @transporte_cambio_estado_solicitud = \(solicitud)")
        _ = try harness.connection.execute("""
            INSERT INTO HistoricoEstadoSolicitud (IdSolicitud, IdEstadoSolicitud, MotivoEstadoSolicitud)
            VALUES (\(solicitud), \(estado), 'En revisión por el área')
            """)
        try harness.connection.executeText("SET @transporte_cambio_estado_solicitud = NULL")

        let message = "No se puede eliminar este estado de solicitud porque tiene solicitudes activas asociadas"
        for id in [estado, 1] {
            let refused = harness.call(.delete, "/estado-solicitud/\(id)", token: admin)
            #expect(refused.status == 409 && refused.message == message)
        }
        #expect(try harness.count("SELECT COUNT(*) FROM EstadoSolicitud WHERE Eliminado = 1") == 0)
        _ = try harness.connection.execute("UPDATE Solicitud SET Eliminado = 1 WHERE Id = \(solicitud)")
        #expect(harness.call(.delete, "/estado-solicitud/\(estado)", token: admin).status == 200)
        let protected = harness.call(.delete, "/estado-solicitud/1", token: admin)
        #expect(protected.message == "No se puede eliminar el estado de solicitud 'PENDIENTE_APROBACION' porque el sistema lo utiliza")
    }

    @Test("the four roles cannot be deleted nor change code; a role assigned to an active perfil cannot be deleted")
    func roles() throws {
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        let assigned = harness.call(.delete, "/rol/1", token: admin)
        #expect(assigned.status == 409 && assigned.message == "No se puede eliminar este rol porque tiene perfiles activos asignados")
        let motorista = harness.call(.delete, "/rol/4", token: admin)
        #expect(motorista.status == 409 && motorista.message == "No se puede eliminar el rol 'MOTORISTA' porque el sistema lo utiliza")
        let renamed = harness.call(.put, "/rol/1", json: #"{"codigo": "SUPERADMIN"}"#, token: admin)
        #expect(renamed.status == 409 && renamed.message == "No se puede cambiar el código del rol 'ADMIN' porque el sistema lo utiliza")
        #expect(harness.call(.put, "/rol/4", json: #"{"nombre": "Conductor"}"#, token: admin).data?["Nombre"]?.stringValue == "Conductor")

        let created = harness.call(.post, "/rol", json: #"{"codigo": "AUDITOR", "nombre": "Auditor"}"#, token: admin)
        let rol = try #require(created.data?["Id"]?.intValue)
        let assignment = try harness.connection.execute("INSERT INTO PerfilRol (IdPerfil, IdRol) VALUES (1, \(rol))").lastInsertID
        let refused = harness.call(.delete, "/rol/\(rol)", token: admin)
        #expect(refused.status == 409 && refused.message == "No se puede eliminar este rol porque tiene perfiles activos asignados")
        _ = try harness.connection.execute("UPDATE PerfilRol SET Eliminado = 1 WHERE Id = \(assignment)")
        let deleted = harness.call(.delete, "/rol/\(rol)", token: admin)
        #expect(deleted.status == 200 && deleted.data?["mensaje"]?.stringValue == "Rol 'Auditor' eliminado exitosamente")
        // The administrator still logs in with the ADMIN role.
        let login = harness.call(.post, "/auth/login", json: #"{"username":"admin","password":"ventanilla"}"#)
        #expect(login.data?["usuario"]?["Roles"]?.arrayValue?.compactMap { $0.stringValue } == ["ADMIN"])
    }
}
