import HTTPCore

/// What a create or update of an expediente came to, as far as the client is concerned. Unexpected database
/// failures are thrown instead.
enum ExpedienteWrite: Sendable {
    /// Written and committed: the expediente row (scalars, as seeds 000/001 show it).
    case row(JSONValue)
    /// No expediente with that `no_siniestro` (update).
    case notFound
    /// The `no_siniestro` is taken (create).
    case duplicate
    /// `id_aseguradora` names no aseguradora.
    case unknownAseguradora
    /// The caller's user no longer exists (deleted after its token was issued).
    case unknownUser
}
