/// An evidencia row about to be written (monitor.md §4.6).
struct NuevaEvidencia: Sendable, Equatable {
    /// The expediente.
    let noSiniestro: String
    /// `documento` or `evidencia`.
    let tipo: String
    /// The client's file name, for display only.
    let nombreArchivo: String
    /// The public path of the stored file (`/evidencias/<folder>/<name>`).
    let ruta: String
    /// The uploader (`usuario.id`).
    let subidoPor: Int
}
