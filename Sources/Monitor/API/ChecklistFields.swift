/// The body fields of the checklist routes (monitor.md §3, §4.8; lengths from `0001_schema.sql`).
enum ChecklistFields {
    /// `checklist` columns a client may write, all optional and nullable.
    static let checklist: [FieldSpec] = [
        FieldSpec("no_siniestro", .text(maxLength: 100), doc: "The expediente (must exist when given)."),
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
        FieldSpec("valor", .text(maxLength: 50), doc: "Expected `OK`, `RE`, `MA` or `NA`."),
    ]

    /// `POST /api/checklist` and `PUT /api/checklist/{id}`: every field optional.
    static func checklistBody(nullMeaning: MonitorBody.NullMeaning) -> MonitorBody {
        MonitorBody(fields: checklist, nullMeaning: nullMeaning, refusesUnknownKeys: true,
                    description: "Every field optional. On update an omitted key is unchanged and `null` clears (ruling 5). Any other key is a 400 naming it (ruling 1, monitor.md §9).")
    }

    /// `POST /api/checklist/{id}/items`.
    static let itemBody = MonitorBody(fields: item, refusesUnknownKeys: true,
                                      description: FieldSchema.refusalNote)

    /// `PUT /api/checklist/{id}/items/bulk`: only `items`, each keeping `sistema`, `nombre_item`, `valor` (§9).
    static let bulkBody = MonitorBody(
        fields: [], refusesUnknownKeys: true,
        lists: [MonitorBody.List(key: itemsKey, fields: item, description: "The new items; absent = none.",
                                 itemDescription: "An item: `sistema`, `nombre_item`, `valor`; other keys are ignored (§9).")],
        description: FieldSchema.refusalNote)

    /// The key of the bulk body's list.
    static let itemsKey = "items"

    /// The boolean columns (rendered `true`/`false`).
    static let booleans: Set<String> = ["aprobada", "detallado", "a", "t"]
}
