import HTTPCore

/// What an estado change came to (§4.5). Unexpected database failures are thrown instead (500, M4).
enum ExpedienteEstadoChange: Sendable {
    /// Changed and committed, with its historial row: the updated expediente row.
    case changed(JSONValue)
    /// Refused by a rule of §4.5 (nothing written).
    case rejected(EstadoRejection)
    /// The caller's user no longer exists (deleted after its token was issued).
    case unknownUser
}
