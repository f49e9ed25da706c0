import AppCore
import Foundation
import HTTPCore
import Logging
import MariaDB
import TestSupport
import Testing
@testable import Monitor

/// The OpenAPI document (`Sources/Monitor/API/OpenAPI/monitor.openapi.json`): valid, embedded up to date,
/// served, and describing exactly the routes the router declares. No database needed.
@Suite("Monitor OpenAPI document")
struct OpenAPITests {
    /// The module with the minimum settings; its responder is never asked to reach the database here.
    static func module() throws -> MonitorModule {
        try MonitorModule(settings: ModuleSettings(module: .monitor, values: [
            "MONITOR_JWT_SECRET": "openapi-tests-monitor-secret-0123456789", "UPLOAD_DIR": NSTemporaryDirectory() + "monitor-openapi-tests",
            "LOG_LEVEL": "critical",
        ]))
    }

    static func document() throws -> Input {
        try JSONParser.parse(Array(MonitorOpenAPIDocument.json.utf8))
    }

    /// The `{name}` placeholders of a templated path.
    static func placeholders(_ path: String) -> [String] {
        path.split(separator: "/").compactMap { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? String(segment.dropFirst().dropLast()) : nil
        }
    }

    static func repositoryRoot() -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
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
        #expect(undocumented.isEmpty, "routed but missing from monitor.openapi.json:\n  \(undocumented.joined(separator: "\n  "))")
        #expect(unrouted.isEmpty, "in monitor.openapi.json but not routed:\n  \(unrouted.joined(separator: "\n  "))")
    }

    @Test("the embedded Swift string is the JSON file byte for byte (run scripts/lib/embed-openapi)")
    func embeddedMatchesFile() throws {
        let file = Self.repositoryRoot().appendingPathComponent("Sources/Monitor/API/OpenAPI/monitor.openapi.json")
        let bytes = try [UInt8](Data(contentsOf: file))
        let embedded = Array(MonitorOpenAPIDocument.json.utf8)
        #expect(bytes == embedded, """
            MonitorOpenAPIDocument.swift is stale (\(embedded.count) bytes embedded, \(bytes.count) in \
            monitor.openapi.json): run scripts/lib/embed-openapi
            """)
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
        let module = try Self.module()
        // Never opened: the route does not touch the database.
        let connection = MariaDBConnection(configuration: MariaDBConfiguration(socket: "/nonexistent/openapi-tests.sock", user: "none"))
        let context = module.makeContext(connection: connection, logger: Logger(label: "test"))
        let response = module.makeResponder().respond(to: Request(method: .get, path: "/openapi.json"), context: context)
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == "application/json; charset=utf-8")
        #expect(response.body == Array(MonitorOpenAPIDocument.json.utf8))
    }
}
