import AppCore
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// `PUT /solicitud/:id` (ruling 5: only the fields sent change, `null` clears) and `DELETE /solicitud/:id`
/// (soft delete of the solicitud, its history and its stops).
@Suite("PUT and DELETE /solicitud/:id", .serialized)
struct SolicitudCambiosTests {
    func put(_ h: TransporteHarness, _ id: Int, _ json: String, como username: String = "solicitante1") throws -> TestResponse {
        h.call(.put, "/solicitud/\(id)", json: json, token: try h.token(username))
    }

    /// The record without the keys that a write is expected to change.
    func sin(_ data: Input?, _ keys: Set<String>) -> [(String, Input)] {
        (data?.objectValue?.members ?? []).filter { !keys.contains($0.key) }.map { ($0.key, $0.value) }
    }

    @Test("only the fields sent change; null clears the optional texts; omitted ones stay")
    func parcial() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let creada = try h.crear()
        let id = try #require(creada.data?["Id"]?.intValue)
        let asunto = try put(h, id, #"{"asunto": "  Traslado a la sede regional  "}"#)
        #expect(asunto.status == 200 && asunto.message == "Solicitud actualizada exitosamente")
        #expect(asunto.data?["Asunto"]?.stringValue == "Traslado a la sede regional")
        #expect(sin(asunto.data, ["Asunto", "FechaHoraActualizacion"]).map(\.0) == sin(creada.data, ["Asunto", "FechaHoraActualizacion"]).map(\.0))
        #expect(zip(sin(asunto.data, ["Asunto", "FechaHoraActualizacion"]), sin(creada.data, ["Asunto", "FechaHoraActualizacion"]))
            .allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 })

        let nulos = try put(h, id, """
            {"descripcion": null, "justificacion": null, "nombresPasajeros": null, "observaciones": "  ",
             "cantidadPasajeros": 0, "horaServicioRequerido": "06:45:30", "idTipoPrioridadSolicitud": 1}
            """)
        #expect(nulos.status == 200, "\(nulos.text)")
        for key in ["Descripcion", "Justificacion", "NombresPasajeros", "Observaciones"] {
            #expect(nulos.data?[key] == .null, "\(key)")
        }
        #expect(nulos.data?["CantidadPasajeros"]?.intValue == 0 && nulos.data?["HoraServicioRequerido"]?.stringValue == "06:45:30")
        #expect(nulos.data?["IdTipoPrioridadSolicitud"]?.intValue == 1 && nulos.data?["NombrePrioridad"]?.stringValue == "Alta")
        #expect(nulos.data?["Asunto"]?.stringValue == "Traslado a la sede regional")
        #expect(nulos.data?["lugares"] == creada.data?["lugares"])
        // Code and state are not writable; unknown keys are ignored; the state and history stay.
        let ignorados = try put(h, id, #"{"codigoSolicitud": "SOL-2000-01-00000009", "idEstadoActual": 3, "asunto": "Asunto final"}"#)
        #expect(ignorados.data?["CodigoSolicitud"] == creada.data?["CodigoSolicitud"])
        #expect(ignorados.data?["CodigoEstadoActual"]?.stringValue == "PENDIENTE_APROBACION")
        #expect(try h.motivos(id) == ["Solicitud creada"])
        // FechaHoraCreacion never moves.
        #expect(ignorados.data?["FechaHoraCreacion"] == creada.data?["FechaHoraCreacion"])
    }

    @Test("lugares, when sent, replace every stop (old ones soft-deleted) under the same rules")
    func lugares() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let id = try h.crearId()
        let nuevos = """
            {"lugares": [{"idLugar": 2, "esOrigen": true, "orden": 0},
                         {"idLugar": 3, "orden": 1, "horaEstimadaLlegada": "09:00"},
                         {"idLugar": 1, "orden": 2, "requiereRetorno": true, "horaEstimadaRetorno": "17:30"}]}
            """
        let response = try put(h, id, nuevos)
        #expect(response.status == 200, "\(response.text)")
        let lugares = try #require(response.data?["lugares"]?.arrayValue)
        #expect(lugares.compactMap { $0["IdLugar"]?.intValue } == [2, 3, 1])
        #expect(lugares.compactMap { $0["Orden"]?.intValue } == [0, 1, 2])
        #expect(lugares.compactMap { $0["Id"]?.intValue } == [3, 4, 5])
        #expect(lugares[2]["HoraEstimadaRetorno"]?.stringValue == "17:30:00")
        #expect(try h.count("SELECT COUNT(*) FROM DetalleLugarSolicitud WHERE IdSolicitud = \(id) AND Eliminado = 1") == 2)
        #expect(try h.count("SELECT COUNT(*) FROM DetalleLugarSolicitud WHERE IdSolicitud = \(id) AND Eliminado = 0") == 3)
        // The same again (same Orden values, same origin) works: the unique keys hold among active stops only.
        #expect(try put(h, id, nuevos).status == 200)
        let antes = try h.huella()
        let reglas = try put(h, id, #"{"lugares": [{"idLugar": 2, "orden": 0}]}"#)
        #expect(reglas.status == 422 && reglas.message == "Debe existir un lugar de origen")
        #expect(try put(h, id, #"{"lugares": []}"#).status == 400)
        #expect(try put(h, id, #"{"lugares": null}"#).status == 400)
        let desconocido = try put(h, id, #"{"lugares": [{"idLugar": 42, "esOrigen": true, "orden": 0}]}"#)
        #expect(desconocido.status == 400 && desconocido.errorFields == ["lugares[0].idLugar"])
        #expect(try h.huella() == antes)
    }

    @Test("refusals: empty body, null on a required field, past date if sent, merged requester = approver, unknown ids")
    func rechazos() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let id = try h.crearId()
        let antes = try h.huella()
        for body in ["{}", "", #"{"noExiste": 1}"#] {
            let vacio = try put(h, id, body)
            #expect(vacio.status == 400 && vacio.message == "No se proporcionaron campos para actualizar", "\(body)")
        }
        let nulo = try put(h, id, #"{"asunto": null, "idUsuarioAprobador": null, "fechaServicioRequerido": null}"#)
        #expect(nulo.status == 400 && nulo.errorFields == ["idUsuarioAprobador", "asunto", "fechaServicioRequerido"])
        #expect(nulo.errorMessages.first == "El campo 'idUsuarioAprobador' no puede ser nulo")
        #expect(try put(h, id, #"{"cantidadPasajeros": "dos"}"#).errorFields == ["cantidadPasajeros"])
        let pasada = try put(h, id, #"{"fechaServicioRequerido": "2026-02-01"}"#)
        #expect(pasada.status == 422 && pasada.errorFields == ["fechaServicioRequerido"])
        let misma = try put(h, id, #"{"idUsuarioAprobador": 1}"#)
        #expect(misma.status == 400 && misma.message == "El solicitante y el aprobador no pueden ser la misma persona")
        let ids = try put(h, id, #"{"idDepartamentoSolicitante": 99, "idUsuarioAprobador": 2}"#)
        #expect(ids.status == 400 && ids.errorFields == ["idDepartamentoSolicitante", "idUsuarioAprobador"])
        #expect(try put(h, 999_999, #"{"asunto": "No existe la solicitud"}"#).status == 404)
        let texto = try put(h, 0, #"{"asunto": "No existe la solicitud"}"#)
        #expect(texto.status == 404 && texto.message == "Solicitud con Id 0 no encontrada")
        // A requester may not hand the solicitud to someone else; an ADMIN may.
        let ajena = try put(h, id, #"{"idUsuarioSolicitante": 2}"#)
        #expect(ajena.status == 403 && ajena.errorFields == ["idUsuarioSolicitante"])
        #expect(try h.huella() == antes)
        let traspaso = try put(h, id, #"{"idUsuarioSolicitante": 2, "idDepartamentoSolicitante": 1}"#, como: "admin")
        #expect(traspaso.status == 200 && traspaso.data?["NombreSolicitante"]?.stringValue == "Ana Martínez")
        // Handed over, it is outside the old requester's scope: as if it did not exist (T13).
        #expect(try put(h, id, #"{"asunto": "Ya no es mía"}"#).status == 404)
        #expect(try put(h, id, #"{"asunto": "Ahora es mía"}"#, como: "solicitante2").status == 200)
    }

    @Test("the date rule applies only when the date is sent")
    func fechaNoEnviada() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let id = try h.crearId()
        _ = try h.connection.execute("UPDATE Solicitud SET FechaServicioRequerido = '2026-01-10' WHERE Id = \(id)")
        let response = try put(h, id, #"{"observaciones": "Sin cambio de fecha"}"#)
        #expect(response.status == 200 && response.data?["FechaServicioRequerido"]?.stringValue == "2026-01-10")
    }

    @Test("DELETE soft-deletes the solicitud, its history and its stops; afterwards everything is 404")
    func eliminar() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let id = try h.crearId()
        let otra = try h.crearId()
        let response = h.call(.delete, "/solicitud/\(id)", token: try h.token("solicitante1"))
        #expect(response.status == 200 && response.message == "Solicitud eliminada exitosamente")
        #expect(response.data?.objectValue?.keys == ["mensaje"])
        #expect(response.data?["mensaje"]?.stringValue == "Solicitud 'SOL-2026-02-00000001' eliminada exitosamente")
        for table in ["Solicitud WHERE Id", "HistoricoEstadoSolicitud WHERE IdSolicitud", "DetalleLugarSolicitud WHERE IdSolicitud"] {
            #expect(try h.count(SQLQuery(unsafeSQL: "SELECT COUNT(*) FROM \(table) = \(id) AND Eliminado = 0")) == 0, "\(table)")
            #expect(try h.count(SQLQuery(unsafeSQL: "SELECT COUNT(*) FROM \(table) = \(id) AND FechaHoraEliminacion IS NULL")) == 0)
        }
        let token = try h.token("admin")
        for (method, path) in [(HTTPMethod.get, ""), (.get, "/historico"), (.delete, ""), (.put, ""), (.post, "/aprobar")] {
            let again = h.call(method, "/solicitud/\(id)\(path)", json: method == .get || method == .delete ? nil : #"{"asunto": "Asunto nuevo"}"#,
                               token: token)
            #expect(again.status == 404 && again.message == "Solicitud con Id \(id) no encontrada", "\(method) \(path)")
        }
        let lista = h.call(.get, "/solicitud", token: token)
        #expect(lista.data?["total"]?.intValue == 1)
        #expect(lista.data?["registros"]?.arrayValue?.first?["Id"]?.intValue == otra)
        // The code is never reused.
        #expect(try h.crear().data?["CodigoSolicitud"]?.stringValue == "SOL-2026-02-00000003")
    }
}
