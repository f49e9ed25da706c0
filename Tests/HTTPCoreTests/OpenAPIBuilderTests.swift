import Testing
@testable import HTTPCore

/// The shared OpenAPI builder: what any module's document gets from it.
@Suite("OpenAPIBuilder")
struct OpenAPIBuilderTests {
    static let operations = [
        OpenAPIOperation(method: .get, path: "/items", tag: "Items", summary: "list", security: [],
                         responses: [(200, OpenAPIBuilder.jsonResponse("the items", schema: .object([])))]),
        OpenAPIOperation(method: .get, path: "/items/{item_id}", tag: "Items", summary: "one",
                         parameters: [.init(name: "item_id", location: "path", schema: .object([("type", .string("integer"))]))],
                         responses: [(200, .object([("description", .string("one"))])), (404, OpenAPIBuilder.errorReference(404))]),
        OpenAPIOperation(method: .post, path: "/items", tag: "Items", summary: "create", security: ["admin"],
                         parameters: [.init(name: "dry-run", location: "query", schema: .object([]))],
                         requestBody: (true, [("application/json", .object([("type", .string("object"))]))]),
                         responses: [(201, .object([("description", .string("made"))]))], extensions: [("x-roles", .array([]))]),
    ]

    static func document() throws -> Input {
        try JSONParser.parse(JSONWriter.encode(OpenAPIBuilder.document(
            info: .init(title: "T", version: "1", description: "d"), security: ["user"], operations: operations,
            components: OpenAPIBuilder.components(securitySchemes: [("user", OpenAPIBuilder.bearerScheme())], schemas: [],
                                                  responses: [("Error404", .object([("description", .string("gone"))]))]),
            placeholderWord: "by")))
    }

    @Test("operations on one path share its path item, in first-seen order")
    func grouping() throws {
        let paths = try #require(try Self.document()["paths"]?.objectValue)
        #expect(paths.members.map(\.key) == ["/items", "/items/{item_id}"])
        #expect(paths["/items"]?.objectValue?.members.map(\.key) == ["get", "post"])
    }

    @Test("operation ids: method, then capitalised words split on - and _, placeholders after the given word")
    func operationIDs() {
        #expect(OpenAPIBuilder.operationID(.get, "/api/v1/users/{user_id}", placeholderWord: "by") == "getApiV1UsersByUserId")
        #expect(OpenAPIBuilder.operationID(.post, "/solicitud/{id}/aprobar", placeholderWord: "por") == "postSolicitudPorIdAprobar")
        #expect(OpenAPIBuilder.operationID(.get, "/tipo-prioridad", placeholderWord: "por") == "getTipoPrioridad")
    }

    @Test("security: nil inherits the document's, [] is public, names are alternatives; parameters, body, extensions")
    func members() throws {
        let document = try Self.document()
        #expect(document["security"] == .array([.object(InputObject([("user", .array([]))]))]))
        let list = try #require(document["paths"]?["/items"]?["get"])
        #expect(list["security"] == .array([]))
        let one = try #require(document["paths"]?["/items/{item_id}"]?["get"])
        #expect(one["security"] == nil)
        #expect(one["parameters"] == .array([.object(InputObject([
            ("name", .string("item_id")), ("in", .string("path")), ("schema", .object(InputObject([("type", .string("integer"))]))),
            ("required", .bool(true)),
        ]))]))
        #expect(one["responses"]?["404"]?["$ref"]?.stringValue == "#/components/responses/Error404")
        let create = try #require(document["paths"]?["/items"]?["post"])
        #expect(create["security"] == .array([.object(InputObject([("admin", .array([]))]))]))
        #expect(create["parameters"]?.arrayValue?.first?["required"] == nil, "query parameters are optional by default")
        #expect(create["requestBody"]?["required"] == .bool(true))
        #expect(create["requestBody"]?["content"]?["application/json"]?["schema"]?["type"]?.stringValue == "object")
        #expect(create["x-roles"] == .array([]))
        #expect(create["operationId"]?.stringValue == "postItems")
    }

    @Test("the HTML reference groups by tag, escapes, and lists body fields with their constraints")
    func htmlReference() {
        let operation = OpenAPIOperation(
            method: .post, path: "/items", tag: "Items", summary: "create <b>",
            requestBody: (true, [("application/json", .object([
                ("type", .string("object")), ("required", .array([.string("name")])),
                ("properties", .object([("name", .object([("type", .string("string")), ("minLength", .int(1)), ("maxLength", .int(20))]))])),
            ]))]),
            responses: [(201, .object([("description", .string("made"))])), (409, OpenAPIBuilder.errorReference(409))])
        let page = HTMLReference.page(language: "en", title: "T & U", heading: "H", intro: "<p>i</p>", items: [operation],
                                      tag: \.tag, section: HTMLReference.section)
        #expect(page.contains("<title>T &amp; U</title>") && page.contains("<h2>Items</h2>") && page.contains("create &lt;b&gt;"))
        #expect(page.contains("<td><code>name</code></td><td>string; 1–20 characters</td><td>yes</td>"))
        #expect(page.contains("201 made; errors: 409"))
    }
}

private extension Input {
    var arrayValue: [Input]? {
        if case .array(let items) = self { return items }
        return nil
    }
}
