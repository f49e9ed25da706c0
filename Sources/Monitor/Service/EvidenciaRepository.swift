import HTTPCore

/// The evidencia rows (monitor.md §3, §4.6, §6.2). Reads return Monitor's JSON; writes run inside `transaction`.
protocol EvidenciaRepository {
    /// Runs `body` in one transaction.
    func transaction<T>(_ body: () throws -> T) throws -> T
    /// The expediente's stored `no_siniestro` (the database ignores trailing spaces when comparing) and its
    /// `estado`, or nil when there is none; inside a transaction its row stays locked until the end.
    func lockExpediente(_ noSiniestro: String) throws -> (noSiniestro: String, estado: String)?
    /// Inserts a `Local` evidencia and returns its id.
    func insert(_ evidencia: NuevaEvidencia) throws -> Int
    /// One evidencia row as written (all columns).
    func row(id: Int) throws -> JSONValue?
    /// The expediente's evidencias for `GET …/evidencias`, newest first.
    func list(noSiniestro: String) throws -> [JSONValue]
    /// The evidencia `id`, locked for deletion.
    func stored(id: Int) throws -> EvidenciaGuardada?
    /// Deletes the evidencia `id`.
    func delete(id: Int) throws
    /// Deletes the expediente's `Local` evidencias whose `ruta` starts with `rutaPrefix`; returns how many.
    func deleteLocal(noSiniestro: String, rutaPrefix: String) throws -> Int
    /// Recomputes `expediente.ubicacion_almacenamiento` from its estado and evidencias (§6.2).
    func syncUbicacion(noSiniestro: String) throws
}
