import HTTPCore

/// `GET /` (the landing page, T10), `GET /docs` (the HTML reference) and `GET /openapi.json`, all public and
/// generated once per process from `TransporteAPI.operations`.
struct OpenAPIRoutes {
    static let document: [UInt8] = JSONWriter.encode(OpenAPIDocument.build(TransporteAPI.operations))
    static let docs: String = DocsPage.html(TransporteAPI.operations)
    static let landing = HTMLReference.landing(
        language: "es", title: "Ventanilla Transporte", heading: "Bienvenido al backend de Transporte (Solicitud)",
        links: [("/docs", "Documentación de la API"), ("/openapi.json", "OpenAPI 3.1"), ("/root", "Estado")])

    static let operations = [
        APIOperation(method: .get, path: "/", tag: "Sistema", summary: "Página de inicio con enlaces a la documentación",
                     access: .open, success: (200, "Página HTML"), media: .html),
        APIOperation(method: .get, path: "/docs", tag: "Sistema", summary: "Referencia de la API en HTML (generada del documento OpenAPI)",
                     access: .open, success: (200, "Página HTML"), media: .html),
        APIOperation(method: .get, path: "/openapi.json", tag: "Sistema", summary: "Este documento OpenAPI 3.1",
                     access: .open, success: (200, "El documento"), media: .document),
    ]

    func register(in router: inout Router<TransporteContext>) {
        let document = Self.document
        let docs = Self.docs
        router.get("/") { _, _ in .html(Self.landing) }
        router.get("/docs") { _, _ in .html(docs) }
        router.get("/openapi.json") { _, _ in
            var headers = HTTPHeaders()
            headers.add("Content-Type", "application/json; charset=utf-8")
            return Response(status: 200, headers: headers, body: document)
        }
    }
}
