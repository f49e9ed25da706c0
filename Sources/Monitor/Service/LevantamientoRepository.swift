import HTTPCore

/// The levantamiento_danios and levantamiento_concepto rows (monitor.md §3, §4.7).
protocol LevantamientoRepository {
    /// Runs `body` in one transaction.
    func transaction<T>(_ body: () throws -> T) throws -> T
    /// The expediente's stored `no_siniestro` (the database ignores trailing spaces when comparing), or nil.
    func expedienteKey(_ noSiniestro: String) throws -> String?
    /// Inserts a levantamiento with the fields sent (others NULL); returns its id.
    func insert(_ fields: DecodedFields) throws -> Int
    /// Inserts a concepto of levantamiento `levantamiento`; returns its id.
    func insertConcepto(levantamiento: Int, _ fields: DecodedFields) throws -> Int
    /// Whether the levantamiento exists, locking it inside a transaction.
    func lock(id: Int) throws -> Bool
    /// Writes the fields sent to levantamiento `id`.
    func update(id: Int, _ fields: DecodedFields) throws
    /// The levantamiento with its `levantamiento_concepto` array, as object members.
    func levantamiento(id: Int) throws -> [(String, JSONValue)]?
    /// Every levantamiento (or those of one expediente) with concepts, id descending; only `page` of them when
    /// given (ruling 7).
    func list(noSiniestro: String?, page: ListPage?) throws -> [JSONValue]
    /// The newest levantamiento of an expediente with its concepts.
    func latest(noSiniestro: String) throws -> JSONValue?
    /// The full expediente row (scalars), or `null`.
    func expediente(noSiniestro: String) throws -> JSONValue
    /// The sum of the concepts' costo (exact decimal text), or nil when the levantamiento does not exist.
    func total(id: Int) throws -> String?
    /// One concepto row.
    func concepto(id: Int) throws -> JSONValue?
    /// Deletes a concepto; false when there was none.
    func deleteConcepto(id: Int) throws -> Bool
    /// Deletes a levantamiento and (by cascade) its concepts; false when there was none.
    func delete(id: Int) throws -> Bool
}
