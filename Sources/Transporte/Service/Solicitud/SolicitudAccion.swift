/// The three state changes a client asks for (transporte.md §7.6-§7.8, T5), as data: the target state, whether
/// a `motivo` is required, who may act, the answer's message and who is told by mail.
enum SolicitudAccion: String, Sendable, CaseIterable {
    /// `POST /solicitud/:id/aprobar`.
    case aprobar
    /// `POST /solicitud/:id/rechazar`.
    case rechazar
    /// `POST /solicitud/:id/cancelar`.
    case cancelar

    /// The state the procedure is asked for.
    var estado: EstadoSolicitudCodigo {
        switch self {
        case .aprobar: .aprobada
        case .rechazar: .rechazada
        case .cancelar: .cancelada
        }
    }

    /// Whether a blank or missing `motivo` is a 400 (reject and cancel).
    var motivoObligatorio: Bool { self != .aprobar }

    /// The success message.
    var mensaje: String {
        switch self {
        case .aprobar: "Solicitud aprobada exitosamente"
        case .rechazar: "Solicitud rechazada exitosamente"
        case .cancelar: "Solicitud cancelada exitosamente"
        }
    }

    /// T5: the approver (or an ADMIN) approves or rejects; the requester (or an ADMIN) cancels.
    func permite(_ caller: TransporteIdentity, sobre solicitud: SolicitudActual) -> Bool {
        if caller.isAdmin { return true }
        switch self {
        case .aprobar, .rechazar: return caller.perfilID == solicitud.idAprobador
        case .cancelar: return caller.perfilID == solicitud.idSolicitante
        }
    }

    /// The mail this change sends (T6): approval and rejection to the requester; cancellation to both.
    var correos: [SolicitudMail.Aviso] {
        switch self {
        case .aprobar: [.aprobada]
        case .rechazar: [.rechazada]
        case .cancelar: [.canceladaSolicitante, .canceladaAprobador]
        }
    }
}
