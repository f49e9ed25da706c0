import HTTPCore

/// Diagnóstico (monitor.md §4.13, §8.2, ruling M15), Administrador only, registered by `DiagnosticoRoutes`.
enum DiagnosticoOperations {
    static let checkResult: JSONValue = [
        "type": "object", "required": ["nombre", "ok", "timestamp"], "additionalProperties": false,
        "properties": [
            "nombre": ["type": "string", "enum": ["Backend", "Base de datos", "Disco", "Evidencias", "Frontend"]],
            "ok": ["type": "boolean", "description": "Whether the check passed: `false` when it failed (ruling M15)."],
            "timestamp": ["type": "string", "format": "date-time", "description": "When it ran (ISO 8601 UTC with milliseconds)."],
        ],
    ]

    static let getChecks = OperationSpec<MonitorContext>(
        method: .get, path: "/api/diagnostico/checks", tag: "Diagnóstico", summary: "The latest status checks",
        description: "monitor.md §4.13 and §8.2, ruling M15: the results of the last run of the status checks, which the server runs at start and every 5 minutes: `Backend` (the process runs), `Base de datos` (the database answers), `Disco` (the file system can be read and the upload directory written), `Evidencias` (the evidence directory exists and can be written), `Frontend` (nginx's Monitor site accepts a connection). Real results: `ok` is `false` for a check that failed. Before the first run: `ultimaEjecucion` `null` and no checks.",
        operationID: "getChecks", access: MonitorAccess.admin,
        responses: [
            (200, MonitorResponse.success("The last run.", [
                "type": "object", "required": ["ultimaEjecucion", "checks"], "additionalProperties": false,
                "properties": [
                    "ultimaEjecucion": ["type": ["string", "null"], "format": "date-time", "description": "When the last run ended, or `null` before the first."],
                    "checks": ["type": "array", "items": checkResult],
                ],
            ], example: [
                "ultimaEjecucion": "2026-12-01T12:00:00.120Z",
                "checks": [
                    ["nombre": "Backend", "ok": true, "timestamp": "2026-12-01T12:00:00.000Z"],
                    ["nombre": "Base de datos", "ok": true, "timestamp": "2026-12-01T12:00:00.002Z"],
                    ["nombre": "Disco", "ok": true, "timestamp": "2026-12-01T12:00:00.003Z"],
                    ["nombre": "Evidencias", "ok": true, "timestamp": "2026-12-01T12:00:00.004Z"],
                    ["nombre": "Frontend", "ok": false, "timestamp": "2026-12-01T12:00:00.120Z"],
                ],
            ])),
        ])

    static let getSyncPendientes = OperationSpec<MonitorContext>(
        method: .get, path: "/api/diagnostico/sync-pendientes", tag: "Diagnóstico", summary: "Expedientes not yet in the cloud",
        description: "monitor.md §4.13: the number of expedientes whose `ubicacion_almacenamiento` is `Local`, any estado (counted when asked).",
        operationID: "getSyncPendientes", access: MonitorAccess.admin,
        responses: [
            (200, MonitorResponse.success("The count.", [
                "type": "object", "required": ["pendientes"], "additionalProperties": false,
                "properties": ["pendientes": ["type": "integer", "minimum": 0]],
            ], example: ["pendientes": 3])),
            (500, MonitorResponse.error("The count could not be read.", ["internal": "No se pudo consultar expedientes pendientes"])),
        ])

    static let getHistorialReciente = OperationSpec<MonitorContext>(
        method: .get, path: "/api/diagnostico/historial-reciente", tag: "Diagnóstico", summary: "The latest estado changes",
        description: "monitor.md §4.13: the 20 newest `historial_estado` rows of every expediente (`fecha_cambio` descending), without the user.",
        operationID: "getHistorialReciente", access: MonitorAccess.admin,
        responses: [
            (200, MonitorResponse.success("The rows, newest first.", MonitorSchemas.array(of: "HistorialEstado"), example: [
                ["id": 7, "no_siniestro": "SIN-2024-001", "estado_anterior": "Ingreso", "estado_nuevo": "Restauracion",
                 "fecha_cambio": "2026-12-01T12:00:00.000Z", "cambiado_por": 1],
            ])),
            (500, MonitorResponse.error("The rows could not be read.", ["internal": "No se pudo consultar el historial"])),
        ])

    static let getUptime = OperationSpec<MonitorContext>(
        method: .get, path: "/api/diagnostico/uptime", tag: "Diagnóstico", summary: "The uptime log",
        description: "monitor.md §4.13: the last 20 lines of the uptime log, newest first; `[]` when there is none. Each run of the status checks appends one line in the format of §8.1 (`uptime.log` beside `MONITOR_LOG_FILE`): `INFO` when every check passed, else `WARN`, and each check with `ok` or `fallo`.",
        operationID: "getUptime", access: MonitorAccess.admin,
        responses: LogOperations.lineResponses(example: [
            "[2026-12-01T12:00:00.120Z] [WARN] [Diagnostico] Backend: ok, Base de datos: ok, Disco: ok, Evidencias: ok, Frontend: fallo",
        ], unreadable: "No se pudo leer el historial de uptime"))
}
