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
            "no_siniestro": ["type": "string"],
            "factura": ["type": ["string", "null"]],
            "orden": ["type": ["string", "null"]],
            "asesor": ["type": ["string", "null"]],
            "fecha_ingreso": [
                "type": ["string", "null"],
                "format": "date-time",
                "description": "Date the vehicle entered the shop. Returned as `YYYY-MM-DDT12:00:00.000Z` (rulings M3, M9).",
                "pattern": "^\\d{4}-\\d{2}-\\d{2}T12:00:00\\.000Z$",
            ],
            "estado": ["type": "string", "enum": ["Ingreso", "Restauracion", "Pendiente_de_salida", "Salida"]],
            "marca": ["type": ["string", "null"]],
            "placas": ["type": ["string", "null"]],
            "tipo": ["type": ["string", "null"]],
            "color": ["type": ["string", "null"]],
            "modelo": ["type": ["string", "null"]],
            "nombre_cliente": ["type": ["string", "null"]],
            "telefono_cliente": ["type": ["string", "null"]],
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
            "id": ["type": "integer", "format": "int32"],
            "no_siniestro": ["type": "string"],
            "estado_anterior": [
                "type": ["string", "null"],
                "enum": ["Ingreso", "Restauracion", "Pendiente_de_salida", "Salida", .null],
                "description": "`null` only for the creation row.",
            ],
            "estado_nuevo": ["type": "string", "enum": ["Ingreso", "Restauracion", "Pendiente_de_salida", "Salida"]],
            "fecha_cambio": ["type": "string", "format": "date-time", "description": "ISO 8601 UTC with milliseconds."],
            "cambiado_por": ["type": ["integer", "null"], "format": "int32"],
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
            "id": ["type": "integer", "format": "int32"],
            "no_siniestro": ["type": "string"],
            "tipo": ["type": ["string", "null"], "description": "`documento` or `evidencia`."],
            "nombre_archivo": ["type": ["string", "null"], "description": "The name the client uploaded (display only)."],
            "ruta": [
                "type": ["string", "null"],
                "description": "`/evidencias/<folder>/<random name>` (served read-only by nginx, ruling M7) while Local; the object key once in the cloud.",
            ],
            "url_nube": [
                "type": ["string", "null"],
                "format": "uri",
                "description": "List only: presigned GET URL (900 s) when the file is in the cloud, else null.",
            ],
            "key_nube": ["type": ["string", "null"], "description": "List only: equals `ruta`."],
            "ubicacion_almacenamiento": ["type": "string", "enum": ["Local", "Nube"]],
            "fecha_carga": ["type": "string", "format": "date-time", "description": "ISO 8601 UTC with milliseconds."],
            "subido_por": [
                "type": ["integer", "null"],
                "format": "int32",
                "description": "Uploader's user id (rows in the expediente detail and the upload answer).",
            ],
        ],
    ]

    static let deletedEvidencia: JSONValue = [
        "type": "object",
        "required": ["ok", "mensaje", "carpetaEliminada"],
        "properties": [
            "ok": ["type": "boolean", "const": true],
            "mensaje": ["type": "string"],
            "carpetaEliminada": ["type": "string"],
        ],
    ]
}
