import HTTPCore

/// `GET /openapi.json` and `GET /docs` (public): the module's OpenAPI 3.1 document and its HTML reference, both
/// built from the operations every feature registered before (`Router.operations`), once per responder; and the
/// HTML landing page that `GET /` gives a browser (`SystemRoutes`). Registered last, so they see every route.
struct OpenAPIRoutes {
    /// What `GET /` answers a browser (a client that asks for JSON, or for anything, gets the banner of §1).
    static let landing = HTMLReference.landing(
        language: "es", title: "Ventanilla Monitor", heading: "Monitor API",
        links: [("/docs", "Documentación de la API"), ("/openapi.json", "OpenAPI 3.1"), ("/api/health", "Estado")])

    /// The HTML reference of `operations`, grouped by tag (no script, no external resource).
    static func docs(_ operations: [OpenAPIOperation]) -> String {
        HTMLReference.page(
            language: "es", title: "Ventanilla Monitor: API", heading: "Ventanilla Monitor",
            intro: """
                <p>Errores <code>{"error": "&lt;mensaje&gt;"}</code>. Autenticación: <code>POST /api/auth/login</code> y luego
                <code>Authorization: Bearer &lt;token&gt;</code>. Documento OpenAPI 3.1: <a href="/openapi.json">/openapi.json</a>.</p>
                """,
            items: operations, tag: \.tag, section: HTMLReference.section)
    }

    func register(in router: inout Router<MonitorContext>) {
        let operations = router.operations + [SystemOperations.getDocs.openAPI, SystemOperations.getOpenAPIDocument.openAPI]
        let document = JSONWriter.encode(MonitorOpenAPI.document(operations))
        let docs = Self.docs(operations)
        router.add(SystemOperations.getDocs) { _, _ in .html(docs) }
        router.add(SystemOperations.getOpenAPIDocument) { _, _ in
            var headers = HTTPHeaders()
            headers.add("Content-Type", "application/json; charset=utf-8")
            return Response(status: 200, headers: headers, body: document)
        }
    }
}
