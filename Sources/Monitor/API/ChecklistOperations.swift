import HTTPCore

/// Exit/inspection checklists (monitor.md §4.8), registered by `ChecklistRoutes`.
enum ChecklistOperations {
    static let createChecklist = OperationSpec<MonitorContext>(
        method: .post, path: "/api/checklist", tag: "Checklist", summary: "Create a checklist",
        description: "monitor.md §4.8.",
        operationID: "createChecklist", access: MonitorAccess.token,
        requestBody: ChecklistFields.checklistBody(nullMeaning: .notSet).requestBody,
        requestExample: [
            "no_siniestro": "SIN-2024-001",
            "fecha_inspeccion": "2024-05-07",
            "hora": "10:30",
            "inspeccionado_por": "tecnico",
            "aprobada": true,
        ],
        responses: [
            (201, MonitorResponse.success("The checklist row (no items).", MonitorSchemas.ref("Checklist"), example: MonitorExamples.checklist)),
            (400, MonitorResponse.error("A field of the wrong type, or an unknown expediente.", ["bad_time": "El campo 'hora' debe ser una hora válida (HH:MM o HH:MM:SS)", "unknown_expediente": "No existe un expediente con ese no_siniestro", "malformed_json": "El cuerpo de la solicitud no es JSON válido"])),
            internal500,
            MonitorResponse.unavailable,
        ])

    static let listChecklists = OperationSpec<MonitorContext>(
        method: .get, path: "/api/checklist", tag: "Checklist", summary: "List checklists",
        description: "monitor.md §4.8. Ruling 7: `limit`/`offset` page through the list (id descending); without them every checklist is returned.",
        operationID: "listChecklists", access: MonitorAccess.token,
        parameters: ListQuery.paging,
        responses: [
            (200, MonitorResponse.success("Every checklist with its items, newest first.", MonitorSchemas.array(of: "Checklist"), example: [MonitorExamples.checklistWithItems])),
            ListQuery.invalid400,
            internal500,
            MonitorResponse.unavailable,
        ])

    static let getChecklistBySiniestro = OperationSpec<MonitorContext>(
        method: .get, path: "/api/checklist/siniestro/{no_siniestro}", tag: "Checklist", summary: "Latest checklist of an expediente",
        description: "monitor.md §4.8.",
        operationID: "getChecklistBySiniestro", access: MonitorAccess.token,
        parameters: [MonitorParameter.noSiniestro],
        responses: [
            (200, MonitorResponse.success("The latest (highest id) checklist with its items.", MonitorSchemas.ref("Checklist"), example: MonitorExamples.checklistWithItems)),
            (404, MonitorResponse.error("None for this expediente.", ["not_found": "Checklist no encontrado"])),
            internal500,
            MonitorResponse.unavailable,
        ])

    static let getChecklist = OperationSpec<MonitorContext>(
        method: .get, path: "/api/checklist/{id}", tag: "Checklist", summary: "Get a checklist",
        description: "monitor.md §4.8.",
        operationID: "getChecklist", access: MonitorAccess.token,
        parameters: [MonitorParameter.recordID("id", of: "checklist")],
        responses: [
            (200, MonitorResponse.success("The checklist with its items.", MonitorSchemas.ref("Checklist"), example: MonitorExamples.checklistWithItems)),
            badId400,
            notFound404,
            internal500,
            MonitorResponse.unavailable,
        ])

    static let updateChecklist = OperationSpec<MonitorContext>(
        method: .put, path: "/api/checklist/{id}", tag: "Checklist", summary: "Update a checklist",
        description: "monitor.md §4.8. Partial: an omitted key is unchanged, `null` clears (ruling 5).",
        operationID: "updateChecklist", access: MonitorAccess.token,
        parameters: [MonitorParameter.recordID("id", of: "checklist")],
        requestBody: ChecklistFields.checklistBody(nullMeaning: .clears).requestBody,
        requestExample: ["fecha_entrega": "2024-05-10", "lugar_entrega": "Aguascalientes"],
        responses: [
            (200, MonitorResponse.success("The updated checklist row (no items).", MonitorSchemas.ref("Checklist"), example: MonitorExamples.checklist)),
            (400, MonitorResponse.error("Bad id, a field of the wrong type or an unknown expediente.", ["bad_id": "ID inválido", "bad_date": "El campo 'fecha_entrega' debe ser una fecha válida (YYYY-MM-DD)", "unknown_expediente": "No existe un expediente con ese no_siniestro", "malformed_json": "El cuerpo de la solicitud no es JSON válido"])),
            notFound404,
            internal500,
            MonitorResponse.unavailable,
        ])

    static let deleteChecklist = OperationSpec<MonitorContext>(
        method: .delete, path: "/api/checklist/{id}", tag: "Checklist", summary: "Delete a checklist",
        description: "monitor.md §4.8.",
        operationID: "deleteChecklist", access: MonitorAccess.admin,
        parameters: [MonitorParameter.recordID("id", of: "checklist")],
        responses: [
            (200, MonitorResponse.success("Deleted with its items.", MonitorSchemas.ref("Ok"), example: MonitorExamples.ok)),
            badId400,
            notFound404,
            internal500,
            MonitorResponse.unavailable,
        ])

    static let createChecklistItem = OperationSpec<MonitorContext>(
        method: .post, path: "/api/checklist/{id}/items", tag: "Checklist", summary: "Add an item to a checklist",
        description: "monitor.md §4.8.",
        operationID: "createChecklistItem", access: MonitorAccess.token,
        parameters: [MonitorParameter.recordID("id", of: "checklist")],
        requestBody: ChecklistFields.itemBody.requestBody,
        requestExample: ["sistema": "SISTEMA DE FRENO", "nombre_item": "Liquido de freno", "valor": "OK"],
        responses: [
            (201, MonitorResponse.success("The item.", MonitorSchemas.ref("ChecklistItem"), example: MonitorExamples.checklistItem)),
            (400, MonitorResponse.error("Bad id or a field of the wrong type.", ["bad_id": "ID inválido", "wrong_type": "El campo 'valor' debe ser texto", "malformed_json": "El cuerpo de la solicitud no es JSON válido"])),
            notFound404,
            internal500,
            MonitorResponse.unavailable,
        ])

    static let replaceChecklistItems = OperationSpec<MonitorContext>(
        method: .put, path: "/api/checklist/{id}/items/bulk", tag: "Checklist", summary: "Replace all items of a checklist",
        description: "monitor.md §4.8, ruling 2: deletes every item and inserts the given ones in one transaction. Only `sistema`, `nombre_item` and `valor` of each item are kept.",
        operationID: "replaceChecklistItems", access: MonitorAccess.token,
        parameters: [MonitorParameter.recordID("id", of: "checklist")],
        requestBody: ChecklistFields.bulkBody.requestBody,
        requestExample: ["items": [["sistema": "SISTEMA DE FRENO", "nombre_item": "Liquido de freno", "valor": "OK"]]],
        responses: [
            (200, MonitorResponse.success("The new items, ordered by id.", MonitorSchemas.array(of: "ChecklistItem"), example: [MonitorExamples.checklistItem])),
            (400, MonitorResponse.error("Bad id or a field of the wrong type.", ["bad_id": "ID inválido", "wrong_type": "El campo 'items' debe ser una lista", "malformed_json": "El cuerpo de la solicitud no es JSON válido"])),
            notFound404,
            internal500,
            MonitorResponse.unavailable,
        ])

    static let deleteChecklistItem = OperationSpec<MonitorContext>(
        method: .delete, path: "/api/checklist/items/{id_item}", tag: "Checklist", summary: "Delete a checklist item",
        description: "monitor.md §4.8.",
        operationID: "deleteChecklistItem", access: MonitorAccess.admin,
        parameters: [.init(name: "id_item", location: "path", schema: ["type": "integer", "format": "int32"], description: "Numeric id of the checklist item.")],
        responses: [
            (200, MonitorResponse.success("Deleted.", MonitorSchemas.ref("Ok"), example: MonitorExamples.ok)),
            badId400,
            (404, MonitorResponse.error("No such item.", ["not_found": "Item no encontrado"])),
            internal500,
            MonitorResponse.unavailable,
        ])

    private static let internal500: (status: Int, response: JSONValue) = (500, MonitorResponse.error("Internal failure.", ["internal": "Error interno del servidor"]))

    private static let badId400: (status: Int, response: JSONValue) = (400, MonitorResponse.error("The id is not a positive number.", ["bad_id": "ID inválido"]))

    private static let notFound404: (status: Int, response: JSONValue) = (404, MonitorResponse.error("No such checklist.", ["not_found": "Checklist no encontrado"]))
}
