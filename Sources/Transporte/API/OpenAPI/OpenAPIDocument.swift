import HTTPCore

/// Transporte's OpenAPI 3.1 document, built once from the operations every feature declares
/// (`TransporteAPI.operations`): its field declarations and envelope mapped to `OpenAPIOperation`s, assembled by
/// the shared `OpenAPIBuilder`.
enum OpenAPIDocument {
    /// The document as served at `GET /openapi.json`.
    static func build(_ operations: [APIOperation]) -> JSONValue {
        OpenAPIBuilder.document(
            info: OpenAPIBuilder.Info(
                title: "Ventanilla Transporte", version: SystemRoutes.version,
                description: "Solicitudes de transporte institucional: solicitudes con código SOL-YYYY-MM-NNNNNNNN, flujo de aprobación con histórico, catálogos y autenticación. Respuestas {\"success\", \"message\", \"data\"}; errores con \"errors\": [{\"field\", \"message\"}]."),
            security: ["bearerAuth"], operations: operations.map(operation), components: components, placeholderWord: "por")
    }

    private static func operation(_ op: APIOperation) -> OpenAPIOperation {
        var description: String?
        if case .roles(let roles) = op.access {
            description = "Roles: " + (["ADMIN"] + roles.filter { $0 != .admin }.map(\.rawValue)).joined(separator: ", ")
        }
        let parameters = op.parameters.map {
            OpenAPIOperation.Parameter(name: $0.name, location: $0.location, schema: parameterSchema($0),
                                       description: $0.description)
        }
        let body = op.body.map { body in
            (required: !op.partial && (body.contains(where: \.required) || !op.bodyLists.isEmpty),
             content: [(mediaType: "application/json", schema: OpenAPISchema.object(body, lists: op.bodyLists, partial: op.partial))])
        }
        var responses: [(status: Int, response: JSONValue)] = [(op.success.status, success(op))]
        var statuses = op.errors
        if op.access != .open { statuses.append(401) }
        if case .roles = op.access { statuses.append(403) }
        statuses.append(500)
        for status in Set(statuses).sorted() { responses.append((status, OpenAPIBuilder.errorReference(status))) }
        return OpenAPIOperation(method: op.method, path: op.path, tag: op.tag, summary: op.summary, description: description,
                                security: op.access == .open ? [] : nil, parameters: parameters, requestBody: body,
                                responses: responses)
    }

    /// The success response: the envelope with `data`, an HTML page, or a JSON document of its own.
    private static func success(_ op: APIOperation) -> JSONValue {
        switch op.media {
        case .envelope:
            OpenAPIBuilder.jsonResponse(op.success.message, schema: .object([("allOf", .array([
                OpenAPIBuilder.reference("schemas", "Success"), .object([("properties", .object([("data", op.data)]))]),
            ]))]))
        case .html:
            .object([("description", .string(op.success.message)), ("content", .object([
                ("text/html", .object([("schema", .object([("type", .string("string"))]))])),
            ]))])
        case .document:
            OpenAPIBuilder.jsonResponse(op.success.message, schema: .object([
                ("type", .string("object")), ("required", .array([.string("openapi"), .string("info"), .string("paths")])),
            ]))
        }
    }

    /// A parameter's schema; in the query an empty value (`?codigo=`) is the same as not sending it, so it is
    /// documented as allowed beside the field's own schema.
    private static func parameterSchema(_ parameter: APIOperation.Parameter) -> JSONValue {
        let schema = OpenAPISchema.schema(parameter.kind)
        guard parameter.location == "query" else { return schema }
        return .object([("anyOf", .array([schema, .object([("type", .string("string")), ("maxLength", .integer(0))])]))])
    }

    static let errorDescriptions: [(Int, String)] = [
        (400, "Datos inválidos: campos que faltan, tipos o formatos incorrectos, ids referenciados inexistentes"),
        (401, "Sin token, o token inválido o expirado"),
        (403, "El usuario no tiene permiso para esta acción"),
        (404, "El recurso no existe o está eliminado"),
        (409, "Conflicto: duplicado, o acción no permitida en el estado actual"),
        (413, "El cuerpo de la petición excede el tamaño máximo permitido"),
        (422, "Regla de negocio incumplida (fecha de servicio pasada, reglas de los lugares)"),
        (429, "Demasiadas solicitudes desde esta dirección (límite de nginx, regla 8); reintente tras Retry-After"),
        (500, "Error interno del servidor"),
        (502, "El servicio externo (registro de placas o de DUI) no está disponible o dio una respuesta no válida"),
        (503, "La base de datos no está disponible, o el servicio externo (registro de placas o de DUI) no está configurado"),
        (504, "El servicio externo (registro de placas o de DUI) no respondió a tiempo"),
    ]

    private static let components = OpenAPIBuilder.components(
        securitySchemes: [("bearerAuth", OpenAPIBuilder.bearerScheme())],
        schemas: [
            ("Success", .object([("type", .string("object")), ("required", .array([.string("success"), .string("message"), .string("data")])),
                                 ("properties", .object([("success", .object([("const", .bool(true))])),
                                                         ("message", .object([("type", .string("string"))])), ("data", .object([]))]))])),
            ("Error", .object([("type", .string("object")),
                               ("required", .array([.string("success"), .string("message"), .string("data"), .string("errors")])),
                               ("properties", .object([
                                   ("success", .object([("const", .bool(false))])), ("message", .object([("type", .string("string"))])),
                                   ("data", .object([("type", .string("null"))])),
                                   ("errors", OpenAPISchema.array(.object([("type", .string("object")), ("properties", .object([
                                       ("field", .object([("type", .string("string")), ("examples", .array([.string("lugares[1].horaEstimadaRetorno")]))])),
                                       ("message", .object([("type", .string("string"))])),
                                   ]))]))),
                               ]))])),
        ],
        responses: errorDescriptions.map { status, description in
            ("Error\(status)", OpenAPIBuilder.jsonResponse(description, schema: OpenAPIBuilder.reference("schemas", "Error")))
        })
}
