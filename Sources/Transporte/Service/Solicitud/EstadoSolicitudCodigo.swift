/// The state codes of the solicitud workflow (transporte.md §4.1), as `EstadoSolicitud.Codigo` stores them.
/// States are always named by code, never by Id.
enum EstadoSolicitudCodigo: String, Sendable, CaseIterable {
    /// Initial state, written by the creation.
    case pendienteAprobacion = "PENDIENTE_APROBACION"
    /// Approved by its approver (or an ADMIN).
    case aprobada = "APROBADA"
    /// Rejected (final).
    case rechazada = "RECHAZADA"
    /// Cancelled (final).
    case cancelada = "CANCELADA"
    /// A mission started (set by the mission module).
    case enProceso = "EN_PROCESO"
    /// All missions done (final, set by the mission module).
    case completada = "COMPLETADA"
}
