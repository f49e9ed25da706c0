import HTTPCore

/// `GET /openapi.json` (public): the module's OpenAPI 3.1 document, embedded at build time
/// (`API/OpenAPI/monitor.openapi.json`, generated into `MonitorOpenAPIDocument` by `scripts/lib/embed-openapi`).
struct OpenAPIRoutes {
    /// The document's bytes, computed once per process rather than per request.
    static let body: [UInt8] = Array(MonitorOpenAPIDocument.json.utf8)

    func register(in router: inout Router<MonitorContext>) {
        let body = Self.body
        router.get("/openapi.json") { _, _ in
            var headers = HTTPHeaders()
            headers.add("Content-Type", "application/json; charset=utf-8")
            return Response(status: 200, headers: headers, body: body)
        }
    }
}
