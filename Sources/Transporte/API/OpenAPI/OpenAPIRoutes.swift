import HTTPCore

/// `GET /` (the landing page, T10), `GET /docs` (the HTML reference) and `GET /openapi.json`, all public: the
/// document and the reference are built once per responder from the operations every feature registered before
/// (`Router.operations`), so they describe exactly the routes the router serves. Registered last; its own three
/// operations come first in the document.
struct OpenAPIRoutes {
    static let landing = HTMLReference.landing(
        language: "es", title: "Ventanilla Transporte", heading: "Bienvenido al backend de Transporte (Solicitud)",
        links: [("/docs", "Documentación de la API"), ("/openapi.json", "OpenAPI 3.1"), ("/root", "Estado")])

    static let root = APIOperation(method: .get, path: "/", tag: "Sistema", summary: "Página de inicio con enlaces a la documentación",
                                   access: .open, success: (200, "Página HTML"), media: .html)
    static let docsPage = APIOperation(method: .get, path: "/docs", tag: "Sistema",
                                       summary: "Referencia de la API en HTML (generada del documento OpenAPI)",
                                       access: .open, success: (200, "Página HTML"), media: .html)
    static let openAPIDocument = APIOperation(method: .get, path: "/openapi.json", tag: "Sistema", summary: "Este documento OpenAPI 3.1",
                                              access: .open, success: (200, "El documento"), media: .document)

    /// The HTML reference of `operations`, grouped by tag (no script, no external resource).
    static func docs(_ operations: [OpenAPIOperation]) -> String {
        HTMLReference.page(
            language: "es", title: "Ventanilla Transporte: API", heading: "Ventanilla Transporte",
            intro: """
                <p>Respuestas <code>{"success", "message", "data"}</code>; errores <code>{"success": false, "message", "data": null,
                "errors": [{"field", "message"}]}</code>. Autenticación: <code>POST /auth/login</code> y luego
                <code>Authorization: Bearer &lt;access_token&gt;</code>. Documento OpenAPI 3.1: <a href="/openapi.json">/openapi.json</a>.</p>
                """,
            items: operations, tag: \.tag, section: { HTMLReference.section($0, labels: .spanish) })
    }

    func register(in router: inout Router<TransporteContext>) {
        let own = [Self.root, Self.docsPage, Self.openAPIDocument].map(\.spec)
        let operations = own.map(\.openAPI) + router.operations
        let document = JSONWriter.encode(OpenAPIDocument.build(operations))
        let docs = Self.docs(operations)
        router.add(own[0]) { _, _ in .html(Self.landing) }
        router.add(own[1]) { _, _ in .html(docs) }
        router.add(own[2]) { _, _ in
            var headers = HTTPHeaders()
            headers.add("Content-Type", "application/json; charset=utf-8")
            return Response(status: 200, headers: headers, body: document)
        }
    }
}
