/// A state change refused by `cambiar_estado_solicitud` (sql/transporte/0006): SQLSTATE 45000, whose
/// MESSAGE_TEXT is the API's message. Nothing was written.
enum EstadoSolicitudRechazo: Error, Equatable, Sendable {
    /// `'El campo ''motivo'' es obligatorio'` (400 on the field `motivo`).
    case motivoObligatorio(String)
    /// `'Solicitud con Id {id} no encontrada'` (404).
    case noEncontrada(String)
    /// `'Solo se …'` / `'No se puede …'`: not allowed in the current state (409).
    case noPermitido(String)

    /// The classification of a SIGNAL's message, as 0006's header documents it; nil for any other message.
    init?(message: String) {
        if message.hasPrefix("El campo ") {
            self = .motivoObligatorio(message)
        } else if message.hasSuffix("no encontrada") {
            self = .noEncontrada(message)
        } else if message.hasPrefix("Solo se ") || message.hasPrefix("No se puede ") {
            self = .noPermitido(message)
        } else {
            return nil
        }
    }

    /// The client answer (T1, T2).
    var error: TransporteError {
        switch self {
        case .motivoObligatorio(let message): .field("motivo", message)
        case .noEncontrada(let message): TransporteError(status: 404, message)
        case .noPermitido(let message): TransporteError(status: 409, message)
        }
    }
}
