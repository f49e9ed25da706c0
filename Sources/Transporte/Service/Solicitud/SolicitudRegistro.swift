import HTTPCore

/// A solicitud as the API returns it (transporte.md §3.2, seed 002: PascalCase columns, `lugares` by Orden,
/// `misiones`) together with its typed summary.
struct SolicitudRegistro: Sendable {
    /// The record, `data` of the detail, create, update and state-change answers.
    let json: JSONValue
    /// The facts notifications use.
    let resumen: SolicitudResumen
    /// The drivers (Perfil ids) of its active missions, for the caller's scope (T13).
    var motoristas: [Int] = []
}

/// A solicitud just created, its record rendered on demand: after the COMMIT, so the correlative lock (held from
/// the code to the COMMIT) waits for nothing but the COMMIT (issue 16).
struct SolicitudCreada {
    /// Renders the record (`data` of the 201).
    let render: () -> JSONValue
    /// The record as `GET /solicitud/:id` would answer it.
    var json: JSONValue { render() }
}

/// The state history of one solicitud (transporte.md §6), oldest first.
struct HistoricoSolicitud: Sendable {
    /// `Solicitud.Id`.
    let idSolicitud: Int
    /// Its code.
    let codigoSolicitud: String
    /// Its requester and approver (Perfil ids), for the caller's scope (T13).
    let solicitante: Int, aprobador: Int
    /// The history rows as records (PascalCase, T9).
    let filas: [JSONValue]
    /// The drivers (Perfil ids) of its active missions, for the caller's scope (T13).
    var motoristas: [Int] = []
}
