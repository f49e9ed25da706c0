import HTTPCore

/// Storage of expedientes and their estado history. Every write is one transaction; rows come back as
/// Monitor's JSON (dates `YYYY-MM-DDT12:00:00.000Z`, instants ISO 8601 UTC with milliseconds, M3/M9).
protocol ExpedienteRepository {
    /// The JSON array of the list items ("resumen", §4.4) of `listado`, `fecha_ingreso` descending with missing dates first.
    func summaries(_ listado: ExpedienteListado) throws -> EncodedJSON
    /// The JSON array of the list items of `GET /api/expedientes` that pass every filter of `filtro`, in the same order (ties broken
    /// by `no_siniestro`), paged by `filtro.page`.
    func summaries(_ filtro: ExpedienteFiltro) throws -> EncodedJSON
    /// Every aseguradora as `{id, nombre}`, by nombre.
    func aseguradoras() throws -> [JSONValue]
    /// The expediente row with `aseguradora`, `historial_estado` and `evidencia`, or nil when there is none.
    func detail(noSiniestro: String) throws -> JSONValue?
    /// `detail`'s JSON text, written straight from the fetched rows (the GET's answer), or nil when there is none.
    func detailJSON(noSiniestro: String) throws -> EncodedJSON?
    /// Whether an expediente with this `no_siniestro` exists.
    func exists(noSiniestro: String) throws -> Bool
    /// Inserts the expediente (estado `Ingreso`, ubicacion `Local`, `creado_por`) and its first historial row
    /// (`null` → `Ingreso`) in one transaction. Fields not sent are stored as NULL.
    func insert(noSiniestro: String, fields: DecodedFields, creadoPor: Int) throws -> ExpedienteWrite
    /// Writes the fields sent (`.null` clears) and nothing else, in one transaction.
    func update(noSiniestro: String, fields: DecodedFields) throws -> ExpedienteWrite
    /// Deletes the expediente and, by cascade, everything hanging off it (M6); false when there was none.
    func delete(noSiniestro: String) throws -> Bool
    /// Changes the estado through `cambiar_estado_expediente` in one transaction (M4).
    func changeEstado(noSiniestro: String, to estado: Estado, by usuario: Int) throws -> ExpedienteEstadoChange
    /// The estado history, newest first, each with `usuario: {id, nombre, username} | null`; nil when the
    /// expediente does not exist.
    func historial(noSiniestro: String) throws -> [JSONValue]?
}
