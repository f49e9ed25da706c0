/// A generated form: the name a download gets, where the file is kept, and its bytes.
struct FormatoArchivo: Sendable {
    /// `EXPEDIENTE_<no_siniestro>.xlsx` and so on, with `/`, `\` and control characters made `_` (M12).
    let downloadName: String
    /// The stored copy's key (`evidencias/<folder>/FORMATOS/<name>`).
    let key: String
    /// The `.xlsx` bytes.
    let bytes: [UInt8]
}
