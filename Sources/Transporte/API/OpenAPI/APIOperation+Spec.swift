import HTTPCore

extension APIOperation {
    /// The shared declaration the router registers (`router.add(op.spec) { … }`): the router path and the access
    /// middleware (T12), and the documented form of `OpenAPIBuilder` and `HTMLReference`, from Transporte's field
    /// declarations and T1 envelope.
    var spec: OperationSpec<TransporteContext> {
        let parameters = parameters.map {
            OpenAPIOperation.Parameter(name: $0.name, location: $0.location, schema: Self.parameterSchema($0),
                                       description: $0.description)
        }
        let requestBody = body.map { body in
            (required: !partial && (body.contains(where: \.required) || !bodyLists.isEmpty),
             content: [(mediaType: "application/json", schema: OpenAPISchema.object(body, lists: bodyLists, partial: partial))])
        }
        var responses: [(status: Int, response: JSONValue)] = [(success.status, successResponse)]
        for status in Set(errors + [500]).sorted() { responses.append((status, OpenAPIBuilder.errorReference(status))) }
        return OperationSpec(method: method, path: path, tag: tag, summary: summary, access: Self.access(access),
                             parameters: parameters, requestBody: requestBody, responses: responses)
    }

    /// T12 as the shared access: the token check (401) and, for roles, the role check (403; ADMIN always passes).
    static func access(_ access: Access) -> OperationAccess<TransporteContext> {
        switch access {
        case .open:
            OperationAccess(security: [], middleware: [])
        case .authenticated:
            OperationAccess(security: nil, middleware: [TransporteAuth.authenticated],
                            responses: [(401, OpenAPIBuilder.errorReference(401))])
        case .roles(let roles):
            OperationAccess(security: nil, middleware: [TransporteAuth(roles: roles)],
                            note: "Roles: " + (["ADMIN"] + roles.filter { $0 != .admin }.map(\.rawValue)).joined(separator: ", "),
                            responses: [(401, OpenAPIBuilder.errorReference(401)), (403, OpenAPIBuilder.errorReference(403))])
        }
    }

    /// The success response: the envelope with `data`, an HTML page, or a JSON document of its own.
    private var successResponse: JSONValue {
        switch media {
        case .envelope:
            OpenAPIBuilder.jsonResponse(success.message, schema: .object([("allOf", .array([
                OpenAPIBuilder.reference("schemas", "Success"), .object([("properties", .object([("data", data)]))]),
            ]))]))
        case .html:
            .object([("description", .string(success.message)), ("content", .object([
                ("text/html", .object([("schema", .object([("type", .string("string"))]))])),
            ]))])
        case .document:
            OpenAPIBuilder.jsonResponse(success.message, schema: .object([
                ("type", .string("object")), ("required", .array([.string("openapi"), .string("info"), .string("paths")])),
            ]))
        }
    }

    /// A parameter's schema; in the query an empty value (`?codigo=`) is the same as not sending it, so it is
    /// documented as allowed beside the field's own schema.
    private static func parameterSchema(_ parameter: Parameter) -> JSONValue {
        let schema = OpenAPISchema.schema(parameter.kind)
        guard parameter.location == "query" else { return schema }
        return .object([("anyOf", .array([schema, .object([("type", .string("string")), ("maxLength", .integer(0))])]))])
    }
}
