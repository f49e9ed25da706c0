/// The body fields of the checklist routes (monitor.md §3, §4.8; lengths from `0001_schema.sql`).
enum ChecklistFields {
    /// `checklist` columns a client may write, all optional and nullable.
    static let checklist: [FieldSpec] = [
        FieldSpec("no_siniestro", .text(maxLength: 100)),
        FieldSpec("fecha_inspeccion", .date),
        FieldSpec("hora", .timeOfDay),
        FieldSpec("inspeccionado_por", .text(maxLength: 255)),
        FieldSpec("ubicacion", .text(maxLength: 255)),
        FieldSpec("aprobada", .boolean),
        FieldSpec("detallado", .boolean),
        FieldSpec("carroceo_asignado", .text(maxLength: 255)),
        FieldSpec("mecanico_asignado", .text(maxLength: 255)),
        FieldSpec("pintor", .text(maxLength: 255)),
        FieldSpec("area_detallado", .text(maxLength: 255)),
        FieldSpec("marca_tipo", .text(maxLength: 255)),
        FieldSpec("anio", .text(maxLength: 255)),
        FieldSpec("serie", .text(maxLength: 255)),
        FieldSpec("areas_danadas", .text(maxLength: 65_535)),
        FieldSpec("a", .boolean),
        FieldSpec("t", .boolean),
        FieldSpec("fecha_vencimiento_seguro", .date),
        FieldSpec("deducible", .money),
        FieldSpec("demerito", .money),
        FieldSpec("lugar_entrega", .text(maxLength: 255)),
        FieldSpec("fecha_entrega", .date),
        FieldSpec("nombre_quien_recibe", .text(maxLength: 255)),
        FieldSpec("firma_quien_recibe", .text(maxLength: 255)),
        FieldSpec("observaciones_adicionales", .text(maxLength: 65_535)),
    ]

    /// `checklist_item` columns a client may write (`id_checklist` comes from the path).
    static let item: [FieldSpec] = [
        FieldSpec("sistema", .text(maxLength: 255)),
        FieldSpec("nombre_item", .text(maxLength: 255)),
        FieldSpec("valor", .text(maxLength: 50)),
    ]

    /// The boolean columns (rendered `true`/`false`).
    static let booleans: Set<String> = ["aprobada", "detallado", "a", "t"]
}
