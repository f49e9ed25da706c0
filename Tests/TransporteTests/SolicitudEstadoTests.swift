import AppCore
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// The transition table of transporte.md §4.2 / sql/transporte/0006 through the API: each allowed move writes
/// exactly one history row with its reason (and its mail); each refused one is a 409 with the procedure's
/// message and writes nothing.
@Suite("Solicitud state changes (T4)", .serialized)
struct SolicitudEstadoTests {
    /// Posts `accion` on solicitud `id` as `username` with `body`.
    func post(_ h: TransporteHarness, _ id: Int, _ accion: String, _ body: String = "{}",
              como username: String = "admin") throws -> TestResponse {
        h.call(.post, "/solicitud/\(id)/\(accion)", json: body, token: try h.token(username))
    }

    @Test("approve: default reason or the motivo, the record answered, a mail to the requester")
    func aprobar() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let sinMotivo = try h.crearId()
        let response = try post(h, sinMotivo, "aprobar", como: "aprobador1")
        #expect(response.status == 200 && response.message == "Solicitud aprobada exitosamente")
        #expect(response.data?["CodigoEstadoActual"]?.stringValue == "APROBADA")
        #expect(response.data?["ColorEstadoActual"]?.stringValue == "#00FF00")
        #expect(response.data?["EsEstadoFinal"]?.boolValue == false)
        #expect(response.data?["lugares"]?.arrayValue?.count == 2 && response.data?["misiones"]?.arrayValue?.isEmpty == true)
        #expect(try h.motivos(sinMotivo) == ["Solicitud creada", "Solicitud aprobada"])
        #expect(try h.correos().last?.to == "solicitante1@transporte.local")
        #expect(try h.correos().last?.subject == "Solicitud SOL-2026-02-00000001 aprobada")

        let conMotivo = try h.crearId()
        #expect(try post(h, conMotivo, "aprobar", #"{"motivo": "  Procede según agenda  "}"#, como: "aprobador1").status == 200)
        #expect(try h.motivos(conMotivo) == ["Solicitud creada", "Procede según agenda"])
        let cuerpo = try h.connection.queryFirst("SELECT body_text FROM mail_outbox ORDER BY id DESC LIMIT 1")?.string("body_text")
        #expect(cuerpo?.contains("Motivo: Procede según agenda") == true)
        // A blank or null motivo is "none".
        let blanco = try h.crearId()
        #expect(try post(h, blanco, "aprobar", #"{"motivo": null}"#, como: "aprobador1").status == 200)
        #expect(try h.motivos(blanco).last == "Solicitud aprobada")
    }

    @Test("reject and cancel need a motivo: missing, null or blank is 400 on the field, before anything else")
    func motivoObligatorio() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let id = try h.crearId()
        for accion in ["rechazar", "cancelar"] {
            for body in ["{}", "", #"{"motivo": null}"#, #"{"motivo": "   "}"#] {
                let response = h.call(.post, "/solicitud/\(id)/\(accion)", json: body, token: try h.token("admin"))
                #expect(response.status == 400 && response.message == "El campo 'motivo' es obligatorio", "\(accion) \(body)")
                #expect(response.errorFields == ["motivo"] && response.errorMessages == ["El campo 'motivo' es obligatorio"])
            }
            let tipo = try post(h, id, accion, #"{"motivo": 5}"#)
            #expect(tipo.status == 400 && tipo.errorMessages == ["El campo 'motivo' debe ser texto"])
            let largo = try post(h, id, accion, "{\"motivo\": \"" + String(repeating: "m", count: 2_001) + "\"}")
            #expect(largo.status == 400 && largo.errorFields == ["motivo"])
            // Body validation comes before the 404.
            #expect(try post(h, 999_999, accion).status == 400)
            #expect(try post(h, 999_999, accion, #"{"motivo": "No existe"}"#).status == 404)
        }
        #expect(try h.estado(id) == "PENDIENTE_APROBACION" && h.historicos(id) == 1)
        #expect(try h.correos().count == 2)
    }

    @Test("every allowed move writes one history row with its reason and its mails")
    func permitidas() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let rechazada = try h.crearId()
        let r = try post(h, rechazada, "rechazar", #"{"motivo": "Sin presupuesto"}"#, como: "aprobador1")
        #expect(r.status == 200 && r.message == "Solicitud rechazada exitosamente")
        #expect(r.data?["CodigoEstadoActual"]?.stringValue == "RECHAZADA" && r.data?["EsEstadoFinal"]?.boolValue == true)
        #expect(try h.motivos(rechazada) == ["Solicitud creada", "Sin presupuesto"])
        #expect(try h.correos().last.map { [$0.to, $0.subject] } == ["solicitante1@transporte.local",
                                                                     "Solicitud SOL-2026-02-00000001 rechazada"])

        var correos = try h.correos().count
        let cancelada = try h.crearId()
        correos += 2
        let c = try post(h, cancelada, "cancelar", #"{"motivo": "Ya no se necesita"}"#, como: "solicitante1")
        #expect(c.status == 200 && c.message == "Solicitud cancelada exitosamente")
        #expect(c.data?["CodigoEstadoActual"]?.stringValue == "CANCELADA" && c.data?["IdEstadoActual"]?.intValue == 4)
        #expect(try h.motivos(cancelada) == ["Solicitud creada", "Ya no se necesita"])
        let avisos = try h.correos().dropFirst(correos)
        #expect(avisos.map(\.to) == ["solicitante1@transporte.local", "aprobador1@transporte.local"])
        #expect(avisos.allSatisfy { $0.subject == "Solicitud SOL-2026-02-00000002 cancelada" })

        let aprobadaCancelada = try h.crearId()
        #expect(try post(h, aprobadaCancelada, "aprobar", como: "aprobador1").status == 200)
        #expect(try post(h, aprobadaCancelada, "cancelar", #"{"motivo": "Cambio de agenda"}"#, como: "solicitante1").status == 200)
        #expect(try h.motivos(aprobadaCancelada) == ["Solicitud creada", "Solicitud aprobada", "Cambio de agenda"])

        // The mission moves (no endpoint yet) through the procedure; cancelling EN_PROCESO goes through the API.
        let enProceso = try h.crearId()
        #expect(try post(h, enProceso, "aprobar", como: "aprobador1").status == 200)
        try h.forzarEstado(enProceso, "EN_PROCESO")
        #expect(try h.estado(enProceso) == "EN_PROCESO")
        #expect(try post(h, enProceso, "cancelar", #"{"motivo": "Vehículo averiado"}"#, como: "solicitante1").status == 200)
        #expect(try h.motivos(enProceso) == ["Solicitud creada", "Solicitud aprobada", "Misión iniciada", "Vehículo averiado"])

        let completada = try h.solicitudEn("EN_PROCESO")
        try h.forzarEstado(completada, "COMPLETADA")
        #expect(try h.estado(completada) == "COMPLETADA")
        #expect(try h.motivos(completada).last == "Todas las misiones completadas")
    }

    @Test("every refused move is 409 with the procedure's message and writes nothing")
    func rechazadas() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        var casos: [(estado: String, accion: String, mensaje: String)] = []
        for estado in ["APROBADA", "RECHAZADA", "CANCELADA", "EN_PROCESO", "COMPLETADA"] {
            casos.append((estado, "aprobar",
                          "Solo se pueden aprobar solicitudes en estado PENDIENTE_APROBACION. Estado actual: \(estado)"))
            casos.append((estado, "rechazar",
                          "Solo se pueden rechazar solicitudes en estado PENDIENTE_APROBACION. Estado actual: \(estado)"))
        }
        for estado in ["RECHAZADA", "CANCELADA", "COMPLETADA"] {
            casos.append((estado, "cancelar", "No se puede cancelar una solicitud en estado final. Estado actual: \(estado)"))
        }
        var ids: [String: Int] = [:]
        for estado in Set(casos.map(\.estado)) { ids[estado] = try h.solicitudEn(estado) }
        for caso in casos {
            let id = try #require(ids[caso.estado])
            let before = try h.huella()
            // As the admin (allowed to act on any solicitud) and as the solicitud's own actor.
            let actor = caso.accion == "cancelar" ? "solicitante1" : "aprobador1"
            for username in ["admin", actor] {
                let response = try post(h, id, caso.accion, #"{"motivo": "Intento"}"#, como: username)
                #expect(response.status == 409 && response.message == caso.mensaje, "\(caso) \(response.text)")
                #expect(response.errorFields.isEmpty && response.json?["data"] == Input.null)
            }
            #expect(try h.huella() == before, "\(caso)")
            #expect(try h.estado(id) == caso.estado)
        }
        // PUT and DELETE outside PENDIENTE_APROBACION.
        for (estado, id) in ids {
            let put = h.call(.put, "/solicitud/\(id)", json: #"{"asunto": "Cambio tardío"}"#, token: try h.token("solicitante1"))
            #expect(put.status == 409 && put.message
                == "Solo se pueden actualizar solicitudes en estado PENDIENTE_APROBACION. Estado actual: \(estado)")
            let delete = h.call(.delete, "/solicitud/\(id)", token: try h.token("admin"))
            #expect(delete.status == 409 && delete.message
                == "Solo se pueden eliminar solicitudes en estado PENDIENTE_APROBACION. Estado actual: \(estado)")
            #expect(try h.estado(id) == estado)
        }
    }

    @Test("a configuration fault inside the procedure (SQLSTATE HY000) is a 500 that writes nothing")
    func internalFault() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let id = try h.crearId()
        _ = try h.connection.execute("UPDATE EstadoSolicitud SET Eliminado = 1 WHERE Codigo = 'APROBADA'")
        let before = try h.huella()
        let response = try post(h, id, "aprobar", como: "aprobador1")
        #expect(response.status == 500 && response.message == "Error interno del servidor")
        #expect(try h.huella() == before && h.estado(id) == "PENDIENTE_APROBACION")
    }

    @Test("the procedure's messages are classified as documented in 0006's header")
    func clasificacion() {
        #expect(EstadoSolicitudRechazo(message: "El campo 'motivo' es obligatorio")?.error.status == 400)
        #expect(EstadoSolicitudRechazo(message: "El campo 'motivo' es obligatorio")?.error.errors.map(\.field) == ["motivo"])
        #expect(EstadoSolicitudRechazo(message: "Solicitud con Id 7 no encontrada")?.error.status == 404)
        #expect(EstadoSolicitudRechazo(message: "Solo se pueden aprobar solicitudes en estado X")?.error.status == 409)
        #expect(EstadoSolicitudRechazo(message: "No se puede cancelar una solicitud en estado final")?.error.status == 409)
        #expect(EstadoSolicitudRechazo(message: "Código de estado de solicitud no válido: X") == nil)
    }
}
