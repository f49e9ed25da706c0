import HTTPCore

/// `GET /api/v1/health`: 200 `{"status":"ok","database":true}`, or 503 with `database: false`; `GET /openapi.json`,
/// the OpenAPI 3.1 document, and `GET /docs`, the HTML reference, both built once per process from
/// `EgresosAPI.operations`; `GET /`, a landing page that links them.
struct SystemRoutes {
    static let health = EgresosOperation(
        method: .get, path: "/api/v1/health", tag: "System", summary: "Service and database health", access: .open,
        keys: ["status", "database"], returns: "{\"status\": \"ok\", \"database\": true}; 503 with \"unavailable\" and false",
        usesDatabase: false, alsoOn: [503])
    static let openAPI = EgresosOperation(
        method: .get, path: "/openapi.json", tag: "System", summary: "This OpenAPI 3.1 document", access: .open,
        keys: ["openapi", "info", "paths", "components"], returns: "The document", usesDatabase: false)

    static let docs = EgresosOperation(
        method: .get, path: "/docs", tag: "System", summary: "This reference in HTML, generated from the same operations",
        access: .open, returns: "The page", usesDatabase: false, mediaType: "text/html")

    static let landing = EgresosOperation(
        method: .get, path: "/", tag: "System", summary: "A landing page that links this reference, the document and the health check",
        access: .open, returns: "The page", usesDatabase: false, mediaType: "text/html")

    static let operations = [health, openAPI, docs, landing]

    /// What a person who opens the service's address sees.
    static let landingPage = HTMLReference.landing(
        language: "en", title: "Ventanilla Egresos", heading: "Ventanilla Egresos",
        intro: "<p>Expenses and income of Element Studios: a JSON API.</p>",
        links: [("/docs", "API reference"), ("/openapi.json", "OpenAPI 3.1"), ("/api/v1/health", "Health")])

    /// The document as served.
    static let document: [UInt8] = JSONWriter.encode(EgresosOpenAPI.build(EgresosAPI.operations))

    /// The HTML reference, from the same operations.
    static let page: String = HTMLReference.page(
        language: "en", title: "Ventanilla Egresos: API", heading: "Ventanilla Egresos",
        intro: """
            <p>Staff routes take <code>Authorization: Bearer &lt;Auth0 token&gt;</code>; supplier-portal routes the session of
            <code>POST /api/v1/suppliers/session</code>. Errors: <code>{"code": &lt;status&gt;, "message", "errors": [{"code", "fields",
            "message"}]}</code> for validation, <code>{"code": "&lt;code&gt;", "message"}</code> otherwise; Spanish messages,
            English with <code>Accept-Language: en</code>. OpenAPI 3.1 document: <a href="/openapi.json">/openapi.json</a>.</p>
            """,
        items: EgresosAPI.operations.map(EgresosOpenAPI.operation), tag: \.tag, section: HTMLReference.section)

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
        let page = Self.page
        router.add(Self.docs) { _, _ in .html(page) }
        router.add(Self.landing) { _, _ in .html(Self.landingPage) }
    }
}
