/// A generated form: the name a download gets, where the file is kept, and its bytes.
struct FormatoArchivo: Sendable {
    /// `EXPEDIENTE_<no_siniestro>.xlsx` and so on, with `/`, `\` and control characters made `_` (M12).
    let downloadName: String
    /// The copy under the expediente's `FORMATOS/` folder.
    let path: String
    /// The `.xlsx` bytes.
    let bytes: [UInt8]
}
