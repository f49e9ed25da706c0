import HTTPCore
import Testing

/// The HTML reference rendered from a JSON OpenAPI document (Monitor's is kept by hand), and `prefersHTML`.
@Suite("OpenAPIDocumentReader and the HTML reference from a JSON document")
struct OpenAPIDocumentReaderTests {
    static let document = #"""
        {"openapi": "3.1.0", "paths": {
          "/items/{id}": {
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer", "minimum": 1}}],
            "put": {"tags": ["Items"], "summary": "Change <an> item", "security": [{"bearer": []}],
                    "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Item"}}}},
                    "responses": {"200": {"$ref": "#/components/responses/Done"}, "404": {"description": "No such item."}}},
            "get": {"tags": ["Items"], "summary": "Read", "security": [],
                    "parameters": [{"name": "full", "in": "query", "schema": {"type": "boolean"}}],
                    "responses": {"200": {"description": "The item."}}}
          },
          "/a~1b": {"get": {"tags": ["Other"], "summary": "Escaped", "responses": {"204": {"description": "Nothing."}}}}
        },
        "components": {
          "schemas": {"Item": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string", "maxLength": 5},
                                                                                       "self": {"$ref": "#/components/schemas/Item"}}}},
          "responses": {"Done": {"description": "Changed."}}
        }}
        """#

    @Test("operations in document order, path parameters merged, $refs resolved, security names read")
    func reads() throws {
        let operations = try OpenAPIDocumentReader.operations(Array(Self.document.utf8))
        #expect(operations.map { "\($0.method) \($0.path)" } == ["PUT /items/{id}", "GET /items/{id}", "GET /a~1b"])
        let put = operations[0]
        #expect(put.tag == "Items" && put.summary == "Change <an> item" && put.security == ["bearer"])
        #expect(put.parameters.map(\.name) == ["id"] && put.parameters[0].required)
        #expect(put.requestBody?.required == true && put.requestBody?.content.first?.mediaType == "application/json")
        #expect(put.responses.map(\.status) == [200, 404])
        #expect(put.responses[0].response == .object([("description", .string("Changed."))]))
        #expect(operations[1].parameters.map(\.name) == ["id", "full"] && operations[1].security == [])
        let page = HTMLReference.page(language: "en", title: "T", heading: "H", intro: "", items: operations, tag: \.tag,
                                      section: HTMLReference.section)
        #expect(page.contains("<td><code>name</code></td><td>string; ≤ 5 characters</td><td>yes</td>"))
        #expect(page.contains("Change &lt;an&gt; item") && page.contains("200 Changed."))
        #expect(page.contains("<h2>Items</h2>") && page.contains("<h2>Other</h2>") && page.contains(HTMLReference.noFavicon))
        #expect(throws: (any Error).self) { try OpenAPIDocumentReader.operations(Array("{".utf8)) }
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
