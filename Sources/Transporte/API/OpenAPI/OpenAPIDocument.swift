import HTTPCore

/// Transporte's OpenAPI 3.1 document: the operations the router registered (`Router.operations`, each from its
/// `APIOperation.spec`) assembled by the shared `OpenAPIBuilder` with Transporte's T1 envelope and error responses.
enum OpenAPIDocument {
    /// The document as served at `GET /openapi.json`.
    static func build(_ operations: [OpenAPIOperation]) -> JSONValue {
        OpenAPIBuilder.document(
            info: OpenAPIBuilder.Info(
                title: "Ventanilla Transporte", version: SystemRoutes.version,
                description: "Solicitudes de transporte institucional: solicitudes con código SOL-YYYY-MM-NNNNNNNN, flujo de aprobación con histórico, catálogos y autenticación. Respuestas {\"success\", \"message\", \"data\"}; errores con \"errors\": [{\"field\", \"message\"}]."),
            security: ["bearerAuth"], operations: operations, components: components, placeholderWord: "por")
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
