import AppCore
import Foundation
import HTTPCore
import Logging
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// The OpenAPI document and the HTML reference: valid, served, and describing exactly the routes the router
/// declares. No database needed.
@Suite("Transporte OpenAPI document")
struct OpenAPITests {
    static func module() throws -> TransporteModule {
        try TransporteModule(settings: ModuleSettings(module: .transporte, values: [
            "TRANSPORTE_JWT_SECRET": "openapi-tests-transporte-secret-0123456789", "UPLOAD_DIR": NSTemporaryDirectory() + "transporte-openapi-tests",
            "LOG_LEVEL": "critical",
        ]))
    }

    /// The document as served at `GET /openapi.json`.
    static func document() throws -> Input { try JSONParser.parse(try get("/openapi.json").body) }

    /// Every operation the router registers, in its documented form (what the document and `/docs` describe).
    static func operations() -> [OpenAPIOperation] {
        var router = Router<TransporteContext>()
        TransporteRoutes.register(in: &router)
        return router.operations
    }

    /// The roles an operation's access names (ADMIN first), read from the note its declaration gives the
    /// description (`Roles: ADMIN, APROBADOR`); nil when any valid token (or none) may call it.
    static func roles(_ operation: OpenAPIOperation) -> [String]? {
        guard let line = operation.description?.split(separator: "\n").last, line.hasPrefix("Roles: ") else { return nil }
        return line.dropFirst("Roles: ".count).split(separator: ", ").map(String.init)
    }

    /// Requests one route of the frozen responder without a database (public routes only).
    static func get(_ path: String) throws -> Response {
        let module = try module()
        let context = TransporteContext(
            logger: Logger(label: "t"),
            persistence: TransportePersistence(connection: MariaDBConnection(configuration: MariaDBConfiguration(socket: "/nonexistent", user: "none"))),
            health: NoHealth(), tokens: module.tokens, environment: module.environment)
        return module.makeResponder().respond(to: Request(method: .get, path: path), context: context)
    }

    struct NoHealth: TransporteHealthRepository { func databaseAnswers() -> Bool { false } }

    @Test("the document is OpenAPI 3.1 with bearer auth and the envelope schemas")
    func structure() throws {
        let document = try Self.document()
        #expect(document["openapi"]?.stringValue?.hasPrefix("3.1") == true)
        #expect(document["components"]?["securitySchemes"]?["bearerAuth"]?["scheme"]?.stringValue == "bearer")
        #expect(document["components"]?["schemas"]?["Error"] != nil)
        let ids = OpenAPIOperations.all(document).compactMap { $0.operation["operationId"]?.stringValue }
        #expect(Set(ids).count == ids.count, "operationId must be unique")
    }

    @Test("the router's routes and the document's operations are the same set")
    func parityWithRouter() throws {
        let routed = OpenAPIOperations.routed(try Self.module().makeResponder().declaredRoutes)
        let documented = Set(OpenAPIOperations.all(try Self.document()).map(\.key))
        let undocumented = routed.subtracting(documented).sorted()
        let unrouted = documented.subtracting(routed).sorted()
        #expect(undocumented.isEmpty, "routed but not documented:\n  \(undocumented.joined(separator: "\n  "))")
        #expect(unrouted.isEmpty, "documented but not routed:\n  \(unrouted.joined(separator: "\n  "))")
    }

    @Test("every path placeholder is a declared path parameter; every $ref resolves")
    func parametersAndReferences() throws {
        let document = try Self.document()
        for (key, _, operation) in OpenAPIOperations.all(document) {
            let path = String(key.split(separator: " ")[1])
            let segments: [Substring] = path.split(separator: "/").filter { $0.hasPrefix("{") }
            let placeholders: [String] = segments.map { String($0.dropFirst().dropLast()) }
            var parameters: [Input] = []
            if case .array(let items)? = operation["parameters"] { parameters = items }
            let declared: [String] = parameters.filter { $0["in"]?.stringValue == "path" }.compactMap { $0["name"]?.stringValue }
            #expect(placeholders == declared, "\(key)")
        }
        let references = OpenAPIOperations.references(document)
        #expect(!references.isEmpty)
        for reference in Set(references) {
            #expect(OpenAPIOperations.resolves(reference, in: document), "unresolved \(reference)")
        }
    }

    @Test("GET /openapi.json, /docs and / are served without a token")
    func served() throws {
        let json = try Self.get("/openapi.json")
        #expect(json.status == 200 && json.headers["Content-Type"]?.hasPrefix("application/json") == true)
        #expect(try JSONParser.parse(json.body)["paths"]?["/mision/{id}/asignar"] != nil)
        let docs = try Self.get("/docs")
        let page = String(decoding: docs.body, as: UTF8.self)
        #expect(docs.status == 200 && page.contains("<code>/auth/login</code>") && page.contains("/openapi.json"))
        // A Spanish page (lang="es") labels its tables in Spanish, not in the shared renderer's English.
        #expect(page.contains("<th>campo</th><th>esquema</th><th>obligatorio</th>") && !page.contains("<th>field</th>"))
        #expect(page.contains("; errores: ") && !page.contains("; errors: "))
        let landing = try Self.get("/")
        #expect(landing.status == 200 && String(decoding: landing.body, as: UTF8.self).contains("href=\"/docs\""))
        // No /favicon.ico request from a browser (a JSON 404 there is a console error; the browser tier saw it).
        #expect(String(decoding: landing.body, as: UTF8.self).contains(HTMLReference.noFavicon))
    }
}
