/// Messages shared by the records features (levantamientos, checklist, comentarios).
enum RecordMessages {
    /// 400 when a body's `no_siniestro` names no expediente (monitor.md §4.7; ruling 1 extends it to the
    /// checklist and comentario bodies, which must name the field).
    static let expedienteMissing = "No existe un expediente con ese no_siniestro"
}
