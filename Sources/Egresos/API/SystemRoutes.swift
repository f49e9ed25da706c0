import HTTPCore

/// `GET /api/v1/health`: 200 `{"status":"ok","database":true}`, or 503 with `database: false`.
struct SystemRoutes {
    func register(in router: inout Router<EgresosContext>) {
        router.get("/api/v1/health") { _, context in
            let database = context.health.databaseAnswers()
            return .json(.object([("status", .string(database ? "ok" : "unavailable")), ("database", .bool(database))]),
                         status: database ? 200 : 503)
        }
    }
}
