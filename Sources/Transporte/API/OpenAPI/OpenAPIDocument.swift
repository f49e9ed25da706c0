import HTTPCore

/// Transporte's OpenAPI 3.1 document, built once from the operations every feature declares
/// (`TransporteAPI.operations`).
enum OpenAPIDocument {
    /// The document as served at `GET /openapi.json`.
    static func build(_ operations: [APIOperation]) -> JSONValue {
        var paths: [(String, [(String, JSONValue)])] = []
        for operation in operations {
            let entry = (operation.method.rawValue.lowercased(), self.operation(operation))
            if let index = paths.firstIndex(where: { $0.0 == operation.path }) {
                paths[index].1.append(entry)
            } else {
                paths.append((operation.path, [entry]))
            }
        }
        return .object([
            ("openapi", .string("3.1.0")),
            ("info", .object([
                ("title", .string("Ventanilla Transporte")),
                ("version", .string(SystemRoutes.version)),
                ("description", .string("Solicitudes de transporte institucional: solicitudes con código SOL-YYYY-MM-NNNNNNNN, flujo de aprobación con histórico, catálogos y autenticación. Respuestas {\"success\", \"message\", \"data\"}; errores con \"errors\": [{\"field\", \"message\"}].")),
            ])),
            ("servers", .array([.object([("url", .string("/"))])])),
            ("security", .array([.object([("bearerAuth", .array([]))])])),
            ("paths", .object(paths.map { ($0.0, .object($0.1)) })),
            ("components", components),
        ])
    }

    private static func operation(_ op: APIOperation) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("tags", .array([.string(op.tag)])), ("summary", .string(op.summary)),
            ("operationId", .string(operationID(op))),
        ]
        switch op.access {
        case .open: members.append(("security", .array([])))
        case .authenticated: break
        case .roles(let roles):
            members.append(("description", .string("Roles: " + (["ADMIN"] + roles.filter { $0 != .admin }.map(\.rawValue)).joined(separator: ", "))))
        }
        if !op.parameters.isEmpty {
            members.append(("parameters", .array(op.parameters.map { parameter in
                var fields: [(String, JSONValue)] = [("name", .string(parameter.name)), ("in", .string(parameter.location)),
                                                     ("schema", OpenAPISchema.schema(parameter.kind))]
                if parameter.location == "path" { fields.append(("required", .bool(true))) }
                if !parameter.description.isEmpty { fields.append(("description", .string(parameter.description))) }
                return .object(fields)
            })))
        }
        if let body = op.body {
            members.append(("requestBody", .object([
                ("required", .bool(!op.partial && (body.contains(where: \.required) || !op.bodyLists.isEmpty))),
                ("content", .object([("application/json", .object([
                    ("schema", OpenAPISchema.object(body, lists: op.bodyLists, partial: op.partial)),
                ]))])),
            ])))
        }
        var responses: [(String, JSONValue)] = [(String(op.success.status), .object([
            ("description", .string(op.success.message)),
            ("content", .object([("application/json", .object([("schema", .object([("allOf", .array([
                .object([("$ref", .string("#/components/schemas/Success"))]),
                .object([("properties", .object([("data", op.data)]))]),
            ]))]))]))])),
        ]))]
        var statuses = op.errors
        if op.access != .open { statuses.append(401) }
        if case .roles = op.access { statuses.append(403) }
        statuses.append(500)
        for status in Set(statuses).sorted() {
            responses.append((String(status), .object([("$ref", .string("#/components/responses/Error\(status)"))])))
        }
        members.append(("responses", .object(responses)))
        return .object(members)
    }

    private static func operationID(_ op: APIOperation) -> String {
        let words = op.path.split(separator: "/").map { segment -> String in
            let clean = segment.hasPrefix("{") ? "por-" + segment.dropFirst().dropLast() : String(segment)
            return clean.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        }
        return op.method.rawValue.lowercased() + words.joined()
    }

    static let errorDescriptions: [(Int, String)] = [
        (400, "Datos inválidos: campos que faltan, tipos o formatos incorrectos, ids referenciados inexistentes"),
        (401, "Sin token, o token inválido o expirado"),
        (403, "El usuario no tiene permiso para esta acción"),
        (404, "El recurso no existe o está eliminado"),
        (409, "Conflicto: duplicado, o acción no permitida en el estado actual"),
        (413, "El cuerpo de la petición excede el tamaño máximo permitido"),
        (422, "Regla de negocio incumplida (fecha de servicio pasada, reglas de los lugares)"),
        (500, "Error interno del servidor"),
        (503, "La base de datos no está disponible"),
    ]

    private static let components: JSONValue = .object([
        ("securitySchemes", .object([("bearerAuth", .object([
            ("type", .string("http")), ("scheme", .string("bearer")), ("bearerFormat", .string("JWT")),
        ]))])),
        ("schemas", .object([
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
        ])),
        ("responses", .object(errorDescriptions.map { status, description in
            ("Error\(status)", .object([("description", .string(description)), ("content", .object([("application/json", .object([
                ("schema", .object([("$ref", .string("#/components/schemas/Error"))])),
            ]))]))]))
        })),
    ])
}
