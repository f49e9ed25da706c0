/// Which expedientes a list endpoint returns (monitor.md §4.4).
enum ExpedienteListado: Sendable, CaseIterable {
    /// `GET /api/expedientes`: all of them.
    case todos
    /// `GET /api/expedientes/pendientes`: closed (`Salida`) and not yet backed up (`Local`).
    case pendientes
    /// `GET /api/expedientes/nube`: backed up (`Nube`), any estado.
    case nube
}
