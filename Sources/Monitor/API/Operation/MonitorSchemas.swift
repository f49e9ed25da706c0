import HTTPCore

/// The response schemas of Monitor's document (`components/schemas`), named as the operations refer to them
/// (`ref("Expediente")`). Request bodies are not here: each is built from its route's `FieldSpec`s
/// (`MonitorBody`), the same ones the decoder checks.
enum MonitorSchemas {
    /// `{"$ref": "#/components/schemas/<name>"}`.
    static func ref(_ name: String) -> JSONValue { OpenAPIBuilder.reference("schemas", name) }

    /// An array of `name`.
    static func array(of name: String) -> JSONValue { ["type": "array", "items": ref(name)] }

    /// A string column (nullable unless said), with its length and meaning when given.
    static func text(_ description: String? = nil, maxLength: Int? = nil, nullable: Bool = true) -> JSONValue {
        var members: [(String, JSONValue)] = [("type", nullable ? ["string", "null"] : "string")]
        if let maxLength { members.append(("maxLength", .integer(maxLength))) }
        if let description { members.append(("description", .string(description))) }
        return .object(members)
    }

    /// A nullable boolean column.
    static func flag(_ description: String? = nil) -> JSONValue {
        .object([("type", ["boolean", "null"])] + (description.map { [("description", .string($0))] } ?? []))
    }

    /// An INT column.
    static func int32(_ description: String? = nil, nullable: Bool = false) -> JSONValue {
        .object([("type", nullable ? ["integer", "null"] : "integer"), ("format", "int32")]
                + (description.map { [("description", .string($0))] } ?? []))
    }

    /// A nullable DATE column as the API returns it (M3, M9).
    static func date(_ meaning: String? = nil) -> JSONValue {
        let returned = "Returned as `YYYY-MM-DDT12:00:00.000Z` (rulings M3, M9)."
        return ["type": ["string", "null"], "format": "date-time",
                "description": .string(meaning.map { "\($0) \(returned)" } ?? returned), "pattern": .string(datePattern)]
    }

    /// A nullable instant (ISO 8601 UTC with milliseconds).
    static func instant(_ description: String) -> JSONValue {
        ["type": ["string", "null"], "format": "date-time", "description": .string(description)]
    }

    /// How a DATE is returned: noon UTC of the stored day (M3).
    static let datePattern = #"^\d{4}-\d{2}-\d{2}T12:00:00\.000Z$"#

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
            "ip": MonitorSchemas.text("The caller's address.", nullable: false),
            "backend": ["type": "boolean", "const": true],
            "database": ["type": "boolean", "description": "Whether the database answered `SELECT 1`."],
            "disco": [
                "type": "object",
                "required": ["libre_GB", "usado_GB", "total_GB"],
                "properties": [
                    "libre_GB": MonitorSchemas.text("Gigabytes with one decimal, as a string.", nullable: false),
                    "usado_GB": MonitorSchemas.text("Gigabytes with one decimal, as a string.", nullable: false),
                    "total_GB": MonitorSchemas.text("Gigabytes with one decimal, as a string.", nullable: false),
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
                    "tamaño_MB": MonitorSchemas.text("Their total size in megabytes (MiB) with one decimal, as a string.", nullable: false),
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

    static let ok: JSONValue = [
        "type": "object",
        "required": ["ok"],
        "properties": ["ok": ["type": "boolean", "const": true]],
    ]

    static let mensaje: JSONValue = [
        "type": "object",
        "required": ["mensaje"],
        "properties": ["mensaje": ["type": "string"]],
    ]
}
