import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// What a creation costs the database in round trips (issue 16), and the pinned session clock it shares between
/// its steps: a regression here puts statements back on every POST /solicitud.
@Suite("POST /solicitud: idas y vueltas", .serialized)
struct SolicitudIdaYVueltaTests {
    /// The statements this connection has sent the server (stored programs' own statements are not counted).
    static func enviadas(_ h: TransporteHarness) throws -> Int {
        let row = try #require(try h.connection.queryFirst(
            "SELECT VARIABLE_VALUE AS Valor FROM information_schema.SESSION_STATUS WHERE VARIABLE_NAME = 'QUESTIONS'"))
        return try #require(Int(try row.string("Valor")))
    }

    /// The response's text from its `data` on: the record's bytes.
    static func datos(_ response: TestResponse) throws -> Substring {
        let text = response.text
        let inicio = try #require(text.range(of: "\"data\":"))
        return text[inicio.upperBound...]
    }

    /// Creates a solicitud with `cuerpo` and expects its answer's record to be, byte for byte, what GET reads back;
    /// the creation's response and the new id.
    static func creadaIgualALeida(_ h: TransporteHarness, _ cuerpo: String, token: String) throws -> (TestResponse, Int) {
        let creada = h.call(.post, "/solicitud", json: cuerpo, token: token)
        #expect(creada.status == 201, "\(creada.text)")
        let id = try #require(creada.data?["Id"]?.intValue)
        let leida = h.call(.get, "/solicitud/\(id)", json: nil, token: token)
        #expect(leida.status == 200, "\(leida.text)")
        #expect(try datos(creada) == datos(leida))
        return (creada, id)
    }

    @Test("a creation with two stops is 5 statements: START TRANSACTION, the references with the stops and the first state's name, the row and the stops each returning their record columns, one CALL for the first state, the code, the two mails and the COMMIT")
    func cincoSentencias() throws {
        let h = try TransporteHarness()
        let token = try h.token("solicitante1")
        // The first one prepares the statements and reads the caller's row (kept 30 s per worker).
        #expect(h.call(.post, "/solicitud", json: TransporteHarness.cuerpo(), token: token).status == 201)
        let antes = try Self.enviadas(h)
        let response = h.call(.post, "/solicitud", json: TransporteHarness.cuerpo(), token: token)
        let despues = try Self.enviadas(h)
        #expect(response.status == 201, "\(response.text)")
        #expect(response.data?["CodigoSolicitud"]?.stringValue == "SOL-2026-02-00000002")
        // `despues` counts its own SELECT.
        #expect(despues - antes - 1 == 5)
        #expect(try h.count("SELECT COUNT(*) FROM mail_outbox") == 4)
        #expect(try h.count("SELECT COUNT(*) FROM DetalleLugarSolicitud WHERE IdSolicitud = \(try #require(response.data?["Id"]?.intValue))") == 2)
    }

    @Test("the creation's answer is the record GET /solicitud/:id reads, byte for byte, though it is built from what was written and not read back")
    func respuestaIgualALectura() throws {
        let h = try TransporteHarness()
        let token = try h.token("solicitante1")
        // Stops sent out of Orden order, one without its optional fields.
        let cuerpo = TransporteHarness.cuerpo(["lugares": """
            [{"idLugar": 5, "esOrigen": false, "orden": 1, "descripcion": "Destino", "horaEstimadaLlegada": "10:30",
              "requiereRetorno": true, "horaEstimadaRetorno": "12:00"},
             {"idLugar": 1, "esOrigen": true, "orden": 0}]
            """])
        let (creada, id) = try Self.creadaIgualALeida(h, cuerpo, token: token)
        #expect(creada.data?["CodigoEstadoActual"]?.stringValue == "PENDIENTE_APROBACION")
        guard case .array(let lugares)? = creada.data?["lugares"] else { Issue.record("no lugares"); return }
        #expect(lugares.map { $0["Orden"]?.intValue } == [0, 1])
        // The stops and the first history row carry the creation instant, as the row does.
        #expect(try h.count("""
            SELECT COUNT(*) FROM DetalleLugarSolicitud d JOIN Solicitud s ON s.Id = d.IdSolicitud
             WHERE s.Id = \(id) AND d.FechaHoraCreacion = s.FechaHoraCreacion AND d.FechaHoraActualizacion = s.FechaHoraCreacion
            """) == 2)
        #expect(try h.count("""
            SELECT COUNT(*) FROM HistoricoEstadoSolicitud h JOIN Solicitud s ON s.Id = h.IdSolicitud
             WHERE s.Id = \(id) AND h.Seq = 1 AND h.MotivoEstadoSolicitud = 'Solicitud creada'
               AND h.FechaHoraCreacion = s.FechaHoraCreacion AND h.FechaHoraActualizacion = s.FechaHoraCreacion
            """) == 1)
    }

    @Test("the names the reference check reads make the record GET reads: a place twice, a place without address, a requester without e-mail, multi-byte names")
    func nombresDeLasReferencias() throws {
        let h = try TransporteHarness()
        let token = try h.token("solicitante1")
        try h.connection.executeText("UPDATE Lugares SET Direccion = NULL WHERE Id = 5")
        try h.connection.executeText("UPDATE Perfil SET Email = NULL, Nombre1 = 'Ñandú', Apellido1 = 'Pérez 😀' WHERE Id = 1")
        try h.connection.executeText("UPDATE Usuario SET Email = NULL WHERE Id = (SELECT IdUsuario FROM Perfil WHERE Id = 1)")
        let cuerpo = TransporteHarness.cuerpo(["lugares": """
            [{"idLugar": 5, "esOrigen": false, "orden": 1, "descripcion": "Destino"},
             {"idLugar": 1, "esOrigen": true, "orden": 0},
             {"idLugar": 5, "esOrigen": false, "orden": 2, "descripcion": "Otra vez"}]
            """])
        let (creada, _) = try Self.creadaIgualALeida(h, cuerpo, token: token)
        #expect(creada.data?["NombreSolicitante"]?.stringValue == "Ñandú Pérez 😀")
        #expect(creada.data?["EmailSolicitante"] == .null)
        guard case .array(let lugares)? = creada.data?["lugares"] else { Issue.record("no lugares"); return }
        #expect(lugares.map { $0["NombreLugar"]?.stringValue } == ["Sede Central", "Oficina Regional Norte", "Oficina Regional Norte"])
        #expect(lugares.map { $0["DireccionLugar"] == .null } == [false, true, true])
        // The requester has no address: only the approver's mail is queued.
        #expect(try h.count("SELECT COUNT(*) FROM mail_outbox") == 1)
    }

    @Test("the creation's reference read share-locks every row it names until the end of the transaction, as the check without names does")
    func referenciasBloqueadas() throws {
        let h = try TransporteHarness()
        let repository = MariaDBSolicitudRepository(connection: h.connection, zone: h.module.environment.zone)
        let otra = MariaDBConnection(configuration: h.configuration)
        defer { otra.close() }
        try otra.executeText("SET SESSION innodb_lock_wait_timeout = 1")
        let escrituras = [
            "UPDATE Departamento SET Nombre = CONCAT(Nombre, '') WHERE Id = 2",
            "UPDATE Perfil SET Nombre1 = CONCAT(Nombre1, '') WHERE Id = 1",
            "UPDATE Usuario SET Email = CONCAT(Email, '') WHERE Id = (SELECT IdUsuario FROM Perfil WHERE Id = 3)",
            "UPDATE PerfilRol SET Eliminado = Eliminado + 0 WHERE IdPerfil = 3",
            "UPDATE TipoPrioridadSolicitud SET Nombre = CONCAT(Nombre, '') WHERE Id = 2",
            "UPDATE TipoServicioSolicitud SET Nombre = CONCAT(Nombre, '') WHERE Id = 1",
            "UPDATE Lugares SET Nombre = CONCAT(Nombre, '') WHERE Id = 5",
        ]
        try repository.transaction {
            let encontradas = try repository.referencias(SolicitudReferencias(
                departamento: 2, solicitante: 1, aprobador: 3, prioridad: 2, servicio: 1, lugares: [5, 1, 5]))
            #expect(encontradas.aprobadorConRol && encontradas.lugares == [1, 5])
            #expect(encontradas.nombres.lugares[5]?.nombre == "Oficina Regional Norte")
            for escritura in escrituras {
                var espera: MariaDBError.Kind?
                do throws(MariaDBError) { try otra.executeText(escritura) } catch { espera = error.kind }
                #expect(espera == .lockWaitTimeout, "\(escritura)")
            }
            // A row the solicitud does not name is not locked.
            try otra.executeText("UPDATE Departamento SET Nombre = CONCAT(Nombre, '') WHERE Id = 1")
        }
    }

    @Test("the row's RETURNING list is the record's columns, in the record's order")
    func columnasDelRegistro() {
        func nombre(_ expresion: String) -> String {
            // The alias, or the column without its table ("s.Id", "e.EsEstadoFinal").
            let alias = expresion.components(separatedBy: " AS ").last ?? expresion
            return alias.components(separatedBy: ".").last ?? alias
        }
        #expect(SolicitudSQL.creadaColumnas.map(nombre) == SolicitudSQL.registroColumnas.map(nombre))
        #expect(SolicitudSQL.completadaColumnas.allSatisfy { SolicitudSQL.creadaColumnas.map(nombre).contains($0) })
        #expect(SolicitudSQL.creadaLugarColumnas.map(nombre) == SolicitudSQL.lugarColumnas.map(nombre))
        #expect(SolicitudSQL.completadaIndices.count == SolicitudSQL.completadaColumnas.count)
        #expect(SolicitudSQL.nombreIndices.count == SolicitudSQL.nombreColumnas.count)
        #expect(SolicitudSQL.nombreColumnas.allSatisfy { nombre in
            SolicitudSQL.creadaColumnas.contains("NULL AS \(nombre)")
        }, "the names are NULL in the RETURNING list, filled in from the reference check")
        #expect(!SolicitudSQL.crear.contains("SELECT") && !SolicitudSQL.crearLugares(2).contains("SELECT"),
                "no subquery in the creation's INSERTs")
    }

    @Test("a pin inside a pin: the same instant sends nothing, another one is undone back to the outer pin, and the last release gives the server's clock back")
    func pinAnidado() throws {
        let h = try TransporteHarness()
        let repository = MariaDBSolicitudRepository(connection: h.connection, zone: h.module.environment.zone)
        let (a, b): (Int64, Int64) = (1_772_345_400_123, 1_772_345_460_456)
        func marca(_ instante: Int64) throws -> Bool {
            try h.count("SELECT ROUND(@@timestamp * 1000) = \(instante)") == 1
        }
        try repository.conInstante(a) { () throws in
            let antes = try Self.enviadas(h)
            let anidado = try repository.conInstante(a) { () throws in try marca(a) }
            // Two reads of the counter and `marca`'s SELECT: the nested pin itself sent nothing.
            let enviadas = try Self.enviadas(h) - antes
            let otro = try repository.conInstante(b) { () throws in try marca(b) }
            let devuelto = try marca(a)
            #expect(anidado && enviadas == 2 && otro)
            #expect(devuelto, "the inner pin gave the outer one back")
        }
        let servidor = try !marca(a) && !marca(b)
        #expect(servidor, "the server's own clock again")
    }
}
