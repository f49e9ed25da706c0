import AppCore
import HTTPCore

/// `/api/diagnostico` (monitor.md §4.13): the status checks' last run, and three readings made when asked.
struct DiagnosticoRoutes {
    func register(in router: inout Router<MonitorContext>) {
        router.add(DiagnosticoOperations.getChecks) { _, context in
            let latest = context.environment.statusChecks.latest
            return .json(.object([
                ("ultimaEjecucion", latest.lastRun.map { .string(ISO8601.format(utcMilliseconds: $0)) } ?? .null),
                ("checks", .array(latest.checks.map { check in
                    .object([("nombre", .string(check.nombre)), ("ok", .bool(check.ok)),
                             ("timestamp", .string(ISO8601.format(utcMilliseconds: check.timestamp)))])
                })),
            ]))
        }
        router.add(DiagnosticoOperations.getSyncPendientes) { _, context in
            let count = try context.reading("No se pudo consultar expedientes pendientes") {
                try context.persistence.diagnostico.pendingSyncCount()
            }
            return .json(.object([("pendientes", .integer(count))]))
        }
        router.add(DiagnosticoOperations.getHistorialReciente) { _, context in
            .json(.array(try context.reading("No se pudo consultar el historial") {
                try context.persistence.diagnostico.recentHistorial(limit: 20)
            }))
        }
        router.add(DiagnosticoOperations.getUptime) { _, context in
            .json(.array(try context.reading("No se pudo leer el historial de uptime") {
                try context.environment.uptimeLog?.lastLines(20).map(JSONValue.string) ?? []
            }))
        }
    }
}
