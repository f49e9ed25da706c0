import AppCore
import HTTPCore

/// `GET /`, `GET /discovery` and `GET /api/health` (monitor.md §1, §4.3). `GET /` keeps the original's JSON
/// banner for API clients and gives a browser (`Accept` preferring `text/html`) the landing page with the links to
/// the reference (issue 12 §2); the document lists both media types.
struct SystemRoutes {
    func register(in router: inout Router<MonitorContext>) {
        let landing = OpenAPIRoutes.landing
        router.add(SystemOperations.getRoot) { request, _ in
            if request.prefersHTML { return .html(landing) }
            return .json(.object([("nombre", .string("Monitor API")), ("estado", .string("OK"))]))
        }
        router.add(SystemOperations.getDiscovery) { _, _ in
            .json(.object([("nombre", .string("Monitor API")),
                           ("ips", .array(SystemStats.externalIPv4Addresses().map(JSONValue.string)))]))
        }
        router.add(SystemOperations.getHealth) { request, context in
            Self.health(request: request, context: context, evidenceDirectory: context.environment.evidenceDirectory)
        }
    }

    /// Always 200; `database` says whether the database answered (monitor.md §4.3).
    static func health(request: Request, context: MonitorContext, evidenceDirectory: String) -> Response {
        let database = context.health.databaseAnswers()
        let gigabyte = 1_000_000_000.0
        let disk = SystemStats.disk(at: evidenceDirectory) ?? SystemStats.disk(at: ".")
        // Evidence files and their bytes, every folder walked (not the top-level folders and their directory sizes).
        let evidence = SystemStats.fileSummary(under: evidenceDirectory) ?? (0, 0)
        let megabyte = 1024.0 * 1024.0
        return .json(.object([
            ("ip", .string(request.clientAddress)),
            ("backend", .bool(true)),
            ("database", .bool(database)),
            ("disco", .object([
                ("libre_GB", .string(disk.map { SystemStats.oneDecimal(Double($0.free) / gigabyte) } ?? "0")),
                ("usado_GB", .string(disk.map { SystemStats.oneDecimal(Double($0.used) / gigabyte) } ?? "0")),
                ("total_GB", .string(disk.map { SystemStats.oneDecimal(Double($0.total) / gigabyte) } ?? "0")),
            ])),
            ("evidencias", .object([
                ("archivos", .integer(evidence.files)),
                ("tamaño_MB", .string(SystemStats.oneDecimal(Double(evidence.bytes) / megabyte))),
            ])),
            ("expedientes", .integer(database ? context.health.expedienteCount() : 0)),
            ("ram", .object([
                ("usada_MB", .integer(SystemStats.residentBytes() / 1_048_576)),
                ("total_MB", .integer(SystemStats.physicalMemoryBytes() / 1_048_576)),
            ])),
        ]))
    }
}
