import HTTPCore

/// Monitor's responses in the document: a success body, an error in Monitor's one format `{"error": "…"}` with
/// the messages it answers as examples, and the shared responses of `components/responses`.
enum MonitorResponse {
    /// A JSON success response: `schema`, and `example` when given.
    static func success(_ description: String, _ schema: JSONValue, example: JSONValue? = nil) -> JSONValue {
        var media: [(String, JSONValue)] = [("schema", schema)]
        if let example { media.append(("example", example)) }
        return ["description": .string(description), "content": ["application/json": .object(media)]]
    }

    /// An error response: the `Error` schema, each message an example under its name.
    static func error(_ description: String, _ examples: KeyValuePairs<String, String>) -> JSONValue {
        ["description": .string(description), "content": ["application/json": [
            "schema": MonitorSchemas.ref("Error"),
            "examples": .object(examples.map { ($0.key, ["value": ["error": .string($0.value)]]) }),
        ]]]
    }

    /// `{"$ref": "#/components/responses/<name>"}`.
    static func reference(_ name: String) -> JSONValue { OpenAPIBuilder.reference("responses", name) }

    /// 503 while the database does not answer.
    static let unavailable: (status: Int, response: JSONValue) = (503, reference("ServiceUnavailable"))
    /// 429 from nginx's rate limit on the credential routes (ruling 8).
    static let tooManyRequests: (status: Int, response: JSONValue) = (429, reference("TooManyRequests"))

    /// The shared responses: 401, the two 403s, 429 and 503.
    static let components: [(String, JSONValue)] = [
        ("Unauthorized", error(
            "No `Authorization: Bearer <token>` header, or the token does not verify (bad signature, expired, malformed).",
            ["missing": "Token requerido", "invalid": "Token inválido o expirado"])),
        ("ForbiddenAdmin", error("The token's role is not Administrador.", ["forbidden": "Acceso restringido a administradores"])),
        ("ForbiddenAdminOrOperator", error("The token's role is Tecnico.",
                                            ["forbidden": "Acceso restringido a administradores y operadores"])),
        ("TooManyRequests", [
            "description": "Too many requests from this address on a credential route: nginx's rate limit (ruling 8), with Retry-After.",
            "headers": ["Retry-After": ["description": "Seconds to wait before trying again.", "schema": ["type": "integer"]]],
            "content": ["application/json": [
                "schema": MonitorSchemas.ref("Error"),
                "examples": ["limited": ["value": ["error": "Demasiadas solicitudes, intenta de nuevo más tarde"]]],
            ]],
        ]),
        ("ServiceUnavailable", error("The database does not answer.", ["unavailable": "Servicio no disponible"])),
    ]

}
