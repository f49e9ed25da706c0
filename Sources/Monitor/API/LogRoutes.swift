import AppCore
import HTTPCore

/// `GET /api/logs` and `GET /api/logs/download` (monitor.md §4.12): the application log file of ruling M15.
struct LogRoutes {
    /// Lines returned when `limite` is absent or not a positive integer.
    static let defaultLimit = 150

    func register(in router: inout Router<MonitorContext>) {
        router.add(LogOperations.listLogs) { request, context in
            let limit = request.query["limite"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? Self.defaultLimit
            guard let file = context.environment.logFile else { return .json(.array([])) }
            return .json(.array(try context.reading(Self.unreadable) { try file.lastLines(limit).map(JSONValue.string) }))
        }
        router.add(LogOperations.downloadLogs) { _, context in
            guard let bytes = try context.reading(Self.unreadable, { try context.environment.logFile?.contents() }) else {
                throw MonitorError(status: 404, "No hay archivo de logs")
            }
            var headers = HTTPHeaders()
            headers.add("Content-Type", "text/plain; charset=utf-8")
            headers.add("Content-Disposition", "attachment; filename=\"app.log\"")
            headers.add("Cache-Control", "no-store")
            return Response(status: 200, headers: headers, body: bytes)
        }
    }

    private static let unreadable = "No se pudo leer el archivo de logs"
}
