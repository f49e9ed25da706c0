import HTTPCore

/// The cloud backup routes (monitor.md §4.6 `respaldar`, §4.11; ruling M14), registered by `BackupRoutes`.
enum BackupOperations {
    /// 503: the database does not answer, or (backup actions) no cloud target is configured.
    static let unavailableOrNotConfigured: (status: Int, response: JSONValue) = (503, MonitorResponse.error(
        "No cloud target is configured (`MONITOR_S3_*` or `B2_*`, ruling M14), or the database does not answer.",
        ["not_configured": "Respaldo en la nube no configurado", "unavailable": "Servicio no disponible"]))

    /// 400 for a body that is not a JSON object (the POST routes read none, but one that is sent must be an object).
    static let notAnObject: (status: Int, response: JSONValue) = (400, MonitorResponse.error(
        "A body was sent and it is not a JSON object (its keys, if any, are ignored).",
        ["not_object": "El cuerpo de la solicitud debe ser un objeto JSON"]))

    /// `{"ok": true, "subidas": n}`.
    static let subidas: JSONValue = [
        "type": "object", "required": ["ok", "subidas"],
        "properties": ["ok": ["type": "boolean", "const": true],
                       "subidas": ["type": "integer", "minimum": 1, "description": "Files uploaded, the generated forms included."]],
    ]

    /// The refusals and failures of a per-expediente backup (§6.3), all 400.
    static let refusals: KeyValuePairs<String, String> = [
        "not_object": "El cuerpo de la solicitud debe ser un objeto JSON",
        "not_found": "Expediente no encontrado",
        "estado": "Solo se puede respaldar a la nube un expediente con estado Salida",
        "nothing": "No hay evidencias locales para respaldar",
        "upload": "Error interno al respaldar evidencias",
        "formato": "Error interno al generar el formato",
    ]

    static let respaldar = OperationSpec<MonitorContext>(
        method: .post, path: "/api/expedientes/{no_siniestro}/evidencias/respaldar", tag: "Evidencias",
        summary: "Back an expediente up to the cloud",
        description: "monitor.md §4.6, §6.3, ruling M14. Writes the expediente's forms, uploads every file of its folder to the S3-compatible store (key `evidencias/<folder>/<file>`: the file's path under the evidence directory), then points its evidencias at their keys (`ubicacion_almacenamiento` `Nube`, `ruta` = key) and deletes the local copies. A failed upload changes nothing: the expediente stays `Local` with its files.",
        operationID: "respaldarEvidencias", access: MonitorAccess.adminOrOperator,
        parameters: [MonitorParameter.noSiniestro],
        responses: [
            (200, MonitorResponse.success("Uploaded.", subidas, example: ["ok": true, "subidas": 4])),
            (400, MonitorResponse.error("Every refusal and failure (§4.6).", refusals)),
            unavailableOrNotConfigured,
        ])

    static let estado = OperationSpec<MonitorContext>(
        method: .get, path: "/api/backup/estado", tag: "Backup", summary: "Backup status",
        description: "monitor.md §4.11. `disco_local`: the evidence directory's filesystem (statvfs), whole gigabytes (10^9 bytes, rounded down). `nube.estado`: `Activo` once a `Nube` or `Manual` entry is in the backup log, `Sin respaldos` before, `No configurado` when no cloud target is configured (ruling M14). `pendientes`: files under the evidence directory, or the `Local` evidencias when there are none.",
        operationID: "backupEstado", access: MonitorAccess.admin,
        responses: [
            (200, MonitorResponse.success("The status.", estadoSchema, example: [
                "disco_local": ["libre_gb": 120, "usado_gb": 80, "total_gb": 200],
                "nube": ["estado": "Activo", "ultimo_respaldo": "2026-12-01T08:00:05.120Z", "ultimo_error": "Ninguno", "pendientes": 3],
                "evidencias": ["totales": 10, "local": 3, "nube": 7],
                "expedientes": ["totales": 4],
            ])),
            (500, MonitorResponse.error("The disk could not be read.", ["internal": "Error al obtener estado de respaldo"])),
            MonitorResponse.unavailable,
        ])

    static let logs = OperationSpec<MonitorContext>(
        method: .get, path: "/api/backup/logs", tag: "Backup", summary: "The backup log",
        description: "monitor.md §4.11, §8.3: the newest 200 entries, newest first. `usuario` only on an administrator's entries.",
        operationID: "backupLogs", access: MonitorAccess.admin,
        responses: [
            (200, MonitorResponse.success("The entries.", ["type": "array", "items": logEntry], example: [
                ["id": 2, "fecha": "2026-12-01T08:00:05.120Z", "tipo": "Manual", "resultado": "Exitoso",
                 "detalle": "Respaldo del expediente SIN-2024-001 (4 archivos) — admin", "usuario": "admin"],
                ["id": 1, "fecha": "2026-12-01T08:00:00.000Z", "tipo": "Nube", "resultado": "Exitoso",
                 "detalle": "Respaldo completo de evidencias (0 subidos, 0 fallidos)"],
            ])),
            (500, MonitorResponse.error("Internal failure.", ["internal": "Error al obtener logs"])),
            MonitorResponse.unavailable,
        ])

    /// The answer of both log-clearing routes.
    static let cleared: [(status: Int, response: JSONValue)] = [
        (200, MonitorResponse.success("Emptied; ids start at 1 again.", [
            "type": "object", "required": ["ok", "eliminados"],
            "properties": ["ok": ["type": "boolean", "const": true], "eliminados": ["type": "integer", "minimum": 0]],
        ], example: ["ok": true, "eliminados": 12])),
        (500, MonitorResponse.error("Internal failure.", ["internal": "Error al limpiar logs"])),
        MonitorResponse.unavailable,
    ]

    static let limpiarLogs = OperationSpec<MonitorContext>(
        method: .post, path: "/api/backup/logs/limpiar", tag: "Backup", summary: "Empty the backup log",
        description: "monitor.md §4.11.", operationID: "limpiarBackupLogs", access: MonitorAccess.admin, responses: cleared + [notAnObject])

    static let deleteLogs = OperationSpec<MonitorContext>(
        method: .delete, path: "/api/backup/logs", tag: "Backup", summary: "Empty the backup log",
        description: "monitor.md §4.11 (the same as `POST /api/backup/logs/limpiar`).",
        operationID: "deleteBackupLogs", access: MonitorAccess.admin, responses: cleared)

    static let exportar = OperationSpec<MonitorContext>(
        method: .post, path: "/api/backup/exportar", tag: "Backup", summary: "Start the bulk backup",
        description: "monitor.md §4.11, §6.4, ruling M14. Starts the bulk job in the background (it also runs nightly at 02:00 America/Mexico_City). One run at a time across every process and host (a database lock). Follow it with `GET /api/backup/progreso`.",
        operationID: "exportarEvidencias", access: MonitorAccess.admin,
        responses: [
            (200, MonitorResponse.success("Started.", [
                "type": "object", "required": ["ok", "iniciado"],
                "properties": ["ok": ["type": "boolean", "const": true], "iniciado": ["type": "boolean", "const": true]],
            ], example: ["ok": true, "iniciado": true])),
            notAnObject,
            (409, MonitorResponse.error("A run is going on.", ["running": "Ya hay una exportación en curso"])),
            unavailableOrNotConfigured,
        ])

    static let progreso = OperationSpec<MonitorContext>(
        method: .get, path: "/api/backup/progreso", tag: "Backup", summary: "The bulk backup's progress",
        description: "monitor.md §4.11. Kept in the database, so every worker of every process reports the same run; `corriendo` is true only while a process holds the job's lock.",
        operationID: "backupProgreso", access: MonitorAccess.admin,
        responses: [
            (200, MonitorResponse.success("The progress of the current or last run.", progresoSchema, example: [
                "corriendo": false, "total": 12, "procesados": 12, "subidas": 9, "fallidas": 0,
                "archivoActual": .null, "terminado_en": "2026-12-01T08:00:05.120Z", "error": .null,
            ])),
            MonitorResponse.unavailable,
        ])

    static let exportarExpediente = OperationSpec<MonitorContext>(
        method: .post, path: "/api/backup/exportar/{no_siniestro}", tag: "Backup", summary: "Back an expediente up to the cloud",
        description: "monitor.md §4.11, §6.3, ruling M14: as `POST /api/expedientes/{no_siniestro}/evidencias/respaldar`, and each outcome is written to the backup log (`Manual`).",
        operationID: "exportarExpediente", access: MonitorAccess.admin,
        parameters: [MonitorParameter.noSiniestro],
        responses: [
            (200, MonitorResponse.success("Uploaded.", subidas, example: ["ok": true, "subidas": 4])),
            (400, MonitorResponse.error("A blank claim number, and every refusal and failure of §6.3.",
                                        ["blank": "Número de siniestro inválido", "not_object": "El cuerpo de la solicitud debe ser un objeto JSON",
                                         "not_found": "Expediente no encontrado",
                                         "estado": "Solo se puede respaldar a la nube un expediente con estado Salida",
                                         "upload": "Error interno al respaldar evidencias"])),
            (500, MonitorResponse.error("Internal failure.", ["internal": "Error al respaldar expediente"])),
            unavailableOrNotConfigured,
        ])

    private static let count: JSONValue = ["type": "integer", "minimum": 0]

    private static let estadoSchema: JSONValue = [
        "type": "object", "required": ["disco_local", "nube", "evidencias", "expedientes"],
        "properties": [
            "disco_local": ["type": "object", "required": ["libre_gb", "usado_gb", "total_gb"],
                            "properties": ["libre_gb": count, "usado_gb": count, "total_gb": count]],
            "nube": ["type": "object", "required": ["estado", "ultimo_respaldo", "ultimo_error", "pendientes"],
                     "properties": [
                        "estado": ["type": "string", "enum": ["Activo", "Sin respaldos", "No configurado"]],
                        "ultimo_respaldo": MonitorSchemas.instant("`fecha` of the newest `Nube` or `Manual` log entry."),
                        "ultimo_error": ["type": "string", "description": "`detalle` of the newest `Error` entry, or `Ninguno`."],
                        "pendientes": count,
                     ]],
            "evidencias": ["type": "object", "required": ["totales", "local", "nube"],
                           "properties": ["totales": count, "local": count, "nube": count]],
            "expedientes": ["type": "object", "required": ["totales"], "properties": ["totales": count]],
        ],
    ]

    private static let logEntry: JSONValue = [
        "type": "object", "required": ["id", "fecha", "tipo", "resultado", "detalle"],
        "properties": [
            "id": ["type": "integer", "minimum": 1],
            "fecha": ["type": "string", "format": "date-time"],
            "tipo": ["type": "string", "enum": ["Nube", "Manual", "Local"]],
            "resultado": ["type": "string", "enum": ["Exitoso", "Parcial", "Error"]],
            "detalle": ["type": "string"],
            "usuario": ["type": "string"],
        ],
    ]

    private static let progresoSchema: JSONValue = [
        "type": "object",
        "required": ["corriendo", "total", "procesados", "subidas", "fallidas", "archivoActual", "terminado_en", "error"],
        "properties": [
            "corriendo": ["type": "boolean"], "total": count, "procesados": count, "subidas": count, "fallidas": count,
            "archivoActual": MonitorSchemas.text("The file being uploaded (its path under the evidence directory)."),
            "terminado_en": MonitorSchemas.instant("When the last run ended."),
            "error": MonitorSchemas.text("Why the last run failed."),
        ],
    ]
}
