import HTTPCore

/// Egresos' OpenAPI 3.1 document, built once from `EgresosAPI.operations` by the shared `OpenAPIBuilder`:
/// two bearer schemes (staff: Auth0 RS256; supplier: HS256 sessions), the two error bodies of egresos.md §8.3
/// and one reusable response per error status.
enum EgresosOpenAPI {
    /// The document as served at `GET /openapi.json`.
    static func build(_ operations: [EgresosOperation]) -> JSONValue {
        OpenAPIBuilder.document(
            info: OpenAPIBuilder.Info(
                title: "Ventanilla Egresos", version: "1.0.0",
                description: "Expenses and income of Element Studios: users, customers, brands, projects, suppliers and their portal, catalogues and notifications (egresos.md). Errors: field errors {\"code\": <status>, \"message\", \"errors\": [{\"code\", \"fields\", \"message\"}]} or {\"code\": \"<code>\", \"message\"}; messages in Spanish, English with Accept-Language: en."),
            operations: operations.map(operation), components: components, placeholderWord: "by")
    }

    static func operation(_ op: EgresosOperation) -> OpenAPIOperation {
        var parameters = op.path.split(separator: "/").filter { $0.hasPrefix("{") }.map { segment in
            let name = String(segment.dropFirst().dropLast())
            let rules = op.rules.lazy.compactMap { $0.pathSchema.fields.first { $0.field == name } }.first?.rules ?? []
            let exists = RuleSchema.notes(rules.filter { if case .exists = $0 { true } else { false } })
            return OpenAPIOperation.Parameter(name: name, location: "path", schema: .object([("type", .string("integer")), ("minimum", .integer(1))]),
                                              description: exists.isEmpty ? "A positive integer id" : exists)
        }
        for field in op.rules.first?.querySchema.fields ?? [] {
            parameters.append(OpenAPIOperation.Parameter(name: field.field, location: "query", schema: RuleSchema.field(field.rules),
                                                         required: field.rules.contains(.required)))
        }
        return OpenAPIOperation(method: op.method, path: op.path, tag: op.tag, summary: op.summary, description: access(op.access),
                                security: security(op.access), parameters: parameters, requestBody: requestBody(op),
                                responses: responses(op), extensions: op.access.admittedRoles.map { roles in
                                    [("x-roles", .array(roles.map { .string($0.rawValue) }))]
                                } ?? [])
    }

    private static func security(_ access: EgresosAccess) -> [String] {
        switch access {
        case .open: []
        case .staff: ["staffBearer"]
        case .supplier: ["supplierBearer"]
        }
    }

    private static func access(_ access: EgresosAccess) -> String {
        switch access {
        case .open: "Public: no token (an Authorization header is ignored)."
        case .staff(let roles) where roles.isEmpty: "Staff token of any registered, active user."
        case .staff: "Staff token; roles: " + (access.admittedRoles ?? []).map(\.rawValue).joined(separator: ", ") + " (else 403 4031)."
        case .supplier: "Supplier session token."
        }
    }

    private static func requestBody(_ op: EgresosOperation) -> (required: Bool, content: [(mediaType: String, schema: JSONValue)])? {
        guard let body = op.body else { return nil }
        let bodies = op.rules.filter { !$0.body.isEmpty }
        func schema(files: Bool) -> JSONValue {
            if bodies.count == 1 { return RuleSchema.object(bodies[0].bodySchema, files: files) }
            return .object([("anyOf", .array(bodies.map { rules in
                var members: [(String, JSONValue)] = [("title", .string(rules.endpoint))]
                if case .object(let object) = RuleSchema.object(rules.bodySchema, files: files) { members += object }
                return .object(members)
            }))])
        }
        // A body is required when a top-level field is: `collaborators[]: required` binds the items of an array sent,
        // not the body (#20 with no body is a valid empty edit).
        let required = bodies.allSatisfy { $0.bodySchema.fields.contains { $0.arrayParent == nil && $0.rules.contains(.required) } }
        switch body {
        case .json:
            return (required, [("application/json", schema(files: false))])
        case .multipart:
            let fileRequired = bodies.contains { $0.bodySchema.fields.contains { $0.isFile && $0.rules.contains(.required) } }
            return (required, [("multipart/form-data", schema(files: true))] + (fileRequired ? [] : [("application/json", schema(files: false))]))
        }
    }

    /// The success response, then every error status the operation can answer, each a `$ref`.
    static func responses(_ op: EgresosOperation) -> [(status: Int, response: JSONValue)] {
        let success: JSONValue
        if op.status == 204 {
            success = .object([("description", .string("No content (an empty body)"))])
        } else if op.mediaType != "application/json" {
            success = .object([("description", .string(op.returns)),
                               ("content", .object([(op.mediaType, .object([("schema", .object([("type", .string("string"))]))]))]))])
        } else {
            var members: [(String, JSONValue)] = [("type", .string("object"))]
            if !op.keys.isEmpty {
                members += [("required", .array(op.keys.map(JSONValue.string))),
                            ("properties", .object(op.keys.map { ($0, .object([])) }))]
            }
            success = OpenAPIBuilder.jsonResponse(op.returns.isEmpty ? "OK" : op.returns, schema: .object(members))
        }
        var statuses = Set(op.errors)
        statuses.insert(500)
        if op.access != .open { statuses.formUnion([401, 403]) }
        if op.path.contains("{") { statuses.insert(404) }
        if op.body != nil { statuses.formUnion([400, 415]) }
        if op.usesDatabase { statuses.insert(503) }
        for rules in op.rules {
            for field in rules.bodySchema.fields + rules.querySchema.fields {
                for rule in field.rules { statuses.formUnion(rule.failureStatuses) }
            }
        }
        statuses.subtract(op.alsoOn)
        return [(op.status, success)] + op.alsoOn.map { ($0, success) } + statuses.sorted().map { ($0, OpenAPIBuilder.errorReference($0)) }
    }

    /// The error statuses, what answers them, and which §8.3 bodies they come in.
    static let errorStatuses: [(status: Int, description: String, fields: Bool, code: Bool)] = [
        (400, "A required field is missing (4001), an array has duplicates (4002), or the body is malformed (\"400\")", true, true),
        (401, "No Authorization header (4014), an invalid token (4011), wrong supplier credentials (4012), an invalid session (4013), no subject (4015) or an expired token (4016)", false, true),
        (403, "A role not admitted or an unregistered staff user (4031), an unknown password token (4032), or a signature that cannot be verified, e.g. the wrong kind of token (4033)", false, true),
        (404, "An id of the path or the body that does not exist or is not the caller's (4042 {{model}}), or no such route (4041)", true, true),
        (409, "A value already taken (4093), the last active admin (4091), or a state conflict (\"409\")", true, true),
        (410, "The password token has expired (4101)", false, true),
        (415, "A file of the wrong extension (4151), too large (4153) or sent as text (4154), or an unsupported Content-Type (\"415\")", true, true),
        (422, "Semantic validation errors (4221–42226)", true, false),
        (423, "A locked action: changing your own role (4231), deactivating yourself (4232), or the item's state (\"423\")", false, true),
        (424, "The mail could not be sent (4241)", false, true),
        (429, "Too many requests from this address (nginx's limit, ruling 8); retry after Retry-After (\"429\")", false, true),
        (500, "An unexpected server error (\"500\")", false, true),
        (503, "The database does not answer (\"503\")", false, true),
    ]

    private static let components = OpenAPIBuilder.components(
        securitySchemes: [
            ("staffBearer", OpenAPIBuilder.bearerScheme(description: "Auth0 token (RS256), verified offline against the configured JWKS or PEM key, issuer and audiences (egresos.md §10.1); its subject or e-mail must belong to a registered, active user.")),
            ("supplierBearer", OpenAPIBuilder.bearerScheme(description: "Supplier session (HS256) from POST /api/v1/suppliers/session (egresos.md §10.2).")),
        ],
        schemas: [
            ("FieldErrors", .object([
                ("type", .string("object")), ("required", .array(["code", "message", "errors"].map(JSONValue.string))),
                ("properties", .object([
                    ("code", .object([("type", .string("integer")), ("description", .string("The lowest HTTP status among the errors"))])),
                    ("message", .object([("type", .string("string"))])),
                    ("errors", .object([("type", .string("array")), ("items", .object([
                        ("type", .string("object")), ("required", .array(["code", "fields", "message"].map(JSONValue.string))),
                        ("properties", .object([
                            ("code", .object([("type", .string("integer")), ("examples", .array([.int(42216)]))])),
                            ("fields", .object([("type", .string("string")), ("examples", .array([.string("brands[0].name")]))])),
                            ("message", .object([("type", .string("string"))])),
                        ])),
                    ]))])),
                ])),
            ])),
            ("CodeError", .object([
                ("type", .string("object")), ("required", .array(["code", "message"].map(JSONValue.string))),
                ("properties", .object([
                    ("code", .object([("type", .string("string")), ("pattern", .string(#"^\d{3,5}$"#)),
                                      ("examples", .array([.string("4033")]))])),
                    ("message", .object([("type", .string("string"))])),
                ])),
            ])),
        ],
        responses: errorStatuses.map { status, description, fields, code in
            let bodies = (fields ? ["FieldErrors"] : []) + (code ? ["CodeError"] : [])
            let schema = bodies.count == 1 ? OpenAPIBuilder.reference("schemas", bodies[0])
                                           : .object([("oneOf", .array(bodies.map { OpenAPIBuilder.reference("schemas", $0) }))])
            return ("Error\(status)", OpenAPIBuilder.jsonResponse(description, schema: schema))
        })
}

private extension ValidationRule {
    /// The statuses a failure of this rule answers (egresos.md §8.2).
    var failureStatuses: [Int] {
        switch self {
        case .required: [400, 422]
        case .sometimes, .nullable: []
        case .distinct: [400]
        case .exists: [404]
        case .unique: [409]
        case .size(.bytes), .fileExtension: [415]
        default: [422]
        }
    }
}
