/// What the rules need of a stored solicitud before changing it, read under its row lock: who may act on it
/// and the state it is in.
struct SolicitudActual: Sendable, Equatable {
    /// `Solicitud.Id`.
    let id: Int
    /// `SOL-YYYY-MM-NNNNNNNN`.
    let codigo: String
    /// Perfil id of the requester.
    let idSolicitante: Int
    /// Perfil id of the approver.
    let idAprobador: Int
    /// Code of the current state (nil only inside a creating transaction).
    let codigoEstado: String?

    /// Whether it is in `estado`.
    func esta(en estado: EstadoSolicitudCodigo) -> Bool { codigoEstado == estado.rawValue }

    /// The current state's code for messages ("Estado actual: X").
    var estadoTexto: String { codigoEstado ?? "SIN_ESTADO" }
}
