import HTTPCore

/// The response schemas of Monitor's document (`components/schemas`), named as the operations refer to them
/// (`ref("Expediente")`). Request bodies are not here: each is built from its route's `FieldSpec`s
/// (`MonitorBody`), the same ones the decoder checks.
enum MonitorSchemas {
    /// `{"$ref": "#/components/schemas/<name>"}`.
    static func ref(_ name: String) -> JSONValue { OpenAPIBuilder.reference("schemas", name) }

    /// An array of `name`.
    static func array(of name: String) -> JSONValue { ["type": "array", "items": ref(name)] }

    /// Every schema, in the document's order.
    static let all: [(String, JSONValue)] = [
        ("Error", error), ("Banner", banner), ("Discovery", discovery), ("Health", health), ("LoginResponse", loginResponse),
        ("Usuario", usuario), ("UsuarioResumen", usuarioResumen), ("DeletedUsuario", deletedUsuario), ("Aseguradora", aseguradora),
        ("Expediente", expediente), ("ExpedienteResumen", expedienteResumen), ("ExpedienteDetalle", expedienteDetalle),
        ("DeletedExpediente", deletedExpediente), ("HistorialEstado", historialEstado), ("Evidencia", evidencia),
        ("DeletedEvidencia", deletedEvidencia), ("Concepto", concepto), ("Levantamiento", levantamiento),
        ("LevantamientoDetalle", levantamientoDetalle), ("CostoTotal", costoTotal), ("Checklist", checklist),
        ("ChecklistItem", checklistItem), ("Comentario", comentario), ("Ok", ok), ("Mensaje", mensaje),
    ]

    static let error: JSONValue = [
        "type": "object",
        "description": "Every error of the Monitor API (ruling 1), including unknown routes (`404 Ruta no encontrada`, ruling M10), wrong methods (`405 Método no permitido`), oversized bodies (`413`), unsupported content types (`415`) and internal errors (`500 Error interno del servidor`).",
        "required": ["error"],
        "properties": ["error": ["type": "string", "description": "The message, in Spanish, matched byte for byte by clients."]],
        "additionalProperties": false,
        "example": ["error": "Ruta no encontrada"],
    ]

    static let banner: JSONValue = [
        "type": "object",
        "required": ["nombre", "estado"],
        "properties": ["nombre": ["type": "string", "const": "Monitor API"], "estado": ["type": "string", "const": "OK"]],
    ]

    static let discovery: JSONValue = [
        "type": "object",
        "required": ["nombre", "ips"],
        "properties": [
            "nombre": ["type": "string", "const": "Monitor API"],
            "ips": ["type": "array", "items": ["type": "string", "format": "ipv4"]],
        ],
    ]

    static let health: JSONValue = [
        "type": "object",
        "description": "monitor.md §4.3. Always returned with 200.",
        "required": ["ip", "backend", "database", "disco", "evidencias", "expedientes", "ram"],
        "properties": [
            "ip": ["type": "string", "description": "The caller's address."],
            "backend": ["type": "boolean", "const": true],
            "database": ["type": "boolean", "description": "Whether the database answered `SELECT 1`."],
            "disco": [
                "type": "object",
                "required": ["libre_GB", "usado_GB", "total_GB"],
                "properties": [
                    "libre_GB": ["type": "string", "description": "Gigabytes with one decimal, as a string."],
                    "usado_GB": ["type": "string", "description": "Gigabytes with one decimal, as a string."],
                    "total_GB": ["type": "string", "description": "Gigabytes with one decimal, as a string."],
                ],
            ],
            "evidencias": [
                "type": "object",
                "required": ["archivos", "tamaño_MB"],
                "properties": [
                    "archivos": [
                        "type": "integer",
                        "description": "Evidence files under the evidence directory, every folder walked (symbolic links not counted).",
                    ],
                    "tamaño_MB": [
                        "type": "string",
                        "description": "Their total size in megabytes (MiB) with one decimal, as a string.",
                    ],
                ],
            ],
            "expedientes": ["type": "integer", "description": "Number of expedientes (0 when the database does not answer)."],
            "ram": [
                "type": "object",
                "required": ["usada_MB", "total_MB"],
                "properties": ["usada_MB": ["type": "integer"], "total_MB": ["type": "integer"]],
            ],
        ],
    ]

    static let ok: JSONValue = ["type": "object", "required": ["ok"], "properties": ["ok": ["type": "boolean", "const": true]]]

    static let mensaje: JSONValue = ["type": "object", "required": ["mensaje"], "properties": ["mensaje": ["type": "string"]]]
}
