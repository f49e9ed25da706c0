import AppCore
import HTTPCore
import Logging

/// The rules of the solicitud endpoints (transporte.md §7, seed 002, rulings T2-T6): the order of the checks,
/// who may act, and what each write does in its one transaction. Field validation (400) happens before, in
/// the routes; the state machine itself is the T4 procedure behind `SolicitudRepository.cambiarEstado`.
struct SolicitudService {
    /// Where solicitudes are stored.
    let repository: any SolicitudRepository
    /// Zone and clock: "today" for the date rule, the creation instant and the code month (T3).
    let environment: TransporteEnvironment
    /// For mails that could not be built (T6: never an API error).
    let logger: Logger

    /// 404 for an unknown, deleted or malformed id (transporte.md §7.3).
    static func noEncontrada(_ id: String) -> TransporteError {
        TransporteError(status: 404, "Solicitud con Id \(id) no encontrada")
    }

    /// 400 for a reject or cancel without a reason (the message of the T4 procedure, 0006).
    static let motivoObligatorio = "El campo 'motivo' es obligatorio"

    /// 403 for a caller who is not ADMIN naming someone else as the requester.
    static let soloPropias = TransporteError(
        status: 403, TransporteError.forbidden.message,
        errors: [.init(field: "idUsuarioSolicitante", message: "Solo puede registrar solicitudes a su propio nombre")])

    // MARK: Create and read

    /// `POST /solicitud`. After field validation: 422 rules, requester ≠ approver (400), referenced rows (400),
    /// permission (403); then one transaction: row, stops, mails (T6), first state (T4), code (T3, last), COMMIT.
    func crear(_ datos: Validated, lugares: [LugarSolicitud], caller: TransporteIdentity) throws -> JSONValue {
        try SolicitudRules.verificar(fechaServicio: datos["fechaServicioRequerido"]?.date, hoy: environment.today(),
                                     lugares: lugares)
        let solicitante = datos["idUsuarioSolicitante"]?.integer ?? 0
        try SolicitudRules.verificarPersonas(solicitante: solicitante, aprobador: datos["idUsuarioAprobador"]?.integer ?? 0)
        let creada = try repository.transaction {
            // Inside the transaction, with the referenced catalog rows share-locked until COMMIT: a concurrent
            // catalog DELETE either commits first (and this is a 400) or waits and then sees this solicitud (409).
            var referencias = SolicitudReferencias(datos, lugares: lugares)
            referencias.estadoInicial = true
            let encontradas = try verificarReferencias(referencias)
            try verificarTitular(solicitante, caller)
            // One clock reading: the code's month, FechaHoraCreacion and every row the creation writes (stops, the
            // first history row) carry it, never the server's clock. (The outbox below keeps the server's clock: its
            // sender compares with it.)
            let instante = environment.clock.nowMilliseconds()
            let fecha = environment.zone.civilDate(atUTCMilliseconds: instante)
            // Row, stops, the two mails (T6) under a provisional code, then first state and, last, the code, which
            // the same call writes into the row and the mails before it commits (0025): the correlative lock is held
            // only from there to the COMMIT, with no client round trip. The record comes back from those writes and
            // the names the check above read, not from a read, and is rendered after the COMMIT.
            return try repository.crear(datos.columns, lugares: lugares, nombres: encontradas.nombres,
                                        instante: instante, anio: fecha.year, mes: fecha.month) { resumen in
                mensajes([.registrada, .pendienteAprobacion], resumen, motivo: nil)
            }
        }
        return creada.json
    }

    /// `GET /solicitud/:id`: 404 outside `caller`'s scope (T13), as if it did not exist.
    func obtener(_ id: Int, caller: TransporteIdentity) throws -> JSONValue {
        guard let registro = try repository.registro(id),
              SolicitudAlcance(caller).permite(solicitante: registro.resumen.solicitante.id, aprobador: registro.resumen.aprobador.id,
                                               motoristas: registro.motoristas)
        else { throw Self.noEncontrada(String(id)) }
        return registro.json
    }

    /// `GET /solicitud`: one page of those in `caller`'s scope (T13) and their total.
    func listar(_ filtro: SolicitudFiltro, caller: TransporteIdentity, offset: Int, limite: Int) throws
        -> (total: Int, registros: [JSONValue]) {
        try repository.listado(filtro, alcance: SolicitudAlcance(caller), offset: offset, limite: limite)
    }

    /// `GET /solicitud/:id/historico` (T9: camelCase wrapper, PascalCase rows, oldest first); 404 outside `caller`'s
    /// scope (T13).
    func historico(_ id: Int, caller: TransporteIdentity) throws -> JSONValue {
        guard let historico = try repository.historico(id),
              SolicitudAlcance(caller).permite(solicitante: historico.solicitante, aprobador: historico.aprobador,
                                               motoristas: historico.motoristas)
        else { throw Self.noEncontrada(String(id)) }
        return .object([("idSolicitud", .integer(historico.idSolicitud)),
                        ("codigoSolicitud", .string(historico.codigoSolicitud)),
                        ("historico", .array(historico.filas))])
    }

    // MARK: Shared steps

    /// 400 listing every referenced row that does not exist, is deleted, or (approver) lacks the role; otherwise
    /// what was found, with the display names.
    @discardableResult
    func verificarReferencias(_ referencias: SolicitudReferencias) throws -> SolicitudReferencias.Encontradas {
        guard !referencias.isEmpty else { return SolicitudReferencias.Encontradas() }
        let encontradas = try repository.referencias(referencias)
        let problemas = referencias.problemas(encontradas)
        if let first = problemas.first {
            throw TransporteError(status: 400, first.message, errors: problemas)
        }
        return encontradas
    }

    /// 403 unless the caller is ADMIN or `solicitante` is the caller's own Perfil.
    func verificarTitular(_ solicitante: Int, _ caller: TransporteIdentity) throws {
        if !caller.isAdmin && solicitante != caller.perfilID { throw Self.soloPropias }
    }

    /// The locked solicitud `id`, or 404 when it does not exist or is outside `caller`'s scope (T13: as if it did
    /// not exist), before any permission, state or field rule is looked at.
    func bloquear(_ id: Int, caller: TransporteIdentity) throws -> SolicitudActual {
        guard let actual = try repository.bloquear(id),
              SolicitudAlcance(caller).permite(solicitante: actual.idSolicitante, aprobador: actual.idAprobador)
        else { throw Self.noEncontrada(String(id)) }
        return actual
    }

    /// The record of a solicitud this transaction has just written (it must be there).
    func leer(_ id: Int) throws -> SolicitudRegistro {
        guard let registro = try repository.registro(id) else { throw RegistroPerdido(id: id) }
        return registro
    }

    /// Queues the mails of `avisos`. A recipient without an address, or an address `MailMessage` refuses, is
    /// skipped and logged: mail never fails the request (T6).
    func avisar(_ avisos: [SolicitudMail.Aviso], _ resumen: SolicitudResumen, motivo: String?) throws {
        // One INSERT for all of them.
        try repository.encolar(mensajes(avisos, resumen, motivo: motivo))
    }

    /// The mails of `avisos` for `resumen`; a notice whose recipient has no (acceptable) address is left out and
    /// logged.
    func mensajes(_ avisos: [SolicitudMail.Aviso], _ resumen: SolicitudResumen, motivo: String?) -> [MailMessage] {
        var mensajes: [MailMessage] = []
        for aviso in avisos {
            let mensaje: MailMessage?
            do {
                mensaje = try SolicitudMail.mensaje(aviso, resumen, motivo: motivo)
            } catch {
                logger.warning("correo de solicitud omitido", metadata: [
                    "solicitud": "\(resumen.id)", "aviso": "\(aviso)", "error": "\(error)",
                ])
                continue
            }
            guard let mensaje else {
                logger.notice("correo de solicitud omitido: el destinatario no tiene e-mail", metadata: [
                    "solicitud": "\(resumen.id)", "aviso": "\(aviso)",
                    "perfil": "\(SolicitudMail.destinatario(aviso, resumen).id)",
                ])
                continue
            }
            mensajes.append(mensaje)
        }
        return mensajes
    }
}

/// A solicitud written in the running transaction could not be read back (a bug: 500).
struct RegistroPerdido: Error, CustomStringConvertible {
    /// The id written.
    let id: Int
    var description: String { "la solicitud \(id) no se pudo leer dentro de su transacción" }
}

extension SolicitudReferencias {
    /// The references among the sent `datos` and `lugares`.
    init(_ datos: Validated, lugares: [LugarSolicitud]) {
        self.init(departamento: datos["idDepartamentoSolicitante"]?.integer,
                  solicitante: datos["idUsuarioSolicitante"]?.integer,
                  aprobador: datos["idUsuarioAprobador"]?.integer,
                  prioridad: datos["idTipoPrioridadSolicitud"]?.integer,
                  servicio: datos["idTipoServicioSolicitud"]?.integer,
                  lugares: lugares.map(\.idLugar))
    }
}
