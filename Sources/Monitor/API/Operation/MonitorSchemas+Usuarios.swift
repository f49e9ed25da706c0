import HTTPCore

/// The login answer and the users of §4.1 and §4.2.
extension MonitorSchemas {
    static let loginResponse: JSONValue = [
        "type": "object",
        "required": ["token", "usuario"],
        "properties": [
            "token": MonitorSchemas.text("JWT, HS256, expires after 8 h; send as `Authorization: Bearer <token>`.", nullable: false),
            "usuario": ["$ref": "#/components/schemas/Usuario"],
        ],
    ]

    static let usuario: JSONValue = [
        "type": "object",
        "required": ["id", "nombre", "username", "rol"],
        "properties": [
            "id": MonitorSchemas.int32(),
            "nombre": MonitorSchemas.text(),
            "username": MonitorSchemas.text(nullable: false),
            "rol": ["type": "string", "enum": ["Administrador", "Operador", "Tecnico"]],
        ],
    ]

    static let usuarioResumen: JSONValue = [
        "type": "object",
        "description": "The author of a change or comment.",
        "required": ["id", "nombre", "username"],
        "properties": [
            "id": MonitorSchemas.int32(),
            "nombre": MonitorSchemas.text(),
            "username": MonitorSchemas.text(nullable: false),
        ],
    ]

    static let deletedUsuario: JSONValue = [
        "type": "object",
        "required": ["ok", "id"],
        "properties": ["ok": ["type": "boolean", "const": true], "id": ["type": "integer", "format": "int32"]],
    ]
}
