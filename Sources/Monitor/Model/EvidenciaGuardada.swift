/// What deleting an evidencia needs to know of its row.
struct EvidenciaGuardada: Sendable, Equatable {
    /// `evidencia.id`.
    let id: Int
    /// The expediente it belongs to.
    let noSiniestro: String
    /// The client's file name, if any.
    let nombreArchivo: String?
    /// Where the file is (`/evidencias/…` locally, an object key in the cloud).
    let ruta: String?
    /// `Local` or `Nube`.
    let ubicacion: String
}
