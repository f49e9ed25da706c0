import AppCore

/// The request fields of the mission endpoints as data (transporte.md §8.4, T11): one `FieldDecoder` checks
/// them and answers every problem at once (400, T2).
enum MisionFields {
    static let id = SolicitudFields.id
    /// Gallons as DECIMAL(10,2): a start needs some fuel (> 0, §8.4), a finish may read 0.
    static let galonesInicio = FieldKind.decimal(0.01...99_999_999.99)
    static let galonesFin = FieldKind.decimal(0...99_999_999.99)
    static let kilometraje = FieldKind.integer(0...2_147_483_647)

    /// `POST /mision` (§8.4); `PUT` takes the same fields but `idSolicitud`, all optional.
    static let mision: [Field] = [
        Field("idSolicitud", id, required: true),
        Field("fechaProgramada", .date, required: true),
        Field("horaSalidaProgramada", .time, required: true),
        Field("idLugarOrigen", id),
        Field("idLugarDestino", id),
        Field("descripcion", .text(minLength: 0, maxLength: 500)),
        Field("horaLlegadaEstimada", .time),
        Field("observaciones", SolicitudFields.textoLibre),
    ]

    /// The fields a `PUT` may change.
    static let actualizacion = Array(mision.dropFirst())

    /// The key of the stops.
    static let paradasKey = "paradas"

    /// One stop (`paradas[i]`).
    static let parada: [Field] = [
        Field("idLugarDestino", id, required: true),
        Field("numeroParada", .integer(1...2_147_483_647), required: true),
        Field("descripcion", .text(minLength: 0, maxLength: 500)),
        Field("esParadaFinal", .boolean, nullable: false),
        Field("fechaHoraLlegadaEstimada", .dateTime),
    ]

    /// `POST /mision/{id}/asignar`.
    static let asignacion: [Field] = [
        Field("idVehiculoAsignado", id, required: true), Field("idMotoristaAsignado", id, required: true),
    ]

    /// `POST /mision/{id}/iniciar`.
    static let inicio: [Field] = [
        Field("kilometrajeInicio", kilometraje, required: true),
        Field("combustibleInicialGalones", galonesInicio, required: true),
    ]

    /// `POST /mision/{id}/finalizar`.
    static let fin: [Field] = [
        Field("kilometrajeFin", kilometraje, required: true),
        Field("combustibleFinalGalones", galonesFin, required: true),
        Field("incidencias", SolicitudFields.textoLibre),
    ]

    /// `PATCH /mision/{id}/estado` (T11).
    static let estado: [Field] = [
        Field("codigoEstado", .code(maxLength: 50), required: true),
        Field("observaciones", .text(minLength: 0, maxLength: 2_000)),
    ]

    /// `POST /mision/{id}/cancelar`: the reason is required.
    static let cancelacion = [Field("motivo", .text(minLength: 1, maxLength: 2_000), required: true)]

    /// The query of `GET /mision`.
    static let filtros: [Field] = Pagination.fields + [
        Field("idSolicitud", id),
        Field("codigoEstado", .code(maxLength: 50)),
        Field("idEstadoMision", id),
        Field("idVehiculoAsignado", id),
        Field("idMotoristaAsignado", id),
        Field("fechaDesde", .date),
        Field("fechaHasta", .date),
    ]
}

extension ParadaMision {
    /// A stop from its validated fields.
    init(_ item: Validated) {
        self.init(idLugarDestino: item["idLugarDestino"]?.integer ?? 0, numeroParada: item["numeroParada"]?.integer ?? 0,
                  descripcion: item["descripcion"]?.text, esParadaFinal: item["esParadaFinal"]?.boolean ?? false,
                  fechaHoraLlegadaEstimada: item["fechaHoraLlegadaEstimada"]?.text.flatMap(LocalDateTime.init))
    }
}

extension MisionFiltro {
    /// The filters of a validated query.
    init(_ query: Validated) {
        self.init(idSolicitud: query["idSolicitud"]?.integer, codigoEstado: query["codigoEstado"]?.text,
                  idEstadoMision: query["idEstadoMision"]?.integer, idVehiculoAsignado: query["idVehiculoAsignado"]?.integer,
                  idMotoristaAsignado: query["idMotoristaAsignado"]?.integer, fechaDesde: query["fechaDesde"]?.date,
                  fechaHasta: query["fechaHasta"]?.date)
    }
}
