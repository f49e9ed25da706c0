import HTTPCore
import Testing

/// One declaration per route: `Router.add` registers it with its access middleware, keeps its documented form,
/// and the HTML reference renders from that form; also `prefersHTML`.
@Suite("OperationSpec, Router.add and the HTML reference")
struct OperationSpecTests {
    /// Stops every request with a 401 body, as an auth middleware would without a token.
    struct Deny: Middleware {
        func handle(_ request: Request, context: TestContext, next: Next<TestContext>) throws -> Response {
            .json(.object([("error", .string("denied"))]), status: 401)
        }
    }

    static let open = OperationAccess<TestContext>(security: [], middleware: [], note: "Public.")
    static let guarded = OperationAccess<TestContext>(security: ["bearer"], middleware: [Deny()], note: "Needs a token.",
                                                      responses: [(401, ["$ref": "#/components/responses/Unauthorized"])])

    static let change = OperationSpec<TestContext>(
        method: .put, path: "/items/{id}", tag: "Items", summary: "Change <an> item", description: "Partial.", operationID: "changeItem",
        access: guarded,
        parameters: [.init(name: "id", location: "path", schema: ["type": "integer", "minimum": 1])],
        requestBody: (true, [("application/json", ["type": "object", "required": ["name"],
                                                   "properties": ["name": ["type": "string", "maxLength": 5]]])]),
        requestExample: ["name": "pen"],
        responses: [(404, ["description": "No such item."]), (200, ["description": "Changed."])])
    static let read = OperationSpec<TestContext>(
        method: .get, path: "/things/{id}", tag: "Other", summary: "Read", access: open,
        parameters: [.init(name: "id", location: "path", schema: ["type": "integer"])],
        responses: [(200, ["description": "The item."])], digitsOnlyParameters: true)

    static func router() -> Router<TestContext> {
        var router = Router<TestContext>()
        router.add(change) { request, _ in .json(.string(request.parameter("id"))) }
        router.add(read) { request, _ in .json(.string(request.parameter("id"))) }
        return router
    }

    @Test("the router path comes from the OpenAPI path; the access middleware runs; digits-only when asked")
    func routes() {
        let router = Self.router()
        #expect(router.declaredRoutes.map { "\($0.method) \($0.path)" } == ["PUT /items/:id", "GET /things/:id(int)"])
        let responder = router.freeze(errors: TestErrorRenderer())
        #expect(responder.respond(to: Request(method: .put, path: "/items/7"), context: TestContext()).status == 401)
        let read = responder.respond(to: Request(method: .get, path: "/things/42"), context: TestContext())
        #expect(read.status == 200 && read.text == #""42""#)
        #expect(responder.respond(to: Request(method: .get, path: "/things/abc"), context: TestContext()).status == 404)
    }

    @Test("the documented form: access security, note and implied responses, sorted by status; id and example kept")
    func documented() throws {
        let operations = Self.router().operations
        #expect(operations.map { "\($0.method) \($0.path)" } == ["PUT /items/{id}", "GET /things/{id}"])
        let put = operations[0]
        #expect(put.security == ["bearer"] && put.description == "Partial.\n\nNeeds a token.")
        #expect(put.responses.map(\.status) == [200, 401, 404])
        #expect(operations[1].security == [] && operations[1].description == "Public.")
        let document = try JSONParser.parse(JSONWriter.encode(OpenAPIBuilder.document(
            info: .init(title: "T", version: "1", description: "d", summary: "s"), tags: [("Items", "The items.")],
            operations: operations, components: OpenAPIBuilder.components(securitySchemes: [], schemas: [], responses: []),
            placeholderWord: "by")))
        let change = document["paths"]?["/items/{id}"]?["put"]
        #expect(change?["operationId"]?.stringValue == "changeItem")
        #expect(document["paths"]?["/things/{id}"]?["get"]?["operationId"]?.stringValue == "getThingsById")
        #expect(change?["requestBody"]?["content"]?["application/json"]?["example"]?["name"]?.stringValue == "pen")
        #expect(document["info"]?["summary"]?.stringValue == "s")
        guard case .array(let tags)? = document["tags"] else { Issue.record("no tags"); return }
        #expect(tags.first?["description"]?.stringValue == "The items.")
    }

    @Test("the HTML reference renders the documented operations, grouped by tag, escaped")
    func page() {
        let page = HTMLReference.page(language: "en", title: "T", heading: "H", intro: "", items: Self.router().operations,
                                      tag: \.tag, section: HTMLReference.section)
        #expect(page.contains("<td><code>name</code></td><td>string; ≤ 5 characters</td><td>yes</td>"))
        #expect(page.contains("Change &lt;an&gt; item") && page.contains("200 Changed."))
        #expect(page.contains("<h2>Items</h2>") && page.contains("<h2>Other</h2>") && page.contains(HTMLReference.noFavicon))
    }

    @Test("prefersHTML: a browser's Accept, not a wildcard, a missing header or JSON first")
    func prefersHTML() {
        func request(_ accept: String?) -> Request {
            var headers = HTTPHeaders()
            if let accept { headers.add("Accept", accept) }
            return Request(method: .get, path: "/", headers: headers)
        }
        #expect(request("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").prefersHTML)
        #expect(request("application/json;q=0.5, text/html").prefersHTML)
        for accept in [nil, "*/*", "application/json", "text/html;q=0.4, application/json", "text/html;q=0", "text/*"] {
            #expect(!request(accept).prefersHTML, "\(accept ?? "none")")
        }
    }
}
