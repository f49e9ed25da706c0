import AppCore
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

@Suite("POST /solicitud (seed 002)", .serialized)
struct SolicitudCreateTests {
    static let seedKeys = [
        "Id", "CodigoSolicitud", "IdUsuarioSolicitante", "NombreSolicitante", "EmailSolicitante",
        "IdDepartamentoSolicitante", "NombreDepartamento", "IdUsuarioAprobador", "NombreAprobador", "EmailAprobador",
        "IdTipoPrioridadSolicitud", "NombrePrioridad", "IdTipoServicioSolicitud", "NombreTipoServicio", "Asunto",
        "Descripcion", "Justificacion", "CantidadPasajeros", "NombresPasajeros", "FechaServicioRequerido",
        "HoraServicioRequerido", "Observaciones", "IdEstadoActual", "CodigoEstadoActual", "NombreEstadoActual",
        "ColorEstadoActual", "EsEstadoFinal", "FechaHoraCreacion", "FechaHoraActualizacion", "lugares", "misiones",
    ]
    static let lugarKeys = ["Id", "IdLugar", "NombreLugar", "DireccionLugar", "EsOrigen", "Orden", "Descripcion",
                            "HoraEstimadaLlegada", "RequiereRetorno", "HoraEstimadaRetorno"]

    @Test("one clock reading: the solicitud, its stops and its history rows carry the module's instants, never the server's")
    func unInstante() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero + 123)
        let id = try h.crearId()
        let instante = "'2026-03-01 05:30:00.123'"
        #expect(try h.count("SELECT COUNT(*) FROM Solicitud WHERE Id = \(id) AND FechaHoraCreacion = \(unsafeRaw: instante) AND FechaHoraActualizacion = \(unsafeRaw: instante)") == 1)
        #expect(try h.count("SELECT COUNT(*) FROM DetalleLugarSolicitud WHERE IdSolicitud = \(id) AND FechaHoraCreacion = \(unsafeRaw: instante)") == 2)
        #expect(try h.count("SELECT COUNT(*) FROM HistoricoEstadoSolicitud WHERE IdSolicitud = \(id) AND FechaHoraCreacion = \(unsafeRaw: instante)") == 1)
        let historico = h.call(.get, "/solicitud/\(id)/historico", token: try h.token("admin"))
        #expect(historico.data?["historico"]?.arrayValue?.first?["FechaHoraCreacion"]?.stringValue == "2026-02-28T23:30:00")
        // Afterwards the connection reads the server's clock again (a worker serves the next request with it).
        #expect(try h.count("SELECT UTC_TIMESTAMP(3) <> \(unsafeRaw: instante)") == 1)
        // A later state change is stamped with the module's clock too, so the history stays in its time order.
        h.clock.advance(seconds: 60)
        #expect(h.call(.post, "/solicitud/\(id)/aprobar", json: "{}", token: try h.token("aprobador1")).status == 200)
        let aprobada = "'2026-03-01 05:31:00.123'"
        #expect(try h.count("SELECT COUNT(*) FROM HistoricoEstadoSolicitud WHERE IdSolicitud = \(id) AND FechaHoraCreacion = \(unsafeRaw: aprobada)") == 1)
        #expect(try h.count("SELECT COUNT(*) FROM Solicitud WHERE Id = \(id) AND FechaHoraActualizacion = \(unsafeRaw: aprobada)") == 1)
    }

    @Test("seed 002: 201, the record in the seed's key order, code of the El Salvador month, history, two mails")
    func seed() throws {
        let h = try TransporteHarness(now: TransporteHarness.finDeFebrero)
        let response = try h.crear()
        #expect(response.status == 201, "\(response.text)")
        #expect(response.success == true && response.message == "Solicitud creada exitosamente")
        let data = try #require(response.data?.objectValue)
        #expect(data.keys == Self.seedKeys)
        let d = try #require(response.data)
        #expect(d["CodigoSolicitud"]?.stringValue == "SOL-2026-02-00000001")
        #expect(d["IdUsuarioSolicitante"]?.intValue == 1)
        #expect(d["NombreSolicitante"]?.stringValue == "Juan Pérez")
        #expect(d["EmailSolicitante"]?.stringValue == "solicitante1@transporte.local")
        #expect(d["IdDepartamentoSolicitante"]?.intValue == 2 && d["NombreDepartamento"]?.stringValue == "Logística")
        #expect(d["IdUsuarioAprobador"]?.intValue == 3 && d["NombreAprobador"]?.stringValue == "María González")
        #expect(d["EmailAprobador"]?.stringValue == "aprobador1@transporte.local")
        #expect(d["NombrePrioridad"]?.stringValue == "Normal")
        #expect(d["NombreTipoServicio"]?.stringValue == "Transporte de personal")
        #expect(d["Asunto"]?.stringValue == "Transporte de personal a sede central")
        #expect(d["Justificacion"]?.stringValue == "Reunión de coordinación institucional")
        #expect(d["CantidadPasajeros"]?.intValue == 5)
        #expect(d["NombresPasajeros"]?.stringValue == "Juan Pérez, María López, Carlos Rivas")
        #expect(d["FechaServicioRequerido"]?.stringValue == "2026-04-15")
        #expect(d["HoraServicioRequerido"]?.stringValue == "08:00:00")
        #expect(d["Observaciones"]?.stringValue == "Llevar a las 8am y regresar a las 5pm")
        #expect(d["IdEstadoActual"]?.intValue == 1)
        #expect(d["CodigoEstadoActual"]?.stringValue == "PENDIENTE_APROBACION")
        #expect(d["NombreEstadoActual"]?.stringValue == "Pendiente de Aprobación")
        #expect(d["ColorEstadoActual"]?.stringValue == "#FFA500")
        #expect(d["EsEstadoFinal"]?.boolValue == false)
        #expect(d["FechaHoraCreacion"]?.stringValue == "2026-02-28T23:30:00")
        #expect(d["FechaHoraActualizacion"]?.stringValue == "2026-02-28T23:30:00")
        #expect(d["misiones"]?.arrayValue?.isEmpty == true)
        let lugares = try #require(d["lugares"]?.arrayValue)
        #expect(lugares.count == 2)
        #expect(lugares.allSatisfy { $0.objectValue?.keys == Self.lugarKeys })
        #expect(lugares[0]["IdLugar"]?.intValue == 1 && lugares[0]["NombreLugar"]?.stringValue == "Sede Central")
        #expect(lugares[0]["EsOrigen"]?.boolValue == true && lugares[0]["Orden"]?.intValue == 0)
        #expect(lugares[0]["HoraEstimadaLlegada"] == .null && lugares[0]["RequiereRetorno"]?.boolValue == false)
        #expect(lugares[0]["HoraEstimadaRetorno"] == .null)
        #expect(lugares[1]["NombreLugar"]?.stringValue == "Oficina Regional Norte")
        #expect(lugares[1]["DireccionLugar"]?.stringValue == "Barrio El Centro, Chalatenango")
        #expect(lugares[1]["HoraEstimadaLlegada"]?.stringValue == "10:30:00")
        #expect(lugares[1]["RequiereRetorno"]?.boolValue == true)
        #expect(lugares[1]["HoraEstimadaRetorno"]?.stringValue == "12:00:00")
        let id = try #require(d["Id"]?.intValue)
        #expect(try h.motivos(id) == ["Solicitud creada"])
        let correos = try h.correos()
        #expect(correos.map(\.to) == ["solicitante1@transporte.local", "aprobador1@transporte.local"])
        #expect(correos.map(\.subject) == ["Solicitud SOL-2026-02-00000001 registrada",
                                           "Solicitud SOL-2026-02-00000001 pendiente de aprobación"])
        let cuerpo = try #require(try h.connection.queryFirst("SELECT body_text FROM mail_outbox ORDER BY id LIMIT 1")?
            .string("body_text"))
        #expect(cuerpo.contains("Código: SOL-2026-02-00000001") && cuerpo.contains("Sede Central (origen)"))
        #expect(cuerpo.contains("Fecha del servicio: 2026-04-15") && cuerpo.contains("Hora del servicio: 08:00"))
        #expect(cuerpo.contains("Oficina Regional Norte") && cuerpo.contains("Aprobador: María González"))
        // GET answers the same record.
        let detalle = h.call(.get, "/solicitud/\(id)", token: try h.token("aprobador1"))
        #expect(detalle.status == 200 && detalle.message == "Solicitud obtenida exitosamente")
        #expect(detalle.data == response.data)
    }
}
