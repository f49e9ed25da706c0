import HTTPCore

/// The nine solicitud operations as documented (OpenAPI, `/docs`), from the same field declarations the
/// routes validate with.
extension SolicitudRoutes {
    /// The record of seed 002 (`data` of create, get, update and the state changes).
    static let registro = OpenAPISchema.record([
        "Id", "CodigoSolicitud", "IdUsuarioSolicitante", "NombreSolicitante", "EmailSolicitante",
        "IdDepartamentoSolicitante", "NombreDepartamento", "IdUsuarioAprobador", "NombreAprobador", "EmailAprobador",
        "IdTipoPrioridadSolicitud", "NombrePrioridad", "IdTipoServicioSolicitud", "NombreTipoServicio", "Asunto",
        "Descripcion", "Justificacion", "CantidadPasajeros", "NombresPasajeros", "FechaServicioRequerido",
        "HoraServicioRequerido", "Observaciones", "IdEstadoActual", "CodigoEstadoActual", "NombreEstadoActual",
        "ColorEstadoActual", "EsEstadoFinal", "FechaHoraCreacion", "FechaHoraActualizacion", "lugares", "misiones",
    ])

    static let lugares = [(key: SolicitudFields.lugaresKey, fields: SolicitudFields.lugar, minItems: 1)]

    /// `POST /solicitud`.
    static let crear = APIOperation(method: .post, path: "/solicitud", tag: "Solicitudes",
                                    summary: "Crea una solicitud en PENDIENTE_APROBACION con su código SOL-YYYY-MM-NNNNNNNN; avisa por correo al solicitante y al aprobador. Quien no es ADMIN solo crea a su propio nombre.",
                                    access: .authenticated, body: SolicitudFields.solicitud, bodyLists: lugares,
                                    success: (201, "Solicitud creada exitosamente"), data: registro, errors: [400, 403, 409, 422])

    /// `GET /solicitud`.
    static let listar = APIOperation(method: .get, path: "/solicitud", tag: "Solicitudes",
                                     summary: "Listado paginado, más recientes primero, con filtros; solo las que el usuario puede ver (T13: ADMIN todas, APROBADOR las que aprueba o solicitó, SOLICITANTE las suyas)",
                                     access: .authenticated, parameters: APIOperation.query(SolicitudFields.filtros),
                                     success: (200, "Listado de solicitudes obtenido exitosamente"), data: OpenAPISchema.page(registro),
                                     errors: [400])

    /// `GET /solicitud/{id}`.
    static let obtener = APIOperation(method: .get, path: "/solicitud/{id}", tag: "Solicitudes", summary: "Detalle con lugares y misiones; 404 si el usuario no puede verla (T13)",
                                      access: .authenticated, parameters: [APIOperation.idParameter],
                                      success: (200, "Solicitud obtenida exitosamente"), data: registro, errors: [404])

    /// `PUT /solicitud/{id}`.
    static let actualizar = APIOperation(method: .put, path: "/solicitud/{id}", tag: "Solicitudes",
                                         summary: "Actualización parcial en PENDIENTE_APROBACION (solo su solicitante o un ADMIN); null borra los textos opcionales; lugares reemplaza todas las paradas",
                                         access: .authenticated, parameters: [APIOperation.idParameter], body: SolicitudFields.solicitud,
                                         bodyLists: lugares, partial: true, success: (200, "Solicitud actualizada exitosamente"), data: registro,
                                         errors: [400, 403, 404, 409, 422])

    /// `DELETE /solicitud/{id}`.
    static let eliminar = APIOperation(method: .delete, path: "/solicitud/{id}", tag: "Solicitudes",
                                       summary: "Eliminación lógica en PENDIENTE_APROBACION (solo su solicitante o un ADMIN)",
                                       access: .authenticated, parameters: [APIOperation.idParameter],
                                       success: (200, "Solicitud eliminada exitosamente"), data: OpenAPISchema.record(["mensaje"]),
                                       errors: [403, 404, 409])

    /// `POST /solicitud/{id}/<accion>`: aprobar, rechazar o cancelar.
    static func cambio(_ accion: SolicitudAccion) -> APIOperation {
        APIOperation(method: .post, path: "/solicitud/{id}/\(accion.rawValue)", tag: "Solicitudes",
                     summary: accion.resumen, access: .authenticated, parameters: [APIOperation.idParameter],
                     body: accion.motivoObligatorio ? [Field("motivo", .text(minLength: 1, maxLength: 2_000), required: true)]
                                                    : SolicitudFields.motivo,
                     success: (200, accion.mensaje), data: registro, errors: [400, 403, 404, 409])
    }

    /// `GET /solicitud/{id}/historico`.
    static let historico = APIOperation(method: .get, path: "/solicitud/{id}/historico", tag: "Solicitudes",
                                        summary: "Histórico de estados, del más antiguo al más reciente; 404 si el usuario no puede ver la solicitud (T13)",
                                        access: .authenticated, parameters: [APIOperation.idParameter],
                                        success: (200, "Histórico de estados obtenido exitosamente"),
                                        data: OpenAPISchema.record(["idSolicitud", "codigoSolicitud", "historico"]), errors: [404])
}

extension SolicitudAccion {
    /// What the operation does, for the reference.
    var resumen: String {
        switch self {
        case .aprobar: "PENDIENTE_APROBACION → APROBADA (su aprobador o un ADMIN); motivo opcional; avisa al solicitante"
        case .rechazar: "PENDIENTE_APROBACION → RECHAZADA (su aprobador o un ADMIN); motivo obligatorio; avisa al solicitante"
        case .cancelar: "Estado no final → CANCELADA (su solicitante o un ADMIN); motivo obligatorio; avisa a ambos"
        }
    }
}
