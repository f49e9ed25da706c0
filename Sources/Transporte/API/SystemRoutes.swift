import HTTPCore

/// `GET /root`, the health check (transporte.md §1.7, in the T1 envelope).
struct SystemRoutes {
    static let serviceName = "API Solicitud de Transporte"
    static let version = "1.0.0"

    static let getRoot = APIOperation(method: .get, path: "/root", tag: "Sistema", summary: "Estado del servicio y de la base de datos",
                                      access: .open, success: (200, "API funcionando correctamente"),
                                      data: OpenAPISchema.record(["servicio", "version", "database"]), errors: [503])

    func register(in router: inout Router<TransporteContext>) {
        router.add(Self.getRoot.spec) { _, context in
            // T1: every error is the envelope with `data: null`, this one too.
            guard context.health.databaseAnswers() else {
                return Envelope.failure(TransporteError(status: 503, "Base de datos no disponible"))
            }
            return Envelope.success("API funcionando correctamente", data: .object([
                ("servicio", .string(Self.serviceName)), ("version", .string(Self.version)), ("database", .bool(true)),
            ]))
        }
    }
}
