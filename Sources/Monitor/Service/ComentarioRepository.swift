import HTTPCore

/// The comentario rows (monitor.md §3, §4.9).
protocol ComentarioRepository {
    /// The expediente's stored `no_siniestro` (the database ignores trailing spaces when comparing), or nil.
    func expedienteKey(_ noSiniestro: String) throws -> String?
    /// Inserts a comentario; returns its id.
    func insert(_ comentario: NuevoComentario) throws -> Int
    /// One comentario with `usuario: {id, nombre, username} | null`.
    func comentario(id: Int) throws -> JSONValue?
    /// The comentarios of an expediente, newest first, each with its `usuario`.
    func list(noSiniestro: String) throws -> [JSONValue]
    /// Deletes a comentario; false when there was none.
    func delete(id: Int) throws -> Bool
}
