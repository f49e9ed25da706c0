/// The body fields of the expediente endpoints, as data (seeds 000 and 001, rulings M1-M3). Lengths are the
/// columns' in `sql/monitor/0001_schema.sql`, so an over-long value is a 400 naming the field, never a
/// database error. Keys not listed here (`estado`, `creado_por`, `ubicacion_almacenamiento`, unknown keys, and
/// `no_siniestro` on update) are ignored.
enum ExpedienteFields {
    /// `no_siniestro` on create (VARCHAR(100); trimmed and required by the service).
    static let noSiniestro = FieldSpec(
        "no_siniestro", .text(maxLength: 100),
        doc: "Unique claim identifier that becomes the primary key (e.g. \"SIN-2024-001\"). Leading and trailing whitespace is trimmed. 400 if blank, 409 if already taken.")

    /// Every field that create (M1) and update (M2) write: the fields of seeds 000/001 plus `fecha_entrega`,
    /// in the order of the JSON rows. Each is nullable (`null` clears it on update).
    static let writable: [FieldSpec] = [
        FieldSpec("factura", .text(maxLength: 255),
                  doc: "Invoice number for the repair."),
        FieldSpec("orden", .text(maxLength: 255),
                  doc: "Internal work-order reference."),
        FieldSpec("asesor", .text(maxLength: 255),
                  doc: "Service advisor's name."),
        FieldSpec("fecha_ingreso", .date,
                  doc: "Date the vehicle entered the shop."),
        FieldSpec("fecha_valuacion", .date,
                  doc: "Date the damage estimate was completed."),
        FieldSpec("fecha_autorizacion", .date,
                  doc: "Date the insurer authorized the repair."),
        FieldSpec("fecha_pzas_completas", .date,
                  doc: "Date all replacement parts arrived."),
        FieldSpec("fecha_entrega", .date,
                  doc: "Delivery date (a column of the original, accepted on create and update by rulings M1/M2)."),
        FieldSpec("unidad_terminada", .date,
                  doc: "Date the vehicle repair was finished (required before estado `Salida`)."),
        FieldSpec("tecnico", .text(maxLength: 255),
                  doc: "Body technician assigned to this unit."),
        FieldSpec("mecanico", .text(maxLength: 255),
                  doc: "Mechanic assigned to this unit."),
        FieldSpec("vehiculo", .text(maxLength: 65_535),
                  doc: "Free-text vehicle description (VIN, additional notes, etc.)."),
        FieldSpec("observaciones", .text(maxLength: 65_535),
                  doc: "General notes or observations about the repair."),
        FieldSpec("marca", .text(maxLength: 255),
                  doc: "Vehicle make (e.g. \"Toyota\")."),
        FieldSpec("modelo", .text(maxLength: 255),
                  doc: "Vehicle model (e.g. \"Corolla\")."),
        FieldSpec("tipo", .text(maxLength: 255),
                  doc: "Body type or trim level (e.g. \"Sedán\", \"SUV\")."),
        FieldSpec("color", .text(maxLength: 255),
                  doc: "Vehicle color (e.g. \"Blanco\")."),
        FieldSpec("placas", .text(maxLength: 255),
                  doc: "License plate number."),
        FieldSpec("nombre_cliente", .text(maxLength: 255),
                  doc: "Full name of the policyholder / vehicle owner."),
        FieldSpec("telefono_cliente", .text(maxLength: 255),
                  doc: "Client contact phone number."),
        FieldSpec("correo_cliente", .text(maxLength: 255),
                  doc: "Client email address."),
        FieldSpec("dato1", .text(maxLength: 500),
                  doc: "Custom tracking label slot 1."),
        FieldSpec("dato1_fecha_hora", .timestamp,
                  doc: "Timestamp for dato1."),
        FieldSpec("dato2", .text(maxLength: 500),
                  doc: "Custom tracking label slot 2."),
        FieldSpec("dato2_fecha_hora", .timestamp,
                  doc: "Timestamp for dato2."),
        FieldSpec("dato3", .text(maxLength: 500),
                  doc: "Custom tracking label slot 3."),
        FieldSpec("dato3_fecha_hora", .timestamp,
                  doc: "Timestamp for dato3."),
        FieldSpec("dato4", .text(maxLength: 500),
                  doc: "Custom tracking label slot 4."),
        FieldSpec("dato4_fecha_hora", .timestamp,
                  doc: "Timestamp for dato4."),
        FieldSpec("comentarios_aseguradora", .text(maxLength: 65_535),
                  doc: "Free-text notes exchanged with the insurer."),
        FieldSpec("comentarios_aseguradora_fh", .timestamp,
                  doc: "Timestamp of the latest insurer comment."),
        FieldSpec("doc_orden_admision", .boolean,
                  doc: "Admission work order received. Omit or send `null` for \"not yet confirmed\"."),
        FieldSpec("doc_identificacion", .boolean,
                  doc: "Client government-issued ID received. Omit or send `null` for \"not yet confirmed\"."),
        FieldSpec("doc_tarjeta_circulacion", .boolean,
                  doc: "Vehicle registration card received. Omit or send `null` for \"not yet confirmed\"."),
        FieldSpec("doc_caratula_poliza", .boolean,
                  doc: "Insurance policy cover page received. Omit or send `null` for \"not yet confirmed\"."),
        FieldSpec("doc_carta_reparacion", .boolean,
                  doc: "Repair authorization letter received. Omit or send `null` for \"not yet confirmed\"."),
        FieldSpec("doc_comprobante_deducible", .boolean,
                  doc: "Deductible payment receipt received. Omit or send `null` for \"not yet confirmed\"."),
        FieldSpec("doc_finiquito", .boolean,
                  doc: "Final settlement document received. Omit or send `null` for \"not yet confirmed\"."),
        FieldSpec("doc_encuesta_servicio", .boolean,
                  doc: "Customer satisfaction survey completed. Omit or send `null` for \"not yet confirmed\"."),
        FieldSpec("id_aseguradora", .integer(1...Int(Int32.max)),
                  doc: "Foreign key referencing the aseguradora table. Use `GET /api/expedientes/aseguradoras` to look up valid IDs. An unknown id is a 4xx naming the field."),
    ]

    /// The PATCH `/estado` body: `estado` is read as raw input because any problem with it (missing, wrong
    /// type, unknown name) has one documented answer (§4.5), not the generic field messages; the spec documents it.
    static let estado = FieldSpec("estado", .text(maxLength: 50), nullable: false, allowed: Estado.allCases.map(\.rawValue))

    /// `POST /api/expedientes` (seed 000, M1): only `no_siniestro` required.
    static let createBody = MonitorBody(
        fields: [noSiniestro] + writable, required: [noSiniestro.name], nonBlank: [noSiniestro.name], nullMeaning: .notSet,
        description: "Body of `POST /api/expedientes` (seed 000, ruling M1). Only `no_siniestro` is required. `estado`, `creado_por`, `ubicacion_almacenamiento` and unknown keys are ignored. A value of the wrong type is a 400 naming the field.")

    /// `PUT /api/expedientes/{no_siniestro}` (seed 001, M2): any subset.
    static let updateBody = MonitorBody(
        fields: writable, nullMeaning: .clears,
        description: "Body of `PUT /api/expedientes/{no_siniestro}` (seed 001, ruling M2). Send any subset: an omitted key is unchanged, `null` clears. `estado` is stripped silently; `no_siniestro`, `creado_por`, `ubicacion_almacenamiento` and unknown keys are ignored. A value of the wrong type is a 400 naming the field.")

    /// `PATCH /api/expedientes/{no_siniestro}/estado` (§4.5).
    static let estadoBody = MonitorBody(fields: [estado], required: [estado.name])
}
