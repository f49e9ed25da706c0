import HTTPCore

/// The expediente row (§3, §10) and its insurer.
extension MonitorSchemas {
    static let aseguradora: JSONValue = [
        "type": "object",
        "required": ["id", "nombre"],
        "properties": ["id": ["type": "integer", "format": "int32"], "nombre": ["type": ["string", "null"]]],
    ]

    static let expediente: JSONValue = [
        "type": "object",
        "description": "An expediente (insurance claim) as persisted: scalar fields only, no relations. Every field is always present (`null` when empty), `fecha_entrega` included, which sits before `unidad_terminada`; it is not listed as required only because the examples of seeds 000 and 001, quoted verbatim, predate it.",
        "required": [
            "no_siniestro", "factura", "orden", "asesor", "fecha_ingreso", "fecha_valuacion", "fecha_autorizacion",
            "fecha_pzas_completas", "unidad_terminada", "tecnico", "mecanico", "vehiculo", "observaciones", "marca",
            "modelo", "tipo", "color", "placas", "nombre_cliente", "telefono_cliente", "correo_cliente", "dato1",
            "dato1_fecha_hora", "dato2", "dato2_fecha_hora", "dato3", "dato3_fecha_hora", "dato4", "dato4_fecha_hora",
            "comentarios_aseguradora", "comentarios_aseguradora_fh", "doc_orden_admision", "doc_identificacion",
            "doc_tarjeta_circulacion", "doc_caratula_poliza", "doc_carta_reparacion", "doc_comprobante_deducible",
            "doc_finiquito", "doc_encuesta_servicio", "estado", "ubicacion_almacenamiento", "id_aseguradora",
            "creado_por",
        ],
        "properties": [
            "no_siniestro": [
                "type": "string",
                "maxLength": 100,
                "description": "Claim number, the primary key (trimmed on creation).",
            ],
            "factura": ["type": ["string", "null"], "description": "Invoice number for the repair.", "maxLength": 255],
            "orden": ["type": ["string", "null"], "description": "Internal work-order reference.", "maxLength": 255],
            "asesor": ["type": ["string", "null"], "description": "Service advisor's name.", "maxLength": 255],
            "fecha_ingreso": [
                "type": ["string", "null"],
                "format": "date-time",
                "description": "Date the vehicle entered the shop. Returned as `YYYY-MM-DDT12:00:00.000Z` (rulings M3, M9).",
                "pattern": "^\\d{4}-\\d{2}-\\d{2}T12:00:00\\.000Z$",
            ],
            "fecha_valuacion": [
                "type": ["string", "null"],
                "format": "date-time",
                "description": "Date the damage estimate was completed. Returned as `YYYY-MM-DDT12:00:00.000Z` (rulings M3, M9).",
                "pattern": "^\\d{4}-\\d{2}-\\d{2}T12:00:00\\.000Z$",
            ],
            "fecha_autorizacion": [
                "type": ["string", "null"],
                "format": "date-time",
                "description": "Date the insurer authorized the repair. Returned as `YYYY-MM-DDT12:00:00.000Z` (rulings M3, M9).",
                "pattern": "^\\d{4}-\\d{2}-\\d{2}T12:00:00\\.000Z$",
            ],
            "fecha_pzas_completas": [
                "type": ["string", "null"],
                "format": "date-time",
                "description": "Date all replacement parts arrived. Returned as `YYYY-MM-DDT12:00:00.000Z` (rulings M3, M9).",
                "pattern": "^\\d{4}-\\d{2}-\\d{2}T12:00:00\\.000Z$",
            ],
            "fecha_entrega": [
                "type": ["string", "null"],
                "format": "date-time",
                "description": "Delivery date (a column of the original, accepted on create and update by rulings M1/M2). Returned as `YYYY-MM-DDT12:00:00.000Z` (rulings M3, M9).",
                "pattern": "^\\d{4}-\\d{2}-\\d{2}T12:00:00\\.000Z$",
            ],
            "unidad_terminada": [
                "type": ["string", "null"],
                "format": "date-time",
                "description": "Date the vehicle repair was finished (required before estado `Salida`). Returned as `YYYY-MM-DDT12:00:00.000Z` (rulings M3, M9).",
                "pattern": "^\\d{4}-\\d{2}-\\d{2}T12:00:00\\.000Z$",
            ],
            "tecnico": ["type": ["string", "null"], "description": "Body technician assigned to this unit.", "maxLength": 255],
            "mecanico": ["type": ["string", "null"], "description": "Mechanic assigned to this unit.", "maxLength": 255],
            "vehiculo": [
                "type": ["string", "null"],
                "description": "Free-text vehicle description (VIN, additional notes, etc.).",
            ],
            "observaciones": ["type": ["string", "null"], "description": "General notes or observations about the repair."],
            "marca": ["type": ["string", "null"], "description": "Vehicle make (e.g. \"Toyota\").", "maxLength": 255],
            "modelo": ["type": ["string", "null"], "description": "Vehicle model (e.g. \"Corolla\").", "maxLength": 255],
            "tipo": [
                "type": ["string", "null"],
                "description": "Body type or trim level (e.g. \"Sedán\", \"SUV\").",
                "maxLength": 255,
            ],
            "color": ["type": ["string", "null"], "description": "Vehicle color (e.g. \"Blanco\").", "maxLength": 255],
            "placas": ["type": ["string", "null"], "description": "License plate number.", "maxLength": 255],
            "nombre_cliente": [
                "type": ["string", "null"],
                "description": "Full name of the policyholder / vehicle owner.",
                "maxLength": 255,
            ],
            "telefono_cliente": ["type": ["string", "null"], "description": "Client contact phone number.", "maxLength": 255],
            "correo_cliente": ["type": ["string", "null"], "description": "Client email address.", "maxLength": 255],
            "dato1": ["type": ["string", "null"], "description": "Custom tracking label slot 1.", "maxLength": 500],
            "dato1_fecha_hora": [
                "type": ["string", "null"],
                "format": "date-time",
                "description": "Timestamp for dato1. ISO 8601 UTC with milliseconds (ruling M3).",
            ],
            "dato2": ["type": ["string", "null"], "description": "Custom tracking label slot 2.", "maxLength": 500],
            "dato2_fecha_hora": [
                "type": ["string", "null"],
                "format": "date-time",
                "description": "Timestamp for dato2. ISO 8601 UTC with milliseconds (ruling M3).",
            ],
            "dato3": ["type": ["string", "null"], "description": "Custom tracking label slot 3.", "maxLength": 500],
            "dato3_fecha_hora": [
                "type": ["string", "null"],
                "format": "date-time",
                "description": "Timestamp for dato3. ISO 8601 UTC with milliseconds (ruling M3).",
            ],
            "dato4": ["type": ["string", "null"], "description": "Custom tracking label slot 4.", "maxLength": 500],
            "dato4_fecha_hora": [
                "type": ["string", "null"],
                "format": "date-time",
                "description": "Timestamp for dato4. ISO 8601 UTC with milliseconds (ruling M3).",
            ],
            "comentarios_aseguradora": ["type": ["string", "null"], "description": "Free-text notes exchanged with the insurer."],
            "comentarios_aseguradora_fh": [
                "type": ["string", "null"],
                "format": "date-time",
                "description": "Timestamp of the latest insurer comment. ISO 8601 UTC with milliseconds (ruling M3).",
            ],
            "doc_orden_admision": ["type": ["boolean", "null"], "description": "Admission work order received. `null` = not yet confirmed."],
            "doc_identificacion": [
                "type": ["boolean", "null"],
                "description": "Client government-issued ID received. `null` = not yet confirmed.",
            ],
            "doc_tarjeta_circulacion": [
                "type": ["boolean", "null"],
                "description": "Vehicle registration card received. `null` = not yet confirmed.",
            ],
            "doc_caratula_poliza": [
                "type": ["boolean", "null"],
                "description": "Insurance policy cover page received. `null` = not yet confirmed.",
            ],
            "doc_carta_reparacion": [
                "type": ["boolean", "null"],
                "description": "Repair authorization letter received. `null` = not yet confirmed.",
            ],
            "doc_comprobante_deducible": [
                "type": ["boolean", "null"],
                "description": "Deductible payment receipt received. `null` = not yet confirmed.",
            ],
            "doc_finiquito": [
                "type": ["boolean", "null"],
                "description": "Final settlement document received. `null` = not yet confirmed.",
            ],
            "doc_encuesta_servicio": [
                "type": ["boolean", "null"],
                "description": "Customer satisfaction survey completed. `null` = not yet confirmed.",
            ],
            "estado": [
                "type": "string",
                "enum": ["Ingreso", "Restauracion", "Pendiente_de_salida", "Salida"],
                "description": "Workflow status; `Ingreso` on creation, changed only by `PATCH /api/expedientes/{no_siniestro}/estado`.",
            ],
            "ubicacion_almacenamiento": ["type": "string", "enum": ["Local", "Nube"], "description": "Where the evidence lives; server-managed."],
            "id_aseguradora": [
                "type": ["integer", "null"],
                "format": "int32",
                "description": "Insurer id (see `GET /api/expedientes/aseguradoras`).",
            ],
            "creado_por": [
                "type": ["integer", "null"],
                "format": "int32",
                "description": "Id of the user who created the expediente (from the token).",
            ],
        ],
    ]
}
