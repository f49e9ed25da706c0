import HTTPCore
import Testing

@Suite("Router: matching, precedence, parameters, 404 vs 405")
struct RouterTests {
    /// A responder whose handlers answer with the route they were declared as, plus the parameters.
    static func makeResponder() -> Responder<TestContext> {
        var router = Router<TestContext>()
        func echo(_ name: String) -> Router<TestContext>.Handler {
            { request, _ in
                let parameters = request.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                return .json(.string(([name] + parameters).joined(separator: " ")))
            }
        }
        router.get("/api/expedientes", handler: echo("list"))
        router.get("/api/expedientes/pendientes", handler: echo("pendientes"))
        router.get("/api/expedientes/:no_siniestro", handler: echo("get"))
        router.put("/api/expedientes/:no_siniestro", handler: echo("put"))
        router.patch("/api/expedientes/:no_siniestro/estado", handler: echo("estado"))
        router.get("/suppliers/billing", handler: echo("billing"))
        router.put("/suppliers/:id(int)", handler: echo("supplier"))
        router.get("/a/:x/c", handler: echo("axc"))
        router.get("/a/b/d", handler: echo("abd"))
        router.group("/v1") { router in
            router.get("/health", handler: echo("health"))
        }
        return router.freeze(errors: TestErrorRenderer())
    }

    let responder = RouterTests.makeResponder()

    func call(_ method: HTTPMethod, _ path: String) -> Response {
        responder.respond(to: Request(method: method, path: path), context: TestContext())
    }

    @Test("a literal route answers", arguments: ["/api/expedientes", "/api/expedientes/", "//api//expedientes"])
    func literal(path: String) {
        #expect(call(.get, path).text == #""list""#)
    }

    @Test("a literal segment beats a parameter")
    func literalBeatsParameter() {
        #expect(call(.get, "/api/expedientes/pendientes").text == #""pendientes""#)
        #expect(call(.get, "/api/expedientes/SIN-1").text == #""get no_siniestro=SIN-1""#)
    }

    @Test("a literal path owns its methods: another method is a 405 there, not the parameter route")
    func literalPathOwnsMethods() {
        let response = call(.put, "/suppliers/billing")
        #expect(response.status == 405)
        #expect(call(.put, "/suppliers/42").text == #""supplier id=42""#)
    }

    @Test("a digits-only parameter does not match other text")
    func digitsOnly() {
        #expect(call(.put, "/suppliers/4x").status == 404)
    }

    @Test("when the literal branch dead-ends, the parameter branch is tried")
    func backtracking() {
        #expect(call(.get, "/a/b/c").text == #""axc x=b""#)
        #expect(call(.get, "/a/b/d").text == #""abd""#)
    }

    @Test("parameters keep decoded text, including spaces and non-ASCII")
    func parameterText() {
        #expect(call(.get, "/api/expedientes/Año 2026").text == #""get no_siniestro=Año 2026""#)
    }

    @Test("a known path with another method is a 405 listing the allowed methods")
    func methodNotAllowed() {
        let response = call(.delete, "/api/expedientes/X")
        #expect(response.status == 405)
        #expect(response.text == #"{"error":"methodNotAllowed","allowed":["GET","PUT"]}"#)
    }

    @Test("an unknown path is a 404", arguments: ["/", "/api", "/api/expedientes/X/otra", "/nope", "/api/expedientes/X/estado/extra"])
    func notFound(path: String) {
        #expect(call(.get, path).status == 404)
    }

    @Test("HEAD is served by the GET route without a body")
    func head() {
        let response = call(.head, "/api/expedientes")
        #expect(response.status == 200)
        #expect(response.body.isEmpty)
    }

    @Test("groups prefix their routes")
    func groups() {
        #expect(call(.get, "/v1/health").text == #""health""#)
        #expect(call(.get, "/health").status == 404)
    }

    @Test("declared routes are listed for documentation checks")
    func declaredRoutes() {
        let routes = responder.declaredRoutes.map { "\($0.method) \($0.path)" }
        #expect(routes.contains("PATCH /api/expedientes/:no_siniestro/estado"))
        #expect(routes.contains("GET /v1/health"))
        #expect(routes.count == 10)
    }
}
