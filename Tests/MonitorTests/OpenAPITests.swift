import AppCore
import Foundation
import HTTPCore
import Logging
import MariaDB
import TestSupport
import Testing
@testable import Monitor

/// The OpenAPI document, built from the operations the router registered (`Router.add`): valid, served, and
/// describing exactly the routes the router declares, with request bodies from the routes' own `FieldSpec`s.
/// No database needed.
@Suite("Monitor OpenAPI document")
struct OpenAPITests {
    /// The module with the minimum settings; its responder is never asked to reach the database here.
    static func module() throws -> MonitorModule {
        try MonitorModule(settings: ModuleSettings(module: .monitor, values: [
            "MONITOR_JWT_SECRET": "openapi-tests-monitor-secret-0123456789", "UPLOAD_DIR": NSTemporaryDirectory() + "monitor-openapi-tests",
            "LOG_LEVEL": "critical",
        ]))
    }

    /// The document as `GET /openapi.json` serves it.
    static func document() throws -> Input {
        try JSONParser.parse(try served().body)
    }

    /// `GET /openapi.json`, answered by a responder whose database is never opened.
    static func served() throws -> Response {
        let module = try module()
        let connection = MariaDBConnection(configuration: MariaDBConfiguration(socket: "/nonexistent/openapi-tests.sock", user: "none"))
        let context = module.makeContext(connection: connection, logger: Logger(label: "test"))
        return module.makeResponder().respond(to: Request(method: .get, path: "/openapi.json"), context: context)
    }

    /// The `{name}` placeholders of a templated path.
    static func placeholders(_ path: String) -> [String] {
        path.split(separator: "/").compactMap { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? String(segment.dropFirst().dropLast()) : nil
        }
    }

    @Test("the document is JSON and declares OpenAPI 3.1")
    func parsesAsOpenAPI31() throws {
        let document = try Self.document()
        let version = try #require(document["openapi"]?.stringValue)
        #expect(version.hasPrefix("3.1"), "openapi is \(version)")
        #expect(document["info"]?["title"]?.stringValue != nil)
        #expect(document["paths"]?.objectValue?.isEmpty == false)
        #expect(document["components"]?["securitySchemes"]?["bearerAuth"]?["scheme"]?.stringValue == "bearer")
    }

    @Test("the router's routes and the document's operations are the same set")
    func parityWithRouter() throws {
        let responder = try Self.module().makeResponder()
        let routed = OpenAPIOperations.routed(responder.declaredRoutes)
        let documented = Set(OpenAPIOperations.all(try Self.document()).map(\.key))
        let undocumented = routed.subtracting(documented).sorted()
        let unrouted = documented.subtracting(routed).sorted()
        #expect(undocumented.isEmpty, "routed but not declared with Router.add (so undocumented):\n  \(undocumented.joined(separator: "\n  "))")
        #expect(unrouted.isEmpty, "documented but not routed:\n  \(unrouted.joined(separator: "\n  "))")
    }

    @Test("request bodies are the routes' FieldSpecs: the same keys, lengths and the keys the service requires")
    func bodiesComeFromFieldSpecs() throws {
        let paths = try #require(try Self.document()["paths"])
        func body(_ path: String, _ method: String) -> Input? {
            paths[path]?[method]?["requestBody"]?["content"]?["application/json"]?["schema"]
        }
        let update = try #require(body("/api/expedientes/{no_siniestro}", "put"))
        #expect(update["properties"]?.objectValue?.keys == ExpedienteFields.writable.map(\.name))
        #expect(update["properties"]?["placas"]?["maxLength"] == .number("255"))
        #expect(update["required"] == nil && update["additionalProperties"] == nil)
        let create = try #require(body("/api/expedientes", "post"))
        #expect(create["properties"]?.objectValue?.keys == ["no_siniestro"] + ExpedienteFields.writable.map(\.name))
        #expect(create["required"] == .array([.string("no_siniestro")]))
        #expect(create["properties"]?["no_siniestro"]?["minLength"] == .number("1"))
        let levantamiento = try #require(body("/api/levantamientos", "post"))
        #expect(levantamiento["additionalProperties"] == .bool(false))
        #expect(levantamiento["properties"]?["conceptos"]?["items"]?["properties"]?.objectValue?.keys
                == LevantamientoFields.concepto.map(\.name))
        let register = try #require(body("/api/auth/register", "post"))
        #expect(register["properties"]?["rol"]?["enum"] == .array(Rol.inputNames.map(Input.string)))
    }

    @Test("every operation has responses, a summary, tags and a security entry; every path parameter is declared")
    func operationsAreComplete() throws {
        let document = try Self.document()
        for (key, pathItem, operation) in OpenAPIOperations.all(document) {
            let responses = operation["responses"]?.objectValue
            #expect(responses?.isEmpty == false, "\(key) has no response")
            #expect(operation["summary"]?.stringValue?.isEmpty == false, "\(key) has no summary")
            #expect(operation["tags"].map { if case .array(let tags) = $0 { !tags.isEmpty } else { false } } == true, "\(key) has no tags")
            #expect(operation["security"] != nil, "\(key) does not say whether it needs a token")

            let path = String(key.split(separator: " ", maxSplits: 1)[1])
            var declared: [String: Input] = [:]
            for source in [pathItem["parameters"], operation["parameters"]] {
                guard case .array(let parameters)? = source else { continue }
                for parameter in parameters where parameter["in"]?.stringValue == "path" {
                    if let name = parameter["name"]?.stringValue { declared[name] = parameter }
                }
            }
            let placeholders = Self.placeholders(path)
            for name in placeholders {
                let parameter = declared[name]
                #expect(parameter != nil, "\(key): path parameter {\(name)} is not declared")
                #expect(parameter == nil || parameter?["required"] == .bool(true), "\(key): path parameter {\(name)} must be required")
            }
            let extra = Set(declared.keys).subtracting(placeholders)
            #expect(extra.isEmpty, "\(key): declares path parameters not in the path: \(extra.sorted())")
        }
    }

    @Test("every $ref points at something in the document")
    func referencesResolve() throws {
        let document = try Self.document()
        let references = OpenAPIOperations.references(document)
        #expect(!references.isEmpty)
        for reference in Set(references).sorted() {
            #expect(OpenAPIOperations.resolves(reference, in: document), "\(reference) does not resolve")
        }
    }

    @Test("error examples use the Error schema's shape")
    func errorExamplesAreErrorBodies() throws {
        for (key, _, operation) in OpenAPIOperations.all(try Self.document()) {
            guard let responses = operation["responses"]?.objectValue else { continue }
            for (status, response) in responses.members where !status.hasPrefix("2") {
                guard let examples = response["content"]?["application/json"]?["examples"]?.objectValue else { continue }
                for (name, example) in examples.members {
                    let keys = example["value"]?.objectValue?.keys
                    #expect(keys == ["error"], "\(key) \(status) example \(name) is not {\"error\": …}")
                }
            }
        }
    }

    @Test("GET /openapi.json serves the document as UTF-8 JSON without a token")
    func servesTheDocument() throws {
        let response = try Self.served()
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
        var router = Router<MonitorContext>()
        MonitorRoutes.register(in: &router)
        #expect(response.body == JSONWriter.encode(MonitorOpenAPI.document(router.operations)))
    }
}
