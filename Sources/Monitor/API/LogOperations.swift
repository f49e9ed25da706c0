import HTTPCore

/// The application log (monitor.md §4.12, §8.1, ruling M15), Administrador only, registered by `LogRoutes`.
enum LogOperations {
    /// `limite`: any text; a positive integer is the number of lines, anything else means 150 (§4.12).
    static let limite = OpenAPIOperation.Parameter(
        name: "limite", location: "query", schema: ["type": "string"], required: false,
        description: "How many of the newest lines to return: a positive integer. Absent, `0` or anything that is not a positive integer means 150 (monitor.md §4.12), never an error.")

    /// A 200 of log lines (strings, newest first) and the 500 with `unreadable` when the file cannot be read.
    static func lineResponses(example: JSONValue, unreadable: String) -> [(status: Int, response: JSONValue)] {
        [(200, MonitorResponse.success("The lines, newest first.", ["type": "array", "items": ["type": "string"]], example: example)),
         (500, MonitorResponse.error("The file exists but cannot be read.", ["unreadable": unreadable]))]
    }

    static let listLogs = OperationSpec<MonitorContext>(
        method: .get, path: "/api/logs", tag: "Logs", summary: "The newest lines of the application log",
        description: "monitor.md §4.12: the last `limite` lines of the application log file (`MONITOR_LOG_FILE`, ruling M15), newest first, as raw strings in the format of §8.1: `[<ISO timestamp>] [<LEVEL>] [<Context>] <message>`, optionally followed by ` | <compact JSON>`; levels `INFO`, `WARN`, `ERROR`, `SUCCESS`. Only the current file is read (not the rotated `.1`). No file yet (or no `MONITOR_LOG_FILE`): `[]`.",
        operationID: "listLogs", access: MonitorAccess.admin,
        parameters: [limite],
        responses: lineResponses(example: [
            "[2026-12-01T12:00:01.250Z] [INFO] [ventanilla.monitor] GET /api/expedientes 200 3.120ms | {\"request-id\":\"5f2c\"}",
            "[2026-12-01T12:00:00.000Z] [WARN] [ventanilla.monitor] Token inválido o expirado",
        ], unreadable: "No se pudo leer el archivo de logs"))

    static let downloadLogs = OperationSpec<MonitorContext>(
        method: .get, path: "/api/logs/download", tag: "Logs", summary: "Download the application log",
        description: "monitor.md §4.12: the current application log file as an attachment named `app.log` (plain text, §8.1 lines).",
        operationID: "downloadLogs", access: MonitorAccess.admin,
        responses: [
            (200, [
                "description": "The file, `Content-Disposition: attachment; filename=\"app.log\"`.",
                "headers": ["Content-Disposition": ["description": "`attachment; filename=\"app.log\"`.", "schema": ["type": "string"]]],
                "content": ["text/plain": ["schema": ["type": "string"]]],
            ]),
            (404, MonitorResponse.error("There is no log file yet.", ["missing": "No hay archivo de logs"])),
            (500, MonitorResponse.error("The file exists but cannot be read.", ["unreadable": "No se pudo leer el archivo de logs"])),
        ])
}
