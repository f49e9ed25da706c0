import HTTPCore

/// The body fields of the levantamiento routes (monitor.md §3, §4.7; lengths from `0001_schema.sql`).
enum LevantamientoFields {
    /// `levantamiento_danios` columns a client may write. `fecha` also takes `DD/MM/YYYY` (ruling M9).
    /// `no_siniestro` is nullable here so that `null` gets the documented "requerido" message.
    static let levantamiento: [FieldSpec] = [
        FieldSpec("no_siniestro", .text(maxLength: 100), doc: "The expediente (must exist)."),
        FieldSpec("fecha", .dateOrDayMonthYear),
        FieldSpec("orden", .text(maxLength: 255)),
        FieldSpec("marca", .text(maxLength: 255)),
        FieldSpec("tipo", .text(maxLength: 255)),
        FieldSpec("modelo", .text(maxLength: 255)),
        FieldSpec("placas", .text(maxLength: 255)),
        FieldSpec("kilometraje", .text(maxLength: 255)),
        FieldSpec("no_puertas", .text(maxLength: 255)),
        FieldSpec("color", .text(maxLength: 255)),
        FieldSpec("serie", .text(maxLength: 255)),
        FieldSpec("eco", .text(maxLength: 255)),
        FieldSpec("asegurado_tercero", .text(maxLength: 255)),
        FieldSpec("nombre_propietario", .text(maxLength: 255)),
        FieldSpec("telefono", .text(maxLength: 255)),
        FieldSpec("direccion", .text(maxLength: 500)),
        FieldSpec("pega", .text(maxLength: 255)),
        FieldSpec("cristales", .boolean),
        FieldSpec("aire", .boolean),
        FieldSpec("vestiduras", .boolean),
        FieldSpec("rin", .boolean),
        FieldSpec("direccion_veh", .boolean),
        FieldSpec("tipo_pintura", .boolean),
        FieldSpec("trasmision", .boolean),
    ]

    /// `levantamiento_concepto` columns a client may write (`id_levantamiento` comes from the path or parent).
    static let concepto: [FieldSpec] = [
        FieldSpec("claves", .text(maxLength: 255)),
        FieldSpec("concepto", .text(maxLength: 1_000)),
        FieldSpec("costo", .money),
    ]

    /// The key of the concept list: read on create, ignored on update (§4.7).
    static let conceptosKey = "conceptos"

    /// `POST /api/levantamientos`: `no_siniestro` required, `conceptos` created with it.
    static let createBody = MonitorBody(
        fields: levantamiento, required: ["no_siniestro"], nonBlank: ["no_siniestro"], nullMeaning: .notSet, refusesUnknownKeys: true,
        lists: [MonitorBody.List(key: conceptosKey, fields: concepto, refusesUnknownKeys: true)],
        description: FieldSchema.refusalNote)

    /// `PUT /api/levantamientos/{id}`: partial; `conceptos` ignored.
    static let updateBody = MonitorBody(
        fields: levantamiento, nonBlank: ["no_siniestro"], nonNull: ["no_siniestro"], nullMeaning: .clears, refusesUnknownKeys: true,
        extraProperties: [(conceptosKey, ["description": "Ignored on update (§4.7)."])],
        description: "Partial update; `conceptos` is ignored (§4.7), any other unknown key is a 400 naming it (ruling 1, monitor.md §9).")

    /// `POST /api/levantamientos/{id}/conceptos`: `concepto` required.
    static let conceptoBody = MonitorBody(
        fields: concepto, required: ["concepto"], nonBlank: ["concepto"], refusesUnknownKeys: true,
        description: FieldSchema.refusalNote)

    /// The boolean columns (rendered `true`/`false`).
    static let booleans: Set<String> = ["cristales", "aire", "vestiduras", "rin", "direccion_veh", "tipo_pintura", "trasmision"]
}
