import HTTPCore

/// `GET /api/v1/health`: 200 `{"status":"ok","database":true}`, or 503 with `database: false`; and
/// `GET /openapi.json`, the OpenAPI 3.1 document built once per process from `EgresosAPI.operations`.
struct SystemRoutes {
    static let health = EgresosOperation(
        method: .get, path: "/api/v1/health", tag: "System", summary: "Service and database health", access: .open,
        keys: ["status", "database"], returns: "{\"status\": \"ok\", \"database\": true}; 503 with \"unavailable\" and false",
        usesDatabase: false, alsoOn: [503])
    static let openAPI = EgresosOperation(
        method: .get, path: "/openapi.json", tag: "System", summary: "This OpenAPI 3.1 document", access: .open,
        keys: ["openapi", "info", "paths", "components"], returns: "The document", usesDatabase: false)

    static let operations = [health, openAPI]

    /// The document as served.
    static let document: [UInt8] = JSONWriter.encode(EgresosOpenAPI.build(EgresosAPI.operations))

    func register(in router: inout Router<EgresosContext>) {
        router.add(Self.health) { _, context in
            let database = context.health.databaseAnswers()
            return .json(.object([("status", .string(database ? "ok" : "unavailable")), ("database", .bool(database))]),
                         status: database ? 200 : 503)
        }
        let document = Self.document
        router.add(Self.openAPI) { _, _ in
            var headers = HTTPHeaders()
            headers.add("Content-Type", "application/json; charset=utf-8")
            return Response(status: 200, headers: headers, body: document)
        }
    }
}
