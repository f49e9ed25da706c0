import HTTPCore

/// Levantamientos, checklists and comentarios (§4.7-§4.9).
extension MonitorSchemas {
    static let concepto: JSONValue = [
        "type": "object",
        "required": ["id", "id_levantamiento", "claves", "concepto", "costo"],
        "properties": [
            "id": MonitorSchemas.int32(),
            "id_levantamiento": MonitorSchemas.int32(),
            "claves": MonitorSchemas.text(),
            "concepto": MonitorSchemas.text(),
            "costo": [
                "type": ["string", "null"],
                "description": "Decimal as a string, e.g. `\"3500.00\"`.",
                "pattern": "^-?\\d+\\.\\d{2}$",
            ],
        ],
    ]

    static let levantamiento: JSONValue = [
        "type": "object",
        "description": "A levantamiento de daños (damage survey) with its cost lines.",
        "required": [
            "id", "no_siniestro", "fecha", "orden", "marca", "tipo", "modelo", "placas", "kilometraje", "no_puertas",
            "color", "serie", "eco", "asegurado_tercero", "nombre_propietario", "telefono", "direccion", "pega",
            "cristales", "aire", "vestiduras", "rin", "direccion_veh", "tipo_pintura", "trasmision",
            "levantamiento_concepto",
        ],
        "properties": [
            "id": MonitorSchemas.int32(),
            "no_siniestro": MonitorSchemas.text(),
            "fecha": MonitorSchemas.date("Survey date."),
            "orden": MonitorSchemas.text(maxLength: 255),
            "marca": MonitorSchemas.text(maxLength: 255),
            "tipo": MonitorSchemas.text(maxLength: 255),
            "modelo": MonitorSchemas.text(maxLength: 255),
            "placas": MonitorSchemas.text(maxLength: 255),
            "kilometraje": MonitorSchemas.text(maxLength: 255),
            "no_puertas": MonitorSchemas.text(maxLength: 255),
            "color": MonitorSchemas.text(maxLength: 255),
            "serie": MonitorSchemas.text(maxLength: 255),
            "eco": MonitorSchemas.text(maxLength: 255),
            "asegurado_tercero": MonitorSchemas.text(maxLength: 255),
            "nombre_propietario": MonitorSchemas.text(maxLength: 255),
            "telefono": MonitorSchemas.text(maxLength: 255),
            "direccion": MonitorSchemas.text(maxLength: 500),
            "pega": MonitorSchemas.text(maxLength: 255),
            "cristales": MonitorSchemas.flag(),
            "aire": MonitorSchemas.flag(),
            "vestiduras": MonitorSchemas.flag(),
            "rin": MonitorSchemas.flag(),
            "direccion_veh": MonitorSchemas.flag(),
            "tipo_pintura": MonitorSchemas.flag(),
            "trasmision": MonitorSchemas.flag(),
            "levantamiento_concepto": ["type": "array", "items": ["$ref": "#/components/schemas/Concepto"]],
        ],
    ]

    static let levantamientoDetalle: JSONValue = [
        "allOf": [
            ["$ref": "#/components/schemas/Levantamiento"],
            [
                "type": "object",
                "required": ["expediente"],
                "properties": ["expediente": ["oneOf": [["$ref": "#/components/schemas/Expediente"], ["type": "null"]]]],
            ],
        ],
    ]

    static let costoTotal: JSONValue = [
        "type": "object",
        "required": ["id_levantamiento", "total"],
        "properties": ["id_levantamiento": ["type": "integer", "format": "int32"], "total": ["type": "number"]],
    ]

    static let checklist: JSONValue = [
        "type": "object",
        "description": "An exit/inspection checklist (monitor.md §3).",
        "required": [
            "id", "no_siniestro", "fecha_inspeccion", "hora", "inspeccionado_por", "ubicacion", "aprobada",
            "detallado", "carroceo_asignado", "mecanico_asignado", "pintor", "area_detallado", "marca_tipo", "anio",
            "serie", "areas_danadas", "a", "t", "fecha_vencimiento_seguro", "deducible", "demerito", "lugar_entrega",
            "fecha_entrega", "nombre_quien_recibe", "firma_quien_recibe", "observaciones_adicionales",
        ],
        "properties": [
            "id": MonitorSchemas.int32(),
            "no_siniestro": MonitorSchemas.text(),
            "fecha_inspeccion": MonitorSchemas.date(),
            "hora": [
                "type": ["string", "null"],
                "description": "Wall-clock time, returned as `1970-01-01THH:MM:SS.000Z` (ruling M11, monitor.md §10).",
                "pattern": "^1970-01-01T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$",
            ],
            "inspeccionado_por": MonitorSchemas.text(maxLength: 255),
            "ubicacion": MonitorSchemas.text(maxLength: 255),
            "aprobada": MonitorSchemas.flag(),
            "detallado": MonitorSchemas.flag(),
            "carroceo_asignado": MonitorSchemas.text(maxLength: 255),
            "mecanico_asignado": MonitorSchemas.text(maxLength: 255),
            "pintor": MonitorSchemas.text(maxLength: 255),
            "area_detallado": MonitorSchemas.text(maxLength: 255),
            "marca_tipo": MonitorSchemas.text(maxLength: 255),
            "anio": MonitorSchemas.text(maxLength: 255),
            "serie": MonitorSchemas.text(maxLength: 255),
            "areas_danadas": MonitorSchemas.text(),
            "a": MonitorSchemas.flag(),
            "t": MonitorSchemas.flag(),
            "fecha_vencimiento_seguro": MonitorSchemas.date(),
            "deducible": ["type": ["string", "null"], "description": "Decimal as a string.", "pattern": "^-?\\d+\\.\\d{2}$"],
            "demerito": ["type": ["string", "null"], "description": "Decimal as a string.", "pattern": "^-?\\d+\\.\\d{2}$"],
            "lugar_entrega": MonitorSchemas.text(maxLength: 255),
            "fecha_entrega": MonitorSchemas.date(),
            "nombre_quien_recibe": MonitorSchemas.text(maxLength: 255),
            "firma_quien_recibe": MonitorSchemas.text(maxLength: 255),
            "observaciones_adicionales": MonitorSchemas.text(),
            "checklist_item": [
                "type": "array",
                "items": ["$ref": "#/components/schemas/ChecklistItem"],
                "description": "Present when the checklist is read (GET), absent in create/update answers.",
            ],
        ],
    ]

    static let checklistItem: JSONValue = [
        "type": "object",
        "required": ["id", "id_checklist", "sistema", "nombre_item", "valor"],
        "properties": [
            "id": MonitorSchemas.int32(),
            "id_checklist": MonitorSchemas.int32(),
            "sistema": MonitorSchemas.text(),
            "nombre_item": MonitorSchemas.text(),
            "valor": MonitorSchemas.text("Expected `OK`, `RE`, `MA` or `NA`."),
        ],
    ]

    static let comentario: JSONValue = [
        "type": "object",
        "required": ["id", "no_siniestro", "usuario_id", "fecha", "hora", "comentario", "fecha_creacion", "usuario"],
        "properties": [
            "id": MonitorSchemas.int32(),
            "no_siniestro": MonitorSchemas.text(nullable: false),
            "usuario_id": MonitorSchemas.int32(nullable: true),
            "fecha": [
                "type": "string",
                "format": "date-time",
                "description": "Wall-clock date in America/Mexico_City, as `YYYY-MM-DDT12:00:00.000Z` (ruling M9).",
                "pattern": "^\\d{4}-\\d{2}-\\d{2}T12:00:00\\.000Z$",
            ],
            "hora": [
                "type": "string",
                "description": "Wall-clock time in America/Mexico_City, as `1970-01-01THH:MM:SS.000Z` (ruling M11).",
                "pattern": "^1970-01-01T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$",
            ],
            "comentario": MonitorSchemas.text(nullable: false),
            "fecha_creacion": ["type": "string", "format": "date-time", "description": "ISO 8601 UTC with milliseconds."],
            "usuario": ["oneOf": [["$ref": "#/components/schemas/UsuarioResumen"], ["type": "null"]]],
        ],
    ]
}
