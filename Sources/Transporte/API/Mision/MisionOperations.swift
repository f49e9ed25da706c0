import HTTPCore

/// The twelve mission operations as documented (OpenAPI, `/docs`), from the field declarations the routes use.
extension MisionRoutes {
    /// The columns of a mission record (`VistaMision`, 0013).
    static let columnas = [
        "Id", "IdSolicitud", "CodigoSolicitud", "IdEstadoMision", "CodigoEstado", "NombreEstado", "IdLugarOrigen",
        "NombreLugarOrigen", "IdLugarDestino", "NombreLugarDestino", "IdVehiculoAsignado", "PlacaVehiculo",
        "IdMotoristaAsignado", "NombreMotorista", "Descripcion", "FechaProgramada", "HoraSalidaProgramada",
        "HoraLlegadaEstimada", "Observaciones", "KilometrajeInicio", "KilometrajeFin", "KilometrajeRecorrido",
        "CombustibleInicialGalones", "CombustibleFinalGalones", "CombustibleConsumidoGalones", "Incidencias",
        "FechaHoraInicio", "FechaHoraFin", "Eliminado", "FechaHoraCreacion", "FechaHoraActualizacion",
    ]

    /// A mission in a list (and in a solicitud's `misiones`).
    static let resumen = OpenAPISchema.record(columnas)
    /// A mission with its stops.
    static let registro = OpenAPISchema.record(columnas + ["paradas"])

    static let paradas = [(key: MisionFields.paradasKey, fields: MisionFields.parada, minItems: 0)]

    private static let tag = "Misiones"
    private static let gestion = APIOperation.Access.roles([.aprobador])
    private static let conduccion = APIOperation.Access.roles([.motorista])
    private static let idParametro = [APIOperation.idParameter]

    /// `POST /mision`.
    static let crear = APIOperation(method: .post, path: "/mision", tag: tag,
                                    summary: "Crea una misión PROGRAMADA para una solicitud APROBADA o EN_PROCESO (ADMIN, o el APROBADOR que la ve); "
                                        + "numeroParada único y una sola parada final (422)",
                                    access: gestion, body: MisionFields.mision, bodyLists: paradas,
                                    success: (201, "Misión creada exitosamente"), data: registro, errors: [400, 404, 409, 422])

    /// `GET /mision`.
    static let listar = APIOperation(method: .get, path: "/mision", tag: tag,
                                     summary: "Listado paginado, por fecha programada descendente; solo las que el usuario puede ver (T13)",
                                     access: .authenticated, parameters: APIOperation.query(MisionFields.filtros),
                                     success: (200, "Listado de misiones obtenido exitosamente"), data: OpenAPISchema.page(resumen),
                                     errors: [400])

    /// `GET /mision/solicitud/{id_solicitud}`.
    static let porSolicitud = APIOperation(method: .get, path: "/mision/solicitud/{id_solicitud}", tag: tag,
                                           summary: "Las misiones activas de una solicitud; 404 si el usuario no puede verla (T13)",
                                           access: .authenticated,
                                           parameters: [APIOperation.Parameter(name: "id_solicitud", location: "path",
                                                                               kind: .integer(1...Int(Int32.max)), description: "Id de la solicitud")],
                                           success: (200, "Misiones de la solicitud obtenidas exitosamente"),
                                           data: OpenAPISchema.array(resumen), errors: [404])

    /// `GET /mision/{id}`.
    static let obtener = APIOperation(method: .get, path: "/mision/{id}", tag: tag, summary: "Detalle con paradas y kilometraje; 404 si el usuario no puede verla (T13)",
                                      access: .authenticated, parameters: idParametro, success: (200, "Misión obtenida exitosamente"), data: registro,
                                      errors: [404])

    /// `GET /mision/{id}/historico`.
    static let historico = APIOperation(method: .get, path: "/mision/{id}/historico", tag: tag,
                                        summary: "Histórico de estados de la misión, del más antiguo al más reciente", access: .authenticated,
                                        parameters: idParametro, success: (200, "Histórico de estados obtenido exitosamente"),
                                        data: OpenAPISchema.record(["idMision", "historico"]), errors: [404])

    /// `PUT /mision/{id}`.
    static let actualizar = APIOperation(method: .put, path: "/mision/{id}", tag: tag,
                                         summary: "Actualización parcial en PROGRAMADA; paradas reemplaza todas las paradas; una fecha nueva se "
                                             + "comprueba contra las otras misiones del vehículo y del motorista (T14)",
                                         access: gestion, parameters: idParametro, body: MisionFields.actualizacion, bodyLists: paradas, partial: true,
                                         success: (200, "Misión actualizada exitosamente"), data: registro, errors: [400, 404, 409, 422])

    /// `DELETE /mision/{id}`.
    static let eliminar = APIOperation(method: .delete, path: "/mision/{id}", tag: tag,
                                       summary: "Eliminación lógica en PROGRAMADA, con sus paradas y su histórico", access: gestion,
                                       parameters: idParametro, success: (200, "Misión eliminada exitosamente"),
                                       data: OpenAPISchema.record(["idMision", "eliminado"]), errors: [404, 409])

    /// `POST /mision/{id}/asignar`.
    static let asignar = APIOperation(method: .post, path: "/mision/{id}/asignar", tag: tag,
                                      summary: "Asigna vehículo y motorista a una misión PROGRAMADA; 409 si alguno ya tiene otra misión activa "
                                          + "ese día (T14) o el estado del vehículo no permite asignarlo",
                                      access: gestion, parameters: idParametro, body: MisionFields.asignacion,
                                      success: (200, "Vehículo y motorista asignados exitosamente"), data: registro, errors: [400, 404, 409])

    /// `POST /mision/{id}/cancelar`.
    static let cancelar = APIOperation(method: .post, path: "/mision/{id}/cancelar", tag: tag,
                                       summary: "Estado no final → CANCELADA; motivo obligatorio", access: gestion, parameters: idParametro,
                                       body: MisionFields.cancelacion, success: (200, "Misión cancelada exitosamente"), data: registro,
                                       errors: [400, 404, 409])

    /// `POST /mision/{id}/iniciar`.
    static let iniciar = APIOperation(method: .post, path: "/mision/{id}/iniciar", tag: tag,
                                      summary: "PROGRAMADA → EN_EJECUCION (su motorista o un ADMIN); kilometrajeInicio no menor que el del "
                                          + "vehículo (422); la solicitud APROBADA pasa a EN_PROCESO",
                                      access: conduccion, parameters: idParametro, body: MisionFields.inicio,
                                      success: (200, "Misión iniciada exitosamente"), data: registro, errors: [400, 404, 409, 422])

    /// `PATCH /mision/{id}/estado`.
    static let cambiarEstado = APIOperation(method: .patch, path: "/mision/{id}/estado", tag: tag,
                                            summary: "Entre EN_EJECUCION y los estados intermedios EN_RUTA_RECOGIDA, EN_ESPERA, EN_RUTA_REGRESO "
                                                + "(su motorista o un ADMIN); observaciones queda en el histórico",
                                            access: conduccion, parameters: idParametro, body: MisionFields.estado,
                                            success: (200, "Estado de la misión actualizado exitosamente"), data: registro, errors: [400, 404, 409])

    /// `POST /mision/{id}/finalizar`.
    static let finalizar = APIOperation(method: .post, path: "/mision/{id}/finalizar", tag: tag,
                                        summary: "Misión en curso → COMPLETADA (su motorista o un ADMIN); kilometrajeFin ≥ kilometrajeInicio y "
                                            + "combustible final ≤ inicial (422); actualiza el kilometraje del vehículo; la solicitud pasa a "
                                            + "COMPLETADA cuando ninguna misión queda activa",
                                        access: conduccion, parameters: idParametro, body: MisionFields.fin,
                                        success: (200, "Misión finalizada exitosamente"), data: registro, errors: [400, 404, 409, 422])
}
