import HTTPCore

/// `GET /openapi.json` (public): the module's OpenAPI 3.1 document, embedded at build time
/// (`API/OpenAPI/monitor.openapi.json`, generated into `MonitorOpenAPIDocument` by `scripts/lib/embed-openapi`);
/// `GET /docs`, the HTML reference rendered from that same document by HTTPCore's shared `HTMLReference`; and the
/// HTML landing page that `GET /` gives a browser (`SystemRoutes`). All built once per process.
struct OpenAPIRoutes {
    /// The document's bytes, computed once per process rather than per request.
    static let body: [UInt8] = Array(MonitorOpenAPIDocument.json.utf8)

    /// The HTML reference: every operation of the document, grouped by tag (no script, no external resource).
    static let docs: String = HTMLReference.page(
        language: "es", title: "Ventanilla Monitor: API", heading: "Ventanilla Monitor",
        intro: """
            <p>Errores <code>{"error": "&lt;mensaje&gt;"}</code>. Autenticación: <code>POST /api/auth/login</code> y luego
            <code>Authorization: Bearer &lt;token&gt;</code>. Documento OpenAPI 3.1: <a href="/openapi.json">/openapi.json</a>.</p>
            """,
        items: (try? OpenAPIDocumentReader.operations(body)) ?? [], tag: \.tag, section: HTMLReference.section)

    /// What `GET /` answers a browser (a client that asks for JSON, or for anything, gets the banner of §1).
    static let landing = HTMLReference.landing(
        language: "es", title: "Ventanilla Monitor", heading: "Monitor API",
        links: [("/docs", "Documentación de la API"), ("/openapi.json", "OpenAPI 3.1"), ("/api/health", "Estado")])

    func register(in router: inout Router<MonitorContext>) {
        let body = Self.body
        router.get("/openapi.json") { _, _ in
            var headers = HTTPHeaders()
            headers.add("Content-Type", "application/json; charset=utf-8")
            return Response(status: 200, headers: headers, body: body)
        }
        let docs = Self.docs
        router.get("/docs") { _, _ in .html(docs) }
    }
}
