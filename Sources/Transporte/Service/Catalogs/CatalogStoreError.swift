/// What the database refused in a catalog write that the service's checks let through: a concurrent write
/// that won a race on a unique key, or a value the schema refuses after all. The service turns each into the
/// client's 409 or 400 (ruling 1: a client error is never a 5xx).
enum CatalogStoreError: Error, Equatable {
    /// 1062 on the named index (`uq_lugares_codigo_activo`), when the message names one.
    case duplicate(index: String?)
    /// 1406 on the named column.
    case tooLong(column: String?)
    /// 4025 (CHECK) naming the constraint (`ck_lugares_latitud`), or another invalid value (1264, 1366, ...).
    case invalid(constraint: String?)
}
