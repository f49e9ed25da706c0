import HTTPCore

/// Levantamientos, checklists and comentarios (§4.7-§4.9).
extension MonitorSchemas {
    static let concepto: JSONValue = [
        "type": "object",
        "required": ["id", "id_levantamiento", "claves", "concepto", "costo"],
        "properties": [
            "id": ["type": "integer", "format": "int32"],
            "id_levantamiento": ["type": "integer", "format": "int32"],
            "claves": ["type": ["string", "null"]],
            "concepto": ["type": ["string", "null"]],
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
            "id": ["type": "integer", "format": "int32"],
            "no_siniestro": ["type": ["string", "null"]],
            "fecha": [
                "type": ["string", "null"],
                "format": "date-time",
                "description": "Survey date. Returned as `YYYY-MM-DDT12:00:00.000Z` (rulings M3, M9).",
                "pattern": "^\\d{4}-\\d{2}-\\d{2}T12:00:00\\.000Z$",
            ],
            "orden": ["type": ["string", "null"], "maxLength": 255],
            "marca": ["type": ["string", "null"], "maxLength": 255],
            "tipo": ["type": ["string", "null"], "maxLength": 255],
            "modelo": ["type": ["string", "null"], "maxLength": 255],
            "placas": ["type": ["string", "null"], "maxLength": 255],
            "kilometraje": ["type": ["string", "null"], "maxLength": 255],
            "no_puertas": ["type": ["string", "null"], "maxLength": 255],
            "color": ["type": ["string", "null"], "maxLength": 255],
            "serie": ["type": ["string", "null"], "maxLength": 255],
            "eco": ["type": ["string", "null"], "maxLength": 255],
            "asegurado_tercero": ["type": ["string", "null"], "maxLength": 255],
            "nombre_propietario": ["type": ["string", "null"], "maxLength": 255],
            "telefono": ["type": ["string", "null"], "maxLength": 255],
            "direccion": ["type": ["string", "null"], "maxLength": 500],
            "pega": ["type": ["string", "null"], "maxLength": 255],
            "cristales": ["type": ["boolean", "null"]],
            "aire": ["type": ["boolean", "null"]],
            "vestiduras": ["type": ["boolean", "null"]],
            "rin": ["type": ["boolean", "null"]],
            "direccion_veh": ["type": ["boolean", "null"]],
            "tipo_pintura": ["type": ["boolean", "null"]],
            "trasmision": ["type": ["boolean", "null"]],
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
            "id": ["type": "integer", "format": "int32"],
            "no_siniestro": ["type": ["string", "null"]],
            "fecha_inspeccion": [
                "type": ["string", "null"],
                "format": "date-time",
                "description": "Returned as `YYYY-MM-DDT12:00:00.000Z` (rulings M3, M9).",
                "pattern": "^\\d{4}-\\d{2}-\\d{2}T12:00:00\\.000Z$",
            ],
            "hora": [
                "type": ["string", "null"],
                "description": "Wall-clock time, returned as `1970-01-01THH:MM:SS.000Z` (ruling M11, monitor.md §10).",
                "pattern": "^1970-01-01T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$",
            ],
            "inspeccionado_por": ["type": ["string", "null"], "maxLength": 255],
            "ubicacion": ["type": ["string", "null"], "maxLength": 255],
            "aprobada": ["type": ["boolean", "null"]],
            "detallado": ["type": ["boolean", "null"]],
            "carroceo_asignado": ["type": ["string", "null"], "maxLength": 255],
            "mecanico_asignado": ["type": ["string", "null"], "maxLength": 255],
            "pintor": ["type": ["string", "null"], "maxLength": 255],
            "area_detallado": ["type": ["string", "null"], "maxLength": 255],
            "marca_tipo": ["type": ["string", "null"], "maxLength": 255],
            "anio": ["type": ["string", "null"], "maxLength": 255],
            "serie": ["type": ["string", "null"], "maxLength": 255],
            "areas_danadas": ["type": ["string", "null"]],
            "a": ["type": ["boolean", "null"]],
            "t": ["type": ["boolean", "null"]],
            "fecha_vencimiento_seguro": [
                "type": ["string", "null"],
                "format": "date-time",
                "description": "Returned as `YYYY-MM-DDT12:00:00.000Z` (rulings M3, M9).",
                "pattern": "^\\d{4}-\\d{2}-\\d{2}T12:00:00\\.000Z$",
            ],
            "deducible": ["type": ["string", "null"], "description": "Decimal as a string.", "pattern": "^-?\\d+\\.\\d{2}$"],
            "demerito": ["type": ["string", "null"], "description": "Decimal as a string.", "pattern": "^-?\\d+\\.\\d{2}$"],
            "lugar_entrega": ["type": ["string", "null"], "maxLength": 255],
            "fecha_entrega": [
                "type": ["string", "null"],
                "format": "date-time",
                "description": "Returned as `YYYY-MM-DDT12:00:00.000Z` (rulings M3, M9).",
                "pattern": "^\\d{4}-\\d{2}-\\d{2}T12:00:00\\.000Z$",
            ],
            "nombre_quien_recibe": ["type": ["string", "null"], "maxLength": 255],
            "firma_quien_recibe": ["type": ["string", "null"], "maxLength": 255],
            "observaciones_adicionales": ["type": ["string", "null"]],
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
            "id": ["type": "integer", "format": "int32"],
            "id_checklist": ["type": "integer", "format": "int32"],
            "sistema": ["type": ["string", "null"]],
            "nombre_item": ["type": ["string", "null"]],
            "valor": ["type": ["string", "null"], "description": "Expected `OK`, `RE`, `MA` or `NA`."],
        ],
    ]

    static let comentario: JSONValue = [
        "type": "object",
        "required": ["id", "no_siniestro", "usuario_id", "fecha", "hora", "comentario", "fecha_creacion", "usuario"],
        "properties": [
            "id": ["type": "integer", "format": "int32"],
            "no_siniestro": ["type": "string"],
            "usuario_id": ["type": ["integer", "null"], "format": "int32"],
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
            "comentario": ["type": "string"],
            "fecha_creacion": ["type": "string", "format": "date-time", "description": "ISO 8601 UTC with milliseconds."],
            "usuario": ["oneOf": [["$ref": "#/components/schemas/UsuarioResumen"], ["type": "null"]]],
        ],
    ]
}
