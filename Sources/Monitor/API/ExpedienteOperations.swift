import HTTPCore

/// The expediente routes (monitor.md §4.4, seeds 000 and 001), registered by `ExpedienteRoutes`.
enum ExpedienteOperations {
    static let listExpedientes = OperationSpec<MonitorContext>(
        method: .get, path: "/api/expedientes", tag: "Expedientes", summary: "List expedientes",
        description: "All expedientes, ordered by `fecha_ingreso` descending (missing dates first, then newest created, then `no_siniestro`: a stable order for paging). monitor.md §4.4. Ruling 7: the optional filters narrow the list (every one sent must hold) and `limit`/`offset` page through it; without any the answer is the whole list.",
        operationID: "listExpedientes", access: MonitorAccess.token,
        parameters: ListQuery.expedienteFilters,
        responses: [
            (200, MonitorResponse.success("The list (summary form).", MonitorSchemas.array(of: "ExpedienteResumen"), example: [MonitorExamples.expedienteResumen])),
            ListQuery.invalid400,
            (500, MonitorResponse.error("Internal failure.", ["internal": "Error al obtener la lista de expedientes"])),
            MonitorResponse.unavailable,
        ])

    static let createExpediente = OperationSpec<MonitorContext>(
        method: .post, path: "/api/expedientes", tag: "Expedientes", summary: "Create an expediente",
        description: "Seed 000, ruling M1. Creates the expediente with estado `Ingreso` and its first `historial_estado` row (`estado_anterior` null, `estado_nuevo` `Ingreso`) in one transaction.",
        operationID: "createExpediente", access: MonitorAccess.adminOrOperator,
        requestBody: ExpedienteFields.createBody.requestBody,
        requestExample: [
            "no_siniestro": "SIN-2024-001",
            "marca": "Toyota",
            "modelo": "Corolla",
            "color": "Blanco",
            "placas": "ABC-123",
            "nombre_cliente": "Juan García",
            "id_aseguradora": 1,
        ],
        responses: [
            (201, MonitorResponse.success("The full expediente as persisted (scalar fields, no relations); `estado` is `Ingreso`, `creado_por` the caller.", MonitorSchemas.ref("Expediente"), example: MonitorExamples.expediente.with([
                "factura": .null,
                "orden": .null,
                "asesor": .null,
                "fecha_ingreso": .null,
                "fecha_valuacion": .null,
                "fecha_autorizacion": .null,
                "fecha_pzas_completas": .null,
                "tecnico": .null,
                "observaciones": .null,
                "tipo": .null,
                "telefono_cliente": .null,
                "correo_cliente": .null,
                "doc_orden_admision": .null,
                "doc_identificacion": .null,
                "doc_tarjeta_circulacion": .null,
                "doc_caratula_poliza": .null,
                "doc_carta_reparacion": .null,
                "estado": "Ingreso",
            ]))),
            (400, MonitorResponse.error("`no_siniestro` missing or blank, or a field of the wrong type (the message names the field).", ["no_siniestro": "El No. Siniestro es obligatorio", "wrong_type": "El campo 'id_aseguradora' debe ser un número entero", "unknown_fk": "El campo 'id_aseguradora' no corresponde a una aseguradora existente", "bad_date": "El campo 'fecha_ingreso' debe ser una fecha válida (YYYY-MM-DD)", "malformed_json": "El cuerpo de la solicitud no es JSON válido"])),
            (409, MonitorResponse.error("A record with that `no_siniestro` already exists.", ["taken": "Ya existe un expediente con ese No. Siniestro"])),
            (500, MonitorResponse.error("Database or internal server error.", ["internal": "Error interno al crear expediente"])),
            MonitorResponse.unavailable,
        ])

    static let listExpedientesPendientes = OperationSpec<MonitorContext>(
        method: .get, path: "/api/expedientes/pendientes", tag: "Expedientes", summary: "List expedientes pending cloud backup",
        description: "Expedientes with estado `Salida` whose evidence is still `Local`. monitor.md §4.4.",
        operationID: "listExpedientesPendientes", access: MonitorAccess.token,
        responses: [
            (200, MonitorResponse.success("The list (summary form).", MonitorSchemas.array(of: "ExpedienteResumen"), example: [MonitorExamples.expedienteResumen])),
            (500, MonitorResponse.error("Internal failure.", ["internal": "Error al obtener la lista de expedientes pendientes"])),
            MonitorResponse.unavailable,
        ])

    static let listExpedientesNube = OperationSpec<MonitorContext>(
        method: .get, path: "/api/expedientes/nube", tag: "Expedientes", summary: "List expedientes backed up to the cloud",
        description: "Expedientes whose evidence is in the cloud (`ubicacion_almacenamiento` = `Nube`). monitor.md §4.4.",
        operationID: "listExpedientesNube", access: MonitorAccess.token,
        responses: [
            (200, MonitorResponse.success("The list (summary form).", MonitorSchemas.array(of: "ExpedienteResumen"), example: [MonitorExamples.expedienteResumen])),
            (500, MonitorResponse.error("Internal failure.", ["internal": "Error al obtener la lista de expedientes en la nube"])),
            MonitorResponse.unavailable,
        ])

    static let listAseguradoras = OperationSpec<MonitorContext>(
        method: .get, path: "/api/expedientes/aseguradoras", tag: "Expedientes", summary: "List insurers",
        description: "monitor.md §4.4.",
        operationID: "listAseguradoras", access: MonitorAccess.token,
        responses: [
            (200, MonitorResponse.success("Insurers ordered by name.", MonitorSchemas.array(of: "Aseguradora"), example: [["id": 1, "nombre": "AXA"], ["id": 2, "nombre": "HDI"], ["id": 3, "nombre": "Qualitas"]])),
            (500, MonitorResponse.error("Internal failure.", ["internal": "Error al obtener la lista de aseguradoras"])),
            MonitorResponse.unavailable,
        ])

    static let getExpediente = OperationSpec<MonitorContext>(
        method: .get, path: "/api/expedientes/{no_siniestro}", tag: "Expedientes", summary: "Get an expediente with its relations",
        description: "monitor.md §4.4. The static sub-paths `pendientes`, `nube` and `aseguradoras` win over `{no_siniestro}`.",
        operationID: "getExpediente", access: MonitorAccess.token,
        parameters: [MonitorParameter.noSiniestro],
        responses: [
            (200, MonitorResponse.success("The expediente plus `aseguradora`, `historial_estado` (newest first, no user info) and `evidencia` (raw rows).", MonitorSchemas.ref("ExpedienteDetalle"), example: MonitorExamples.expediente.with([
                "aseguradora": ["id": 1, "nombre": "AXA"],
                "historial_estado": [
                    [
                        "id": 2,
                        "no_siniestro": "SIN-2024-001",
                        "estado_anterior": "Ingreso",
                        "estado_nuevo": "Restauracion",
                        "fecha_cambio": "2024-03-20T18:15:00.000Z",
                        "cambiado_por": 1,
                    ],
                    [
                        "id": 1,
                        "no_siniestro": "SIN-2024-001",
                        "estado_anterior": .null,
                        "estado_nuevo": "Ingreso",
                        "fecha_cambio": "2024-03-15T17:00:00.000Z",
                        "cambiado_por": 2,
                    ],
                ],
                "evidencia": [
                    MonitorExamples.evidencia,
                ],
            ]))),
            (404, MonitorResponse.error("No record with that `no_siniestro`.", ["not_found": "Expediente no encontrado"])),
            (500, MonitorResponse.error("Internal failure.", ["internal": "Error al obtener el expediente"])),
            MonitorResponse.unavailable,
        ])

    static let updateExpediente = OperationSpec<MonitorContext>(
        method: .put, path: "/api/expedientes/{no_siniestro}", tag: "Expedientes", summary: "Update an expediente",
        description: "Seed 001, ruling M2. Send only the fields to change.",
        operationID: "updateExpediente", access: MonitorAccess.adminOrOperator,
        parameters: [MonitorParameter.noSiniestro],
        requestBody: ExpedienteFields.updateBody.requestBody,
        requestExample: ["tecnico": "Carlos Pérez", "fecha_pzas_completas": "2024-03-22"],
        responses: [
            (200, MonitorResponse.success("The complete updated expediente as persisted (scalar fields, no relations).", MonitorSchemas.ref("Expediente"), example: MonitorExamples.expediente)),
            (400, MonitorResponse.error("Path segment missing, or a field of the wrong type (the message names the field).", ["no_siniestro": "No. Siniestro requerido", "wrong_type": "El campo 'doc_finiquito' debe ser verdadero o falso", "unknown_fk": "El campo 'id_aseguradora' no corresponde a una aseguradora existente", "bad_date": "El campo 'unidad_terminada' debe ser una fecha válida (YYYY-MM-DD)", "malformed_json": "El cuerpo de la solicitud no es JSON válido"])),
            (404, MonitorResponse.error("No record with that `no_siniestro` exists.", ["not_found": "Expediente no encontrado"])),
            (500, MonitorResponse.error("Database or internal server error.", ["internal": "Error interno al actualizar expediente"])),
            MonitorResponse.unavailable,
        ])

    static let deleteExpediente = OperationSpec<MonitorContext>(
        method: .delete, path: "/api/expedientes/{no_siniestro}", tag: "Expedientes", summary: "Delete an expediente",
        description: "monitor.md §4.4, ruling M6.",
        operationID: "deleteExpediente", access: MonitorAccess.admin,
        parameters: [MonitorParameter.noSiniestro],
        responses: [
            (200, MonitorResponse.success("Deleted, with its historial, evidencias (rows and files), levantamientos, checklists and comentarios (ruling M6).", MonitorSchemas.ref("DeletedExpediente"), example: ["ok": true, "no_siniestro": "SIN-2024-001"])),
            (404, MonitorResponse.error("No such expediente.", ["not_found": "Expediente no encontrado"])),
            (500, MonitorResponse.error("Internal failure.", ["internal": "Error interno al eliminar expediente"])),
            MonitorResponse.unavailable,
        ])
}
