/// The roles of T5, as `Rol.Codigo` stores them.
public enum TransporteRol: String, Sendable, CaseIterable {
    /// Everything, on every solicitud.
    case admin = "ADMIN"
    /// Creates solicitudes and acts on their own.
    case solicitante = "SOLICITANTE"
    /// Approves or rejects the solicitudes addressed to them.
    case aprobador = "APROBADOR"
    /// Drives missions (a later issue).
    case motorista = "MOTORISTA"
}
