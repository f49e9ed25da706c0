import AppCore
import TestSupport
import Testing
@testable import Transporte

/// The pure parts: the 422 rules, who may act, and the mail templates.
@Suite("Solicitud rules, permissions and mail (pure)")
struct SolicitudRulesTests {
    static let hoy = CivilDate(year: 2026, month: 2, day: 28)!

    func lugar(_ orden: Int, origen: Bool = false, retorno: Bool = false, hora: Int? = nil) -> LugarSolicitud {
        LugarSolicitud(idLugar: orden + 1, esOrigen: origen, orden: orden, descripcion: nil, horaEstimadaLlegada: nil,
                       requiereRetorno: retorno, horaEstimadaRetorno: hora)
    }

    func problemas(_ fecha: CivilDate? = nil, _ lugares: [LugarSolicitud]?) -> [String] {
        SolicitudRules.problemas(fechaServicio: fecha, hoy: Self.hoy, lugares: lugares).map { "\($0.field): \($0.message)" }
    }

    @Test("valid inputs have no problems; nothing sent checks nothing")
    func validos() {
        #expect(problemas(Self.hoy, [lugar(0, origen: true), lugar(1, retorno: true, hora: 43_200_000)]).isEmpty)
        #expect(problemas(CivilDate(year: 2030, month: 1, day: 1), [lugar(1), lugar(0, origen: true)]).isEmpty)
        #expect(problemas(nil, nil).isEmpty)
        #expect(problemas(CivilDate(year: 2026, month: 2, day: 27), nil)
            == ["fechaServicioRequerido: La fecha de servicio no puede ser anterior a la fecha actual"])
    }

    @Test("each lugares rule names its path")
    func lugares() {
        #expect(problemas(nil, [lugar(0), lugar(1)]) == ["lugares: Debe existir un lugar de origen"])
        #expect(problemas(nil, [lugar(0, origen: true), lugar(1, origen: true), lugar(2, origen: true)])
            == ["lugares[1].esOrigen: Solo puede existir un lugar de origen", "lugares[2].esOrigen: Solo puede existir un lugar de origen"])
        #expect(problemas(nil, [lugar(0, origen: true, retorno: true, hora: 1)])
            == ["lugares[0].requiereRetorno: El lugar de origen no puede requerir retorno"])
        #expect(problemas(nil, [lugar(0, origen: true), lugar(1, retorno: true)])
            == ["lugares[1].horaEstimadaRetorno: La hora estimada de retorno es obligatoria cuando el lugar requiere retorno"])
        let orden = "lugares: Los valores de 'orden' de los lugares deben ser únicos y consecutivos desde 0"
        #expect(problemas(nil, [lugar(1, origen: true)]) == [orden])
        #expect(problemas(nil, [lugar(0, origen: true), lugar(0)]) == [orden])
        #expect(problemas(nil, [lugar(0, origen: true), lugar(2)]) == [orden])
        #expect(throws: TransporteError.self) {
            try SolicitudRules.verificar(fechaServicio: nil, hoy: Self.hoy, lugares: [lugar(0)])
        }
        do {
            try SolicitudRules.verificar(fechaServicio: nil, hoy: Self.hoy, lugares: [lugar(0)])
        } catch let error as TransporteError {
            #expect(error.status == 422 && error.message == "Debe existir un lugar de origen")
        } catch {
            Issue.record(error)
        }
    }

    @Test("who may act: approver or ADMIN approve and reject; requester or ADMIN cancel")
    func permisos() {
        let solicitud = SolicitudActual(id: 1, codigo: "SOL-2026-02-00000001", idSolicitante: 1, idAprobador: 3,
                                        codigoEstado: "PENDIENTE_APROBACION")
        func caller(_ perfil: Int, _ roles: [String]) -> TransporteIdentity {
            TransporteIdentity(usuarioID: perfil, perfilID: perfil, username: "u\(perfil)", roles: roles)
        }
        let solicitante = caller(1, ["SOLICITANTE"]), aprobador = caller(3, ["APROBADOR"])
        let otroAprobador = caller(4, ["APROBADOR"]), admin = caller(5, ["ADMIN"])
        for accion in [SolicitudAccion.aprobar, .rechazar] {
            #expect(accion.permite(aprobador, sobre: solicitud) && accion.permite(admin, sobre: solicitud))
            #expect(!accion.permite(solicitante, sobre: solicitud) && !accion.permite(otroAprobador, sobre: solicitud))
        }
        #expect(SolicitudAccion.cancelar.permite(solicitante, sobre: solicitud))
        #expect(SolicitudAccion.cancelar.permite(admin, sobre: solicitud))
        #expect(!SolicitudAccion.cancelar.permite(aprobador, sobre: solicitud))
        #expect(SolicitudService.esTitular(solicitante, solicitud) && !SolicitudService.esTitular(aprobador, solicitud))
    }

    static let resumen = SolicitudResumen(
        id: 42, codigo: "SOL-2026-03-00000042", asunto: "Transporte de personal a sede central",
        fechaServicio: "2026-04-15", horaServicio: "08:00:00", nombreEstado: "Pendiente de Aprobación",
        solicitante: .init(id: 1, nombre: "Juan Pérez", email: "solicitante1@transporte.local"),
        aprobador: .init(id: 3, nombre: "María González", email: "aprobador1@transporte.local"),
        paradas: [.init(orden: 0, nombre: "Sede Central", esOrigen: true), .init(orden: 1, nombre: "Oficina Regional Norte", esOrigen: false)])

    @Test("every notice has a template with the code in its subject, to the right recipient")
    func plantillas() throws {
        let esperados: [SolicitudMail.Aviso: (String, String)] = [
            .registrada: ("solicitante1@transporte.local", "Solicitud SOL-2026-03-00000042 registrada"),
            .pendienteAprobacion: ("aprobador1@transporte.local", "Solicitud SOL-2026-03-00000042 pendiente de aprobación"),
            .aprobada: ("solicitante1@transporte.local", "Solicitud SOL-2026-03-00000042 aprobada"),
            .rechazada: ("solicitante1@transporte.local", "Solicitud SOL-2026-03-00000042 rechazada"),
            .canceladaSolicitante: ("solicitante1@transporte.local", "Solicitud SOL-2026-03-00000042 cancelada"),
            .canceladaAprobador: ("aprobador1@transporte.local", "Solicitud SOL-2026-03-00000042 cancelada"),
        ]
        for aviso in SolicitudMail.Aviso.allCases {
            let mensaje = try #require(try SolicitudMail.mensaje(aviso, Self.resumen, motivo: nil))
            #expect(mensaje.to == [try #require(esperados[aviso]).0] && mensaje.subject == esperados[aviso]?.1, "\(aviso)")
            #expect(!mensaje.text.contains("{") && !mensaje.text.contains("Motivo:"), "\(aviso)")
        }
        let pendiente = try #require(try SolicitudMail.mensaje(.pendienteAprobacion, Self.resumen, motivo: nil))
        #expect(pendiente.text.hasPrefix("Hola María González:\n\nJuan Pérez registró la solicitud de transporte SOL-2026-03-00000042"))
        for linea in ["Asunto: Transporte de personal a sede central", "Fecha del servicio: 2026-04-15",
                      "Hora del servicio: 08:00", "  0. Sede Central (origen)", "  1. Oficina Regional Norte",
                      "Solicitante: Juan Pérez", "Aprobador: María González", "Estado: Pendiente de Aprobación"] {
            #expect(pendiente.text.contains(linea + "\n"), "\(linea)")
        }
        let rechazo = try #require(try SolicitudMail.mensaje(.rechazada, Self.resumen, motivo: "Sin presupuesto"))
        #expect(rechazo.text.contains("Motivo: Sin presupuesto\n"))
    }

    @Test("no address: no mail; an unusable address throws (the service logs and skips it)")
    func direcciones() throws {
        let sinCorreo = SolicitudResumen(id: 1, codigo: "SOL-2026-03-00000001", asunto: "Asunto", fechaServicio: "2026-04-15",
                                         horaServicio: "08:00:00", nombreEstado: nil,
                                         solicitante: .init(id: 1, nombre: "Externo", email: nil),
                                         aprobador: .init(id: 3, nombre: "María", email: "no es correo"), paradas: [])
        #expect(try SolicitudMail.mensaje(.registrada, sinCorreo, motivo: nil) == nil)
        #expect(throws: MailMessageError.self) { try SolicitudMail.mensaje(.pendienteAprobacion, sinCorreo, motivo: nil) }
        #expect(SolicitudMail.rellenar("{codigo} {otro} {", ["codigo": "X"]) == "X {otro} {")
    }
}
