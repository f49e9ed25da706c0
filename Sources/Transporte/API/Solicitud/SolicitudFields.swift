import AppCore

/// The request fields of the solicitud endpoints as data (seed 002, transporte.md §7): one `FieldDecoder`
/// checks them and answers every problem at once (400, T2).
enum SolicitudFields {
    /// Ids are INT columns: anything outside 1...2³¹-1 names no row and is refused as a field error.
    static let id = FieldKind.integer(1...2_147_483_647)
    /// Free text stored in TEXT columns (65,535 bytes; the decoder also caps the bytes).
    static let textoLibre = FieldKind.text(minLength: 0, maxLength: 65_535)

    /// The solicitud's own fields, in seed 002's order; all required ones are non-nullable (`null` is a 400,
    /// also on update), the free texts accept `null` (clears them on update, ruling 5).
    static let solicitud: [Field] = [
        Field("idUsuarioSolicitante", id, required: true),
        Field("idDepartamentoSolicitante", id, required: true),
        Field("idUsuarioAprobador", id, required: true),
        Field("idTipoPrioridadSolicitud", id, required: true),
        Field("idTipoServicioSolicitud", id, required: true),
        Field("asunto", .text(minLength: 5, maxLength: 250), required: true),
        Field("descripcion", textoLibre),
        Field("justificacion", textoLibre),
        Field("cantidadPasajeros", .integer(0...2_147_483_647), required: true),
        Field("nombresPasajeros", textoLibre),
        Field("fechaServicioRequerido", .date, required: true),
        Field("horaServicioRequerido", .time, required: true),
        Field("observaciones", textoLibre),
    ]

    /// The key of the stops.
    static let lugaresKey = "lugares"

    /// One stop (`lugares[i]`): `esOrigen` and `requiereRetorno` default to false.
    static let lugar: [Field] = [
        Field("idLugar", id, required: true),
        Field("esOrigen", .boolean, nullable: false),
        Field("orden", .integer(0...2_147_483_647), required: true),
        Field("descripcion", .text(minLength: 0, maxLength: 500)),
        Field("horaEstimadaLlegada", .time),
        Field("requiereRetorno", .boolean, nullable: false),
        Field("horaEstimadaRetorno", .time),
    ]

    /// The body of the state changes. A blank `motivo` counts as not sent.
    static let motivo = [Field("motivo", .text(minLength: 0, maxLength: 2_000))]

    /// The query of `GET /solicitud` (§1.4, §7.2).
    static let filtros: [Field] = Pagination.fields + [
        Field("codigoEstado", .code(maxLength: 50)),
        Field("idEstadoSolicitud", id),
        Field("idDepartamento", id),
        Field("idTipoPrioridadSolicitud", id),
        Field("idTipoServicioSolicitud", id),
        Field("idUsuarioSolicitante", id),
        Field("idUsuarioAprobador", id),
        Field("fechaDesde", .date),
        Field("fechaHasta", .date),
        Field("busqueda", .text(minLength: 0, maxLength: 250)),
    ]
}

extension LugarSolicitud {
    /// A stop from its validated fields (every required one is present once validation passed).
    init(_ item: Validated) {
        self.init(idLugar: item["idLugar"]?.integer ?? 0,
                  esOrigen: item["esOrigen"]?.boolean ?? false,
                  orden: item["orden"]?.integer ?? 0,
                  descripcion: item["descripcion"]?.text,
                  horaEstimadaLlegada: item["horaEstimadaLlegada"]?.time,
                  requiereRetorno: item["requiereRetorno"]?.boolean ?? false,
                  horaEstimadaRetorno: item["horaEstimadaRetorno"]?.time)
    }
}

extension SolicitudFiltro {
    /// The filters of a validated query.
    init(_ query: Validated) {
        self.init(codigoEstado: query["codigoEstado"]?.text,
                  idEstadoSolicitud: query["idEstadoSolicitud"]?.integer,
                  idDepartamento: query["idDepartamento"]?.integer,
                  idTipoPrioridadSolicitud: query["idTipoPrioridadSolicitud"]?.integer,
                  idTipoServicioSolicitud: query["idTipoServicioSolicitud"]?.integer,
                  idUsuarioSolicitante: query["idUsuarioSolicitante"]?.integer,
                  idUsuarioAprobador: query["idUsuarioAprobador"]?.integer,
                  fechaDesde: query["fechaDesde"]?.date,
                  fechaHasta: query["fechaHasta"]?.date,
                  busqueda: query["busqueda"]?.text)
    }
}
