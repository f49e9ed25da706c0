import AppCore

/// The filters of `GET /mision` (exact ids and state code, a range of `FechaProgramada`).
struct MisionFiltro: Sendable, Equatable {
    var idSolicitud: Int?
    var codigoEstado: String?
    var idEstadoMision: Int?
    var idVehiculoAsignado: Int?
    var idMotoristaAsignado: Int?
    var fechaDesde: CivilDate?
    var fechaHasta: CivilDate?
}
