@testable import Egresos
import AppCore
import Foundation
import HTTPCore
import Logging
import MariaDB
import TestSupport
import Testing

/// Egresos' OpenAPI document (`GET /openapi.json`): valid references, exactly the routes the router declares,
/// the success statuses, security and request schemas of egresos.md §2/§2.1/§8, and served by the real
/// responder. No database needed.
@Suite("Egresos OpenAPI document")
struct OpenAPITests {
    /// A module with a throw-away staff key (its routes are only asked for their token header here).
    static let module: EgresosModule = {
        let directory = NSTemporaryDirectory() + "egopenapi-\(getpid())"
        try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try! RS256Signer.generated().publicKeyPEM.write(toFile: directory + "/public.pem", atomically: true, encoding: .utf8)
        return try! EgresosModule(settings: ModuleSettings(module: .egresos, values: [
            "AUTH0_ISSUER": "https://openapi.test/", "AUTH0_AUDIENCES": "https://egresos.test",
            "AUTH0_PUBLIC_KEY_FILE": directory + "/public.pem", "SUPPLIER_JWT_SECRET": "openapi-tests-supplier-secret-0123456789",
            "UPLOAD_DIR": directory + "/uploads", "LOG_LEVEL": "critical",
        ]), clock: clock)
    }()
    /// The module's clock (the suite never reads the machine's).
    static let clock = TestClock(EgresosHarness.start)

    static func document() throws -> Input { try JSONParser.parse(SystemRoutes.document) }

    static func operation(_ key: String) throws -> InputObject {
        try #require(OpenAPIOperations.all(try document()).first { $0.key == key }?.operation, "no \(key)")
    }

    /// Sends `request` through the module's frozen responder; the database is unreachable.
    static func send(_ request: Request) -> TestResponse {
        struct NoHealth: EgresosHealthRepository { func databaseAnswers() -> Bool { false } }
        let context = EgresosContext(
            logger: Logger(label: "openapi-test"),
            persistence: EgresosPersistence(connection: MariaDBConnection(configuration: MariaDBConfiguration(socket: "/nonexistent", user: "none"))),
            health: NoHealth(), auth: module.auth, bodyLimits: module.settings.bodyLimits)
        return TestExchange.send(request, to: module.makeResponder(), context: context)
    }

    /// The success status of every route, from egresos.md §2 and §2.1 (#15 and #20 answer 201 as documented,
    /// #30 201 for both create and update, EXT-5/6 200).
    static let successStatus: [String: Int] = [
        "GET /api/v1/health": 200, "GET /openapi.json": 200, "GET /docs": 200, "GET /": 200,
        "GET /api/v1/users/profile": 200, "POST /api/v1/users": 201, "PUT /api/v1/users/{user_id}": 204,
        "GET /api/v1/users/{user_id}": 200, "DELETE /api/v1/users/{user_id}": 204, "GET /api/v1/users": 200,
        "GET /api/v1/customers": 200, "GET /api/v1/customers/{customer_id}/brands": 200, "POST /api/v1/customers/brands": 201,
        "POST /api/v1/customers": 201, "PUT /api/v1/customers/{customer_id}": 204, "DELETE /api/v1/customers/{customer_id}": 204,
        "GET /api/v1/brands": 200, "POST /api/v1/customers/{customer_id}/brands": 201, "PUT /api/v1/brands/{brand_id}": 201,
        "DELETE /api/v1/brands/{brand_id}": 204, "GET /api/v1/brands/{brand_id}/projects": 200, "GET /api/v1/projects": 200,
        "POST /api/v1/brands/{brand_id}/projects": 201, "PUT /api/v1/projects/{project_id}": 201,
        "DELETE /api/v1/projects/{project_id}": 204,
        "GET /api/v1/suppliers": 200, "GET /api/v1/suppliers/{supplier_id}": 200, "POST /api/v1/suppliers": 201,
        "PUT /api/v1/suppliers/{supplier_id}": 204, "POST /api/v1/suppliers/session": 200, "PUT /api/v1/suppliers/password": 204,
        "POST /api/v1/suppliers/recovery": 204, "GET /api/v1/suppliers/billing": 200, "POST /api/v1/suppliers/billing": 201,
        "GET /api/v1/suppliers/bills": 200, "GET /api/v1/suppliers/payment_schedules/{payment_schedule_id}": 200,
        "POST /api/v1/suppliers/payment_schedules/{payment_schedule_id}": 200,
        "PUT /api/v1/suppliers/payment_schedules/{payment_schedule_id}": 200,
        "PUT /api/v1/payment_schedules/{payment_schedule_id}/paid": 204,
        "GET /api/v1/catalogs/concepts": 200, "GET /api/v1/catalogs/business_activities": 200,
        "GET /api/v1/notifications": 200, "PUT /api/v1/notifications/{notification_id}/read": 204,
        "POST /api/v1/projects/{project_id}/quotations": 200, "PUT /api/v1/quotations/{quotation_id}": 200,
        "POST /api/v1/quotations/{quotation_id}/suppliers": 200, "PUT /api/v1/quotations/{quotation_id}/suppliers/{supplier_id}": 200,
        "DELETE /api/v1/quotations/{quotation_id}/suppliers/{supplier_id}": 204, "GET /api/v1/quotations/{quotation_id}/resume": 200,
        "GET /api/v1/quotations/{quotation_id}": 200, "GET /api/v1/quotations": 200,
        "GET /api/v1/projects/{project_id}/quotations": 200, "POST /api/v1/supplierquotations/{supplier_id}/comments": 204,
        // #46-#51, #54-#59, EXT-1..EXT-4 (#46/#54 answer 200, decision 7).
        "POST /api/v1/supplies/expenses": 200, "PUT /api/v1/supplies/{supply_id}/expenses/{expense_id}": 200,
        "DELETE /api/v1/supplies/{supply_id}/expenses/{expense_id}": 204, "POST /api/v1/supplies/{supply_id}": 200,
        "GET /api/v1/supplies/{supply_id}": 200, "POST /api/v1/supplies": 200, "GET /api/v1/supplies": 200,
        "DELETE /api/v1/supplies/{supply_id}": 204,
        "POST /api/v1/refunds/expenses": 200, "PUT /api/v1/refunds/{refund_id}/expenses/{expense_id}": 200,
        "DELETE /api/v1/refunds/{refund_id}/expenses/{expense_id}": 204, "POST /api/v1/refunds/{refund_id}": 200,
        "GET /api/v1/refunds/{refund_id}": 200, "POST /api/v1/refunds": 200, "GET /api/v1/refunds": 200,
        "DELETE /api/v1/refunds/{refund_id}": 204,
        "POST /api/v1/quotations/{quotation_id}/confirm": 204, "POST /api/v1/quotations/{quotation_id}/reject": 204,
        "POST /api/v1/supplies/{supply_id}/confirm": 204, "POST /api/v1/supplies/{supply_id}/reject": 204,
        "POST /api/v1/refunds/{refund_id}/confirm": 204, "POST /api/v1/refunds/{refund_id}/reject": 204,
        "GET /api/v1/schedules": 200, "GET /api/v1/reports/profitability": 200,
    ]

    /// The routes without a token (§1 "Public", the health check and the document).
    static let open: Set<String> = ["GET /api/v1/health", "GET /openapi.json", "GET /docs", "GET /", "POST /api/v1/suppliers/session",
                                    "PUT /api/v1/suppliers/password", "POST /api/v1/suppliers/recovery"]

    /// The portal routes (`SUP` in §2, EXT-5/6).
    static func isPortal(_ key: String) -> Bool {
        ["/api/v1/suppliers/billing", "/api/v1/suppliers/bills", "/api/v1/suppliers/payment_schedules/"].contains { key.contains($0) }
    }

    @Test("the router's routes and the document's operations are the same set")
    func parityWithRouter() throws {
        let routed = OpenAPIOperations.routed(Self.module.makeResponder().declaredRoutes)
        let documented = Set(OpenAPIOperations.all(try Self.document()).map(\.key))
        let undocumented = routed.subtracting(documented).sorted()
        let unrouted = documented.subtracting(routed).sorted()
        #expect(undocumented.isEmpty, "routed but not documented:\n  \(undocumented.joined(separator: "\n  "))")
        #expect(unrouted.isEmpty, "documented but not routed:\n  \(unrouted.joined(separator: "\n  "))")
        #expect(routed == Set(Self.successStatus.keys), "the routes of §2 part 1 and §2.1 served so far")
    }

    @Test("OpenAPI 3.1; unique operation ids; every path placeholder is a path parameter; every $ref resolves")
    func structure() throws {
        let document = try Self.document()
        #expect(document["openapi"]?.stringValue == "3.1.0")
        let operations = OpenAPIOperations.all(document)
        let ids = operations.compactMap { $0.operation["operationId"]?.stringValue }
        #expect(ids.count == operations.count && Set(ids).count == ids.count, "operationId must be present and unique")
        for (key, _, operation) in operations {
            let path = String(key.split(separator: " ")[1])
            let placeholders = path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
            let parameters = operation["parameters"]?.arrayValue ?? []
            let declared = parameters.filter { $0["in"]?.stringValue == "path" }.compactMap { $0["name"]?.stringValue }
            #expect(placeholders == declared, "\(key)")
            #expect(parameters.filter { $0["in"]?.stringValue == "path" }.allSatisfy { $0["required"] == .bool(true) }, "\(key)")
        }
        let references = Set(OpenAPIOperations.references(document))
        #expect(references.count > 10)
        for reference in references {
            #expect(OpenAPIOperations.resolves(reference, in: document), "unresolved \(reference)")
        }
    }

    @Test("each operation documents its §2 success status and the errors it can answer")
    func responses() throws {
        for (key, _, operation) in OpenAPIOperations.all(try Self.document()) {
            let responses = try #require(operation["responses"]?.objectValue, "\(key)")
            let success = responses.members.map(\.0).filter { $0.hasPrefix("2") }
            #expect(success == [String(Self.successStatus[key] ?? 0)], "\(key): \(success)")
            #expect(responses["500"] != nil, "\(key) lacks 500")
            if !Self.open.contains(key) { #expect(responses["401"] != nil && responses["403"] != nil, "\(key): 401/403") }
            if key.contains("{") { #expect(responses["404"] != nil, "\(key): a path id may not exist") }
            if operation["requestBody"] != nil {
                for status in ["400", "415", "422"] { #expect(responses[status] != nil, "\(key) lacks \(status)") }
            }
        }
        // The handlers' own refusals (§3): the last admin, yourself, expired tokens, mail, locked rows.
        let expected: [(String, [String])] = [
            ("PUT /api/v1/users/{user_id}", ["409", "423"]), ("DELETE /api/v1/users/{user_id}", ["409", "423"]),
            ("POST /api/v1/users", ["409"]), ("PUT /api/v1/suppliers/password", ["403", "410"]),
            ("POST /api/v1/suppliers/recovery", ["404", "424"]), ("POST /api/v1/suppliers/session", ["401", "404"]),
            ("GET /api/v1/suppliers/billing", ["404"]),
            ("PUT /api/v1/payment_schedules/{payment_schedule_id}/paid", ["409", "423"]),
            ("POST /api/v1/suppliers/payment_schedules/{payment_schedule_id}", ["415", "423"]),
            ("POST /api/v1/customers", ["409", "415"]), ("GET /api/v1/health", ["503"]),
            ("POST /api/v1/quotations/{quotation_id}/confirm", ["403", "404", "409"]),
            ("POST /api/v1/refunds/{refund_id}/reject", ["403", "404", "409"]),
        ]
        #expect(try Self.operation("GET /api/v1/health")["responses"]?["401"] == nil)
        let document = try Self.document()
        for (key, statuses) in expected {
            let responses = OpenAPIOperations.all(document).first { $0.key == key }?.operation["responses"]
            for status in statuses { #expect(responses?[status] != nil, "\(key) lacks \(status)") }
        }
        // The two bodies of §8.3: 422 is always field errors, 401 always a bare code, 404 either.
        let errors = try #require(document["components"]?["responses"])
        #expect(errors["Error422"]?["content"]?["application/json"]?["schema"]?["$ref"]?.stringValue == "#/components/schemas/FieldErrors")
        #expect(errors["Error401"]?["content"]?["application/json"]?["schema"]?["$ref"]?.stringValue == "#/components/schemas/CodeError")
        #expect(errors["Error404"]?["content"]?["application/json"]?["schema"]?["oneOf"]?.arrayValue?.count == 2)
        let fieldItem = document["components"]?["schemas"]?["FieldErrors"]?["properties"]?["errors"]?["items"]
        #expect(fieldItem?["required"] == .array([.string("code"), .string("fields"), .string("message")]))
        #expect(document["components"]?["schemas"]?["CodeError"]?["properties"]?["code"]?["type"]?.stringValue == "string")
    }

    @Test("staff routes need the staff bearer, portal routes the supplier one, public routes none")
    func security() throws {
        let document = try Self.document()
        #expect(document["components"]?["securitySchemes"]?["staffBearer"]?["scheme"]?.stringValue == "bearer")
        #expect(document["components"]?["securitySchemes"]?["supplierBearer"]?["scheme"]?.stringValue == "bearer")
        for (key, _, operation) in OpenAPIOperations.all(document) {
            let expected: Input = Self.open.contains(key) ? .array([])
                : .array([.object(InputObject([(Self.isPortal(key) ? "supplierBearer" : "staffBearer", .array([]))]))])
            #expect(operation["security"] == expected, "\(key)")
        }
        #expect(try Self.operation("POST /api/v1/users")["x-roles"] == .array([.string("admin"), .string("rh")]))
        #expect(try Self.operation("DELETE /api/v1/projects/{project_id}")["x-roles"] == .array([.string("admin")]))
        #expect(try Self.operation("GET /api/v1/customers")["x-roles"]?.arrayValue?.count == StaffRole.allCases.count)
    }

    @Test("what the document says of tokens is what the middleware does, told apart by each scheme's own refusal")
    func securityMatchesMiddleware() throws {
        // A supplier session on a staff route: StaffAuth refuses its algorithm (403 4033) before any database read.
        let supplierSession = Self.module.auth.supplierTokens.issue(email: "proveedor@example.com").token
        // A supplier-signed token that is not a session: SupplierAuth refuses its type (401 4013), also before the database.
        let now = Self.clock.nowSeconds()
        let notASession = HS256Token(secret: "openapi-tests-supplier-secret-0123456789").sign([
            ("sub", .string("proveedor@example.com")), ("type", .string("staff")), ("iat", .integer(now)), ("exp", .integer(now + 600)),
        ])
        for (key, _, operation) in OpenAPIOperations.all(try Self.document()) where operation["security"] != .array([]) {
            let portal = operation["security"]?.arrayValue?.first?["supplierBearer"] != nil
            let parts = key.split(separator: " ")
            let path = parts[1].split(separator: "/").map { $0.hasPrefix("{") ? "1" : String($0) }.joined(separator: "/")
            let method = HTTPMethod(rawValue: String(parts[0]))
            let bare = Self.send(TestExchange.request(method, "/" + path))
            #expect(bare.status == 401 && bare.json?["code"]?.stringValue == "4014", "\(key) without a token: \(bare.status)")
            let response = Self.send(TestExchange.request(method, "/" + path, token: portal ? notASession : supplierSession))
            let expected = portal ? "4013" : "4033"
            #expect(response.json?["code"]?.stringValue == expected, "\(key): \(response.status) \(response.text)")
        }
    }

    @Test("#2 POST /api/v1/users: the body schema is the rules the engine enforces")
    func createUserSchema() throws {
        let body = try Self.operation("POST /api/v1/users")["requestBody"]
        #expect(body?["required"] == .bool(true))
        let schema = try #require(body?["content"]?["application/json"]?["schema"])
        #expect(body?["content"]?["multipart/form-data"] == nil)
        #expect(schema["required"] == .array(["email", "name", "role", "job_title"].map(Input.string)))
        #expect(schema["properties"]?["name"]?["type"]?.stringValue == "string")
        #expect(schema["properties"]?["name"]?["minLength"] == .number("1"))
        #expect(schema["properties"]?["name"]?["maxLength"] == .number("120"))
        #expect(schema["properties"]?["job_title"]?["maxLength"] == .number("200"))
        #expect(schema["properties"]?["email"]?["format"]?.stringValue == "email")
        #expect(schema["properties"]?["email"]?["maxLength"] == .number("255"))
        #expect(schema["properties"]?["role"]?["enum"] == .array(
            ["admin", "rh", "manager", "grouper", "account_manager", "employee"].map(Input.string)))
        // #3: the same fields, none required.
        let update = try Self.operation("PUT /api/v1/users/{user_id}")["requestBody"]
        #expect(update?["required"] == .bool(false))
        #expect(update?["content"]?["application/json"]?["schema"]?["required"] == nil)
        // #20: `collaborators[]: required` binds the items of a sent array, not the body: an empty edit is valid
        // (schemathesis, issue 12: the document said required while the route answers 201 without a body).
        #expect(try Self.operation("PUT /api/v1/projects/{project_id}")["requestBody"]?["required"] == .bool(false))
        #expect(try Self.operation("POST /api/v1/brands/{brand_id}/projects")["requestBody"]?["required"] == .bool(true))
    }

    @Test("the routes nginx rate-limits (ruling 8: #26-#28) document its 429 in the code-error body")
    func rateLimited() throws {
        let document = try Self.document()
        for key in ["POST /api/v1/suppliers/session", "PUT /api/v1/suppliers/password", "POST /api/v1/suppliers/recovery"] {
            #expect(try Self.operation(key)["responses"]?["429"]?["$ref"]?.stringValue == "#/components/responses/Error429", "\(key)")
        }
        let schema = document["components"]?["responses"]?["Error429"]?["content"]?["application/json"]?["schema"]
        #expect(schema?["$ref"]?.stringValue == "#/components/schemas/CodeError")
    }

    @Test("files, arrays, confirmations, dates, queries and two rule sets map to JSON Schema")
    func otherSchemas() throws {
        // #10: the picture is required, so multipart only; the file is binary with its limits described.
        let create = try #require(try Self.operation("POST /api/v1/customers")["requestBody"]?["content"])
        #expect(create["application/json"] == nil)
        let picture = create["multipart/form-data"]?["schema"]?["properties"]?["picture"]
        #expect(picture?["format"]?.stringValue == "binary")
        #expect(picture?["description"]?.stringValue?.contains("5120 KiB") == true)
        #expect(picture?["description"]?.stringValue?.contains("jpg, png") == true)
        #expect(create["multipart/form-data"]?["schema"]?["properties"]?["payment_conditions"]?["maximum"] == .number("365"))
        // #11: optional picture, so JSON is accepted too, without it.
        let update = try #require(try Self.operation("PUT /api/v1/customers/{customer_id}")["requestBody"]?["content"])
        #expect(update["multipart/form-data"]?["schema"]?["properties"]?["picture"] != nil)
        #expect(update["application/json"]?["schema"]?["properties"]?["picture"] == nil)
        #expect(update["application/json"]?["schema"]?["properties"]?["name"] != nil)
        // #9: brands[].name describes the array's items.
        let brands = try Self.operation("POST /api/v1/customers/brands")["requestBody"]?["content"]?["application/json"]?["schema"]?["properties"]?["brands"]
        #expect(brands?["type"]?.stringValue == "array")
        #expect(brands?["items"]?["required"] == .array([.string("name")]))
        #expect(brands?["items"]?["properties"]?["name"]?["maxLength"] == .number("20"))
        // #19: collaborators[] are the items; distinct → uniqueItems; grouper_id nullable.
        let project = try Self.operation("POST /api/v1/brands/{brand_id}/projects")["requestBody"]?["content"]?["application/json"]?["schema"]?["properties"]
        #expect(project?["collaborators"]?["uniqueItems"] == .bool(true))
        #expect(project?["collaborators"]?["items"]?["type"] == .array([.string("string"), .string("number")]))
        #expect(project?["grouper_id"]?["type"]?.arrayValue?.contains(.string("null")) == true)
        // min:0 lets "" through untested, so the pattern admits it (schemathesis: `"description": ""` → 201 was
        // reported as a schema-violating request accepted).
        #expect(project?["description"]?["pattern"]?.stringValue == #"^$|^[\p{L}\p{N} ]+$"#)
        #expect(project?["name"]?["pattern"]?.stringValue == #"^[\p{L}\p{N} ]+$"#)
        // #27: exact:32 and the confirmation field.
        let password = try Self.operation("PUT /api/v1/suppliers/password")["requestBody"]?["content"]?["application/json"]?["schema"]
        #expect(password?["properties"]?["token"]?["minLength"] == .number("32") && password?["properties"]?["token"]?["maxLength"] == .number("32"))
        #expect(password?["required"] == .array(["token", "password", "password_confirmation"].map(Input.string)))
        // EXT-7: paid_at is a date; EXT-5: billing_file required, so multipart only.
        let paid = try Self.operation("PUT /api/v1/payment_schedules/{payment_schedule_id}/paid")["requestBody"]
        #expect(paid?["content"]?["application/json"]?["schema"]?["properties"]?["paid_at"]?["format"]?.stringValue == "date")
        let upload = try Self.operation("POST /api/v1/suppliers/payment_schedules/{payment_schedule_id}")["requestBody"]
        #expect(upload?["content"]?["application/json"] == nil)
        #expect(upload?["content"]?["multipart/form-data"]?["schema"]?["required"] == .array([.string("billing_file")]))
        // #30: the two rule sets, the first with required fields and the second without.
        let billing = try Self.operation("POST /api/v1/suppliers/billing")["requestBody"]
        #expect(billing?["required"] == .bool(false))
        let sets = billing?["content"]?["multipart/form-data"]?["schema"]?["anyOf"]?.arrayValue ?? []
        #expect(sets.count == 2 && sets.first?["required"]?.arrayValue?.count == 8 && sets.last?["required"] == nil)
        // #22 and #18: optional query filters from the query rules.
        let suppliers = try Self.operation("GET /api/v1/suppliers")["parameters"]?.arrayValue ?? []
        #expect(suppliers.map { $0["name"]?.stringValue } == ["contact_name", "business_activity"])
        #expect(suppliers.allSatisfy { $0["in"]?.stringValue == "query" && $0["required"] == nil })
        #expect(suppliers.first?["schema"]?["maxLength"] == .number("100"))
        let friendly = try Self.operation("GET /api/v1/projects")["parameters"]?.arrayValue?.first
        #expect(friendly?["name"]?.stringValue == "friendly" && friendly?["schema"]?["type"]?.stringValue == "boolean")
        // #2 answers {"user"}; #26 the supplier's keys and the session.
        let user = try Self.operation("POST /api/v1/users")["responses"]?["201"]?["content"]?["application/json"]?["schema"]
        #expect(user?["required"] == .array([.string("user")]))
        let session = try Self.operation("POST /api/v1/suppliers/session")["responses"]?["200"]?["content"]?["application/json"]?["schema"]
        #expect(session?["required"]?.arrayValue?.contains(.string("authorization")) == true)
        #expect(try Self.operation("DELETE /api/v1/users/{user_id}")["responses"]?["204"]?["content"] == nil)
    }

    @Test("issue 13's rules in the schema: same, a parent-scoped exists, a stored date range go to the description")
    func additionsSchema() throws {
        func schema(_ rules: String, field: String = "v") throws -> [String: JSONValue] {
            guard case .object(let members) = RuleSchema.field(try RuleParser.parse(rules, field: field)) else { return [:] }
            return Dictionary(members, uniquingKeysWith: { first, _ in first })
        }
        let same = try schema("required|typeOf:string|same:password")
        #expect(same["type"] == .string("string"))
        #expect(same["description"] == .string("equal to `password` (else 422 4225)"))
        let nested = try schema("required|typeOf:numeric|exists:supplierquotation,id,quotation_id")
        #expect(nested["description"] == .string("a string of digits (\"0431.99\") or a non-negative number; "
            + "an active SupplierQuotation id of the same `quotation_id` (else 404 4042)"))
        let range = try schema("sometimes|date:YYYY-MM-DD|dateRange:project_start_date,quotation", field: "project_end_date")
        #expect(range["format"] == .string("date"))
        #expect(range["description"]
            == .string("on or after `project_start_date` (42215); an edit sending one end is checked against the stored other end"))
        #expect(try schema("date:YYYY-MM-DD|dateRange:project_start_date")["description"]
            == .string("on or after `project_start_date` (42215)"))
    }

    @Test("GET /openapi.json (JSON, the built document), GET /docs and GET / (HTML) are served without a token")
    func served() throws {
        let response = Self.send(TestExchange.request(.get, "/openapi.json"))
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"]?.hasPrefix("application/json") == true)
        let json = try #require(response.json)
        #expect(json["openapi"]?.stringValue == "3.1.0")
        #expect(json["info"]?["title"]?.stringValue == "Ventanilla Egresos")
        #expect(OpenAPIOperations.all(json).count == Self.successStatus.count)
        let docs = Self.send(TestExchange.request(.get, "/docs"))
        #expect(docs.status == 200 && docs.headers["Content-Type"]?.hasPrefix("text/html") == true)
        #expect(docs.text.contains("<code>/api/v1/users/{user_id}</code>") && docs.text.contains("href=\"/openapi.json\""))
        #expect(docs.text.contains("<code>brands[].name</code>"), "array items are listed as rows")
        #expect(docs.text.contains("one of admin, rh, manager, grouper, account_manager, employee"))
        // The landing page links the reference and loads nothing else (no /favicon.ico: that would be a JSON 404).
        let landing = Self.send(TestExchange.request(.get, "/"))
        #expect(landing.status == 200 && landing.headers["Content-Type"]?.hasPrefix("text/html") == true)
        #expect(landing.text.contains("href=\"/docs\"") && landing.text.contains(#"<link rel="icon" href="data:,">"#))
        let documented = try Self.operation("GET /")["responses"]?["200"]?["content"]
        #expect(documented?["text/html"] != nil && documented?["application/json"] == nil)
    }
}

private extension Input {
    /// The items, if this is an array.
    var arrayValue: [Input]? {
        if case .array(let items) = self { return items }
        return nil
    }
}
