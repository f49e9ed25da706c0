/// The body fields of `POST /api/comentarios` (monitor.md §4.9). Both are required; the service says so with
/// the documented message, the decoder only checks their types and lengths.
enum ComentarioFields {
    /// `no_siniestro` and `comentario` (TEXT: at most 65,535 bytes, re-checked by the database).
    static let comentario: [FieldSpec] = [
        FieldSpec("no_siniestro", .text(maxLength: 100), doc: "Must name an existing expediente."),
        FieldSpec("comentario", .text(maxLength: 65_535)),
    ]

    /// `POST /api/comentarios`: both required and not blank.
    static let createBody = MonitorBody(fields: comentario, required: ["no_siniestro", "comentario"],
                                        nonBlank: ["no_siniestro", "comentario"])
}
