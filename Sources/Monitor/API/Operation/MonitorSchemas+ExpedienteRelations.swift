import HTTPCore

/// The expediente summary and detail, its estado history and its evidence (§4.4-§4.6).
extension MonitorSchemas {
    static let expedienteResumen: JSONValue = [
        "type": "object",
        "description": "The list form of an expediente (monitor.md §4.4).",
        "required": [
            "no_siniestro", "factura", "orden", "asesor", "fecha_ingreso", "estado", "marca", "placas", "tipo",
            "color", "modelo", "nombre_cliente", "telefono_cliente", "aseguradora",
        ],
        "properties": [
            "no_siniestro": MonitorSchemas.text(nullable: false),
            "factura": MonitorSchemas.text(),
            "orden": MonitorSchemas.text(),
            "asesor": MonitorSchemas.text(),
            "fecha_ingreso": MonitorSchemas.date("Date the vehicle entered the shop."),
            "estado": ["type": "string", "enum": ["Ingreso", "Restauracion", "Pendiente_de_salida", "Salida"]],
            "marca": MonitorSchemas.text(),
            "placas": MonitorSchemas.text(),
            "tipo": MonitorSchemas.text(),
            "color": MonitorSchemas.text(),
            "modelo": MonitorSchemas.text(),
            "nombre_cliente": MonitorSchemas.text(),
            "telefono_cliente": MonitorSchemas.text(),
            "aseguradora": ["oneOf": [["$ref": "#/components/schemas/Aseguradora"], ["type": "null"]]],
        ],
    ]

    static let expedienteDetalle: JSONValue = [
        "description": "An expediente with its insurer, estado history and evidence rows.",
        "allOf": [
            ["$ref": "#/components/schemas/Expediente"],
            [
                "type": "object",
                "required": ["aseguradora", "historial_estado", "evidencia"],
                "properties": [
                    "aseguradora": ["oneOf": [["$ref": "#/components/schemas/Aseguradora"], ["type": "null"]]],
                    "historial_estado": ["type": "array", "items": ["$ref": "#/components/schemas/HistorialEstado"]],
                    "evidencia": ["type": "array", "items": ["$ref": "#/components/schemas/Evidencia"]],
                ],
            ],
        ],
    ]

    static let deletedExpediente: JSONValue = [
        "type": "object",
        "required": ["ok", "no_siniestro"],
        "properties": ["ok": ["type": "boolean", "const": true], "no_siniestro": ["type": "string"]],
    ]

    static let historialEstado: JSONValue = [
        "type": "object",
        "required": ["id", "no_siniestro", "estado_anterior", "estado_nuevo", "fecha_cambio", "cambiado_por"],
        "properties": [
            "id": MonitorSchemas.int32(),
            "no_siniestro": MonitorSchemas.text(nullable: false),
            "estado_anterior": [
                "type": ["string", "null"],
                "enum": ["Ingreso", "Restauracion", "Pendiente_de_salida", "Salida", .null],
                "description": "`null` only for the creation row.",
            ],
            "estado_nuevo": ["type": "string", "enum": ["Ingreso", "Restauracion", "Pendiente_de_salida", "Salida"]],
            "fecha_cambio": ["type": "string", "format": "date-time", "description": "ISO 8601 UTC with milliseconds."],
            "cambiado_por": MonitorSchemas.int32(nullable: true),
            "usuario": [
                "description": "Present in `GET …/estado/historial` only.",
                "oneOf": [["$ref": "#/components/schemas/UsuarioResumen"], ["type": "null"]],
            ],
        ],
    ]

    static let evidencia: JSONValue = [
        "type": "object",
        "required": ["id", "no_siniestro", "tipo", "nombre_archivo", "ruta", "fecha_carga", "ubicacion_almacenamiento"],
        "properties": [
            "id": MonitorSchemas.int32(),
            "no_siniestro": MonitorSchemas.text(nullable: false),
            "tipo": MonitorSchemas.text("`documento` or `evidencia`."),
            "nombre_archivo": MonitorSchemas.text("The name the client uploaded (display only)."),
            "ruta": MonitorSchemas.text("`/evidencias/<folder>/<random name>` (served read-only by nginx, ruling M7) while Local; the object key once in the cloud."),
            "url_nube": [
                "type": ["string", "null"],
                "format": "uri",
                "description": "List only: presigned GET URL (900 s) when the file is in the cloud, else null.",
            ],
            "key_nube": MonitorSchemas.text("List only: equals `ruta`."),
            "ubicacion_almacenamiento": ["type": "string", "enum": ["Local", "Nube"]],
            "fecha_carga": ["type": "string", "format": "date-time", "description": "ISO 8601 UTC with milliseconds."],
            "subido_por": MonitorSchemas.int32("Uploader's user id (rows in the expediente detail and the upload answer).", nullable: true),
        ],
    ]

    static let deletedEvidencia: JSONValue = [
        "type": "object",
        "required": ["ok", "mensaje", "carpetaEliminada"],
        "properties": [
            "ok": ["type": "boolean", "const": true],
            "mensaje": MonitorSchemas.text(nullable: false),
            "carpetaEliminada": MonitorSchemas.text(nullable: false),
        ],
    ]
}
