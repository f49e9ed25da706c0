import AppCore

/// The filters of `GET /solicitud` (transporte.md §7.2); nil means "no filter".
struct SolicitudFiltro: Sendable, Equatable {
    /// Current state by code (upper-cased: the column is binary).
    var codigoEstado: String?
    /// Current state by id.
    var idEstadoSolicitud: Int?
    /// Requesting department.
    var idDepartamento: Int?
    /// Priority.
    var idTipoPrioridadSolicitud: Int?
    /// Service type.
    var idTipoServicioSolicitud: Int?
    /// Requester (Perfil id).
    var idUsuarioSolicitante: Int?
    /// Approver (Perfil id).
    var idUsuarioAprobador: Int?
    /// Service date on or after.
    var fechaDesde: CivilDate?
    /// Service date on or before.
    var fechaHasta: CivilDate?
    /// Partial match on the code, the subject, the description or the requester's name.
    var busqueda: String?
}
