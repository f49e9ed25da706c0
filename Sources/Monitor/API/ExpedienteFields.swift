/// The body fields of the expediente endpoints, as data (seeds 000 and 001, rulings M1-M3). Lengths are the
/// columns' in `sql/monitor/0001_schema.sql`, so an over-long value is a 400 naming the field, never a
/// database error. Keys not listed here (`estado`, `creado_por`, `ubicacion_almacenamiento`, unknown keys, and
/// `no_siniestro` on update) are ignored.
enum ExpedienteFields {
    /// `no_siniestro` on create (VARCHAR(100); trimmed and required by the service).
    static let noSiniestro = FieldSpec("no_siniestro", .text(maxLength: 100))

    /// Every field that create (M1) and update (M2) write: the fields of seeds 000/001 plus `fecha_entrega`,
    /// in the order of the JSON rows. Each is nullable (`null` clears it on update).
    static let writable: [FieldSpec] = [
        FieldSpec("factura", .text(maxLength: 255)),
        FieldSpec("orden", .text(maxLength: 255)),
        FieldSpec("asesor", .text(maxLength: 255)),
        FieldSpec("fecha_ingreso", .date),
        FieldSpec("fecha_valuacion", .date),
        FieldSpec("fecha_autorizacion", .date),
        FieldSpec("fecha_pzas_completas", .date),
        FieldSpec("fecha_entrega", .date),
        FieldSpec("unidad_terminada", .date),
        FieldSpec("tecnico", .text(maxLength: 255)),
        FieldSpec("mecanico", .text(maxLength: 255)),
        FieldSpec("vehiculo", .text(maxLength: 65_535)),
        FieldSpec("observaciones", .text(maxLength: 65_535)),
        FieldSpec("marca", .text(maxLength: 255)),
        FieldSpec("modelo", .text(maxLength: 255)),
        FieldSpec("tipo", .text(maxLength: 255)),
        FieldSpec("color", .text(maxLength: 255)),
        FieldSpec("placas", .text(maxLength: 255)),
        FieldSpec("nombre_cliente", .text(maxLength: 255)),
        FieldSpec("telefono_cliente", .text(maxLength: 255)),
        FieldSpec("correo_cliente", .text(maxLength: 255)),
        FieldSpec("dato1", .text(maxLength: 500)),
        FieldSpec("dato1_fecha_hora", .timestamp),
        FieldSpec("dato2", .text(maxLength: 500)),
        FieldSpec("dato2_fecha_hora", .timestamp),
        FieldSpec("dato3", .text(maxLength: 500)),
        FieldSpec("dato3_fecha_hora", .timestamp),
        FieldSpec("dato4", .text(maxLength: 500)),
        FieldSpec("dato4_fecha_hora", .timestamp),
        FieldSpec("comentarios_aseguradora", .text(maxLength: 65_535)),
        FieldSpec("comentarios_aseguradora_fh", .timestamp),
        FieldSpec("doc_orden_admision", .boolean),
        FieldSpec("doc_identificacion", .boolean),
        FieldSpec("doc_tarjeta_circulacion", .boolean),
        FieldSpec("doc_caratula_poliza", .boolean),
        FieldSpec("doc_carta_reparacion", .boolean),
        FieldSpec("doc_comprobante_deducible", .boolean),
        FieldSpec("doc_finiquito", .boolean),
        FieldSpec("doc_encuesta_servicio", .boolean),
        FieldSpec("id_aseguradora", .integer(1...Int(Int32.max))),
    ]

    /// The PATCH `/estado` body: `estado` is read as raw input because any problem with it (missing, wrong
    /// type, unknown name) has one documented answer (§4.5), not the generic field messages.
    static let estadoKey = "estado"
}
