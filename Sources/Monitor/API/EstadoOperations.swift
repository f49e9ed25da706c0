import HTTPCore

/// The estado workflow (monitor.md §4.5, §5), registered by `EstadoRoutes`.
enum EstadoOperations {
    static let changeEstado = OperationSpec<MonitorContext>(
        method: .patch, path: "/api/expedientes/{no_siniestro}/estado", tag: "Estado", summary: "Change the estado",
        description: "monitor.md §4.5 and §5, ruling M4. Any transition between different estados is allowed; entering `Salida` requires `unidad_terminada` and a latest checklist with `fecha_entrega`. The change and its `historial_estado` row are written by one stored procedure.",
        operationID: "changeEstado", access: MonitorAccess.adminOrOperator,
        parameters: [MonitorParameter.noSiniestro],
        requestBody: ExpedienteFields.estadoBody.requestBody,
        requestExample: ["estado": "Restauracion"],
        responses: [
            (200, MonitorResponse.success("The updated expediente (scalar fields).", MonitorSchemas.ref("Expediente"), example: MonitorExamples.expediente)),
            (400, MonitorResponse.error("Invalid target or a precondition of `Salida` not met.", ["invalid": "Estado inválido. Valores permitidos: Ingreso, Restauracion, Pendiente_de_salida, Salida", "same": "El expediente ya se encuentra en ese estado", "sin_unidad_terminada": "Falta registrar la fecha de entrega del expediente", "sin_checklist": "No existe checklist de salida para este expediente", "checklist_sin_fecha": "Falta registrar la fecha de entrega en el checklist", "malformed_json": "El cuerpo de la solicitud no es JSON válido"])),
            notFound404,
            (500, MonitorResponse.error("Internal failure (ruling M4).", ["internal": "Error interno al cambiar el estado del expediente"])),
            MonitorResponse.unavailable,
        ])

    static let getHistorialEstado = OperationSpec<MonitorContext>(
        method: .get, path: "/api/expedientes/{no_siniestro}/estado/historial", tag: "Estado", summary: "Estado history",
        description: "monitor.md §4.5.",
        operationID: "getHistorialEstado", access: MonitorAccess.token,
        parameters: [MonitorParameter.noSiniestro],
        responses: [
            (200, MonitorResponse.success("The history, newest first, with the user who made each change.", MonitorSchemas.array(of: "HistorialEstado"), example: [
                [
                    "id": 2,
                    "no_siniestro": "SIN-2024-001",
                    "estado_anterior": "Ingreso",
                    "estado_nuevo": "Restauracion",
                    "fecha_cambio": "2024-03-20T18:15:00.000Z",
                    "cambiado_por": 1,
                    "usuario": ["id": 1, "nombre": "Admin", "username": "admin"],
                ],
            ])),
            notFound404,
            (500, MonitorResponse.error("Internal failure.", ["internal": "Error al obtener el historial de estados"])),
            MonitorResponse.unavailable,
        ])

    private static let notFound404: (status: Int, response: JSONValue) = (404, MonitorResponse.error("No such expediente.", ["not_found": "Expediente no encontrado"]))
}
