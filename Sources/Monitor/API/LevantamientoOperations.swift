import HTTPCore

/// Damage surveys and their cost lines (monitor.md §4.7), registered by `LevantamientoRoutes`.
enum LevantamientoOperations {
    static let createLevantamiento = OperationSpec<MonitorContext>(
        method: .post, path: "/api/levantamientos", tag: "Levantamientos", summary: "Create a levantamiento de daños",
        description: "monitor.md §4.7. `conceptos` are created in the same transaction.",
        operationID: "createLevantamiento", access: MonitorAccess.token,
        requestBody: LevantamientoFields.createBody.requestBody,
        requestExample: [
            "no_siniestro": "SIN-2024-001",
            "fecha": "16/03/2024",
            "marca": "Toyota",
            "cristales": true,
            "conceptos": [["claves": "CF-01", "concepto": "Cambio de facia delantera", "costo": 3500]],
        ],
        responses: [
            (201, MonitorResponse.success("The levantamiento with its conceptos.", MonitorSchemas.ref("Levantamiento"), example: MonitorExamples.levantamiento)),
            (400, MonitorResponse.error("Missing or unknown expediente, or a field of the wrong type (the message names the field).", ["missing": "no_siniestro es requerido", "unknown": "No existe un expediente con ese no_siniestro", "bad_date": "El campo 'fecha' debe ser una fecha válida (YYYY-MM-DD)", "malformed_json": "El cuerpo de la solicitud no es JSON válido"])),
            MonitorResponse.unavailable,
        ])

    static let listLevantamientos = OperationSpec<MonitorContext>(
        method: .get, path: "/api/levantamientos", tag: "Levantamientos", summary: "List levantamientos",
        description: "monitor.md §4.7. Ruling 7: `limit`/`offset` page through the list (id descending); without them every levantamiento (of the expediente) is returned.",
        operationID: "listLevantamientos", access: MonitorAccess.token,
        parameters: [.init(name: "no_siniestro", location: "query", schema: ["type": "string"], description: "Only the levantamientos of this expediente.")] + ListQuery.paging,
        responses: [
            (200, MonitorResponse.success("All levantamientos (or those of one expediente), with conceptos, newest first.", MonitorSchemas.array(of: "Levantamiento"), example: [MonitorExamples.levantamiento])),
            ListQuery.invalid400,
            MonitorResponse.unavailable,
        ])

    static let getLevantamientoBySiniestro = OperationSpec<MonitorContext>(
        method: .get, path: "/api/levantamientos/siniestro/{no_siniestro}", tag: "Levantamientos", summary: "Latest levantamiento of an expediente",
        description: "monitor.md §4.7.",
        operationID: "getLevantamientoBySiniestro", access: MonitorAccess.token,
        parameters: [MonitorParameter.noSiniestro],
        responses: [
            (200, MonitorResponse.success("The latest (highest id) levantamiento, with conceptos.", MonitorSchemas.ref("Levantamiento"), example: MonitorExamples.levantamiento)),
            (404, MonitorResponse.error("None for this expediente.", ["not_found": "No existe levantamiento para este siniestro"])),
            MonitorResponse.unavailable,
        ])

    static let getLevantamientoCostoTotal = OperationSpec<MonitorContext>(
        method: .get, path: "/api/levantamientos/{id}/costo-total", tag: "Levantamientos", summary: "Total cost of a levantamiento",
        description: "monitor.md §4.7.",
        operationID: "getLevantamientoCostoTotal", access: MonitorAccess.token,
        parameters: [MonitorParameter.recordID("id", of: "levantamiento")],
        responses: [
            (200, MonitorResponse.success("Sum of the conceptos' `costo` (nulls count as 0).", MonitorSchemas.ref("CostoTotal"), example: ["id_levantamiento": 5, "total": 3500])),
            badId400,
            notFound404,
            MonitorResponse.unavailable,
        ])

    static let getLevantamiento = OperationSpec<MonitorContext>(
        method: .get, path: "/api/levantamientos/{id}", tag: "Levantamientos", summary: "Get a levantamiento",
        description: "monitor.md §4.7.",
        operationID: "getLevantamiento", access: MonitorAccess.token,
        parameters: [MonitorParameter.recordID("id", of: "levantamiento")],
        responses: [
            (200, MonitorResponse.success("The levantamiento with conceptos and its expediente (scalar fields, or null).", MonitorSchemas.ref("LevantamientoDetalle"), example: MonitorExamples.levantamiento.with([
                "expediente": MonitorExamples.expediente,
            ]))),
            badId400,
            notFound404,
            MonitorResponse.unavailable,
        ])

    static let updateLevantamiento = OperationSpec<MonitorContext>(
        method: .put, path: "/api/levantamientos/{id}", tag: "Levantamientos", summary: "Update a levantamiento",
        description: "monitor.md §4.7. Partial: an omitted key is unchanged, `null` clears (also `fecha`, ruling 5). `conceptos` is ignored here.",
        operationID: "updateLevantamiento", access: MonitorAccess.token,
        parameters: [MonitorParameter.recordID("id", of: "levantamiento")],
        requestBody: LevantamientoFields.updateBody.requestBody,
        requestExample: ["kilometraje": "45100", "pega": .null],
        responses: [
            (200, MonitorResponse.success("The updated levantamiento with conceptos.", MonitorSchemas.ref("Levantamiento"), example: MonitorExamples.levantamiento)),
            (400, MonitorResponse.error("Bad id, a field of the wrong type or an unknown expediente.", ["bad_id": "id inválido", "wrong_type": "El campo 'cristales' debe ser verdadero o falso", "unknown_expediente": "No existe un expediente con ese no_siniestro", "malformed_json": "El cuerpo de la solicitud no es JSON válido"])),
            notFound404,
            MonitorResponse.unavailable,
        ])

    static let deleteLevantamiento = OperationSpec<MonitorContext>(
        method: .delete, path: "/api/levantamientos/{id}", tag: "Levantamientos", summary: "Delete a levantamiento",
        description: "monitor.md §4.7.",
        operationID: "deleteLevantamiento", access: MonitorAccess.admin,
        parameters: [MonitorParameter.recordID("id", of: "levantamiento")],
        responses: [
            (200, MonitorResponse.success("Deleted with its conceptos.", MonitorSchemas.ref("Mensaje"), example: ["mensaje": "Levantamiento y conceptos eliminados correctamente"])),
            badId400,
            notFound404,
            MonitorResponse.unavailable,
        ])

    static let createConcepto = OperationSpec<MonitorContext>(
        method: .post, path: "/api/levantamientos/{id}/conceptos", tag: "Levantamientos", summary: "Add a concepto to a levantamiento",
        description: "monitor.md §4.7.",
        operationID: "createConcepto", access: MonitorAccess.token,
        parameters: [MonitorParameter.recordID("id", of: "levantamiento")],
        requestBody: LevantamientoFields.conceptoBody.requestBody,
        requestExample: ["claves": "CF-01", "concepto": "Cambio de facia delantera", "costo": "3500.00"],
        responses: [
            (201, MonitorResponse.success("The concepto.", MonitorSchemas.ref("Concepto"), example: MonitorExamples.levantamientoConcepto)),
            (400, MonitorResponse.error("Bad id, missing `concepto`, or a field of the wrong type.", ["bad_id": "id inválido", "concepto": "concepto es requerido", "wrong_type": "El campo 'costo' debe ser un importe con a lo más 2 decimales", "malformed_json": "El cuerpo de la solicitud no es JSON válido"])),
            notFound404,
            MonitorResponse.unavailable,
        ])

    static let deleteConcepto = OperationSpec<MonitorContext>(
        method: .delete, path: "/api/levantamientos/conceptos/{id_concepto}", tag: "Levantamientos", summary: "Delete a concepto",
        description: "monitor.md §4.7.",
        operationID: "deleteConcepto", access: MonitorAccess.admin,
        parameters: [MonitorParameter.recordID("id_concepto", of: "concepto")],
        responses: [
            (200, MonitorResponse.success("Deleted.", MonitorSchemas.ref("Mensaje"), example: ["mensaje": "Concepto eliminado correctamente"])),
            (400, MonitorResponse.error("The id is not a number.", ["bad_id": "id_concepto inválido"])),
            (404, MonitorResponse.error("No such concepto.", ["not_found": "Concepto no encontrado"])),
            MonitorResponse.unavailable,
        ])

    private static let badId400: (status: Int, response: JSONValue) = (400, MonitorResponse.error("The id is not a number.", ["bad_id": "id inválido"]))

    private static let notFound404: (status: Int, response: JSONValue) = (404, MonitorResponse.error("No such levantamiento.", ["not_found": "Levantamiento no encontrado"]))
}
