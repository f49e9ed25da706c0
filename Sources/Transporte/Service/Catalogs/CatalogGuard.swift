/// A reason a catalog row cannot be deleted (409, nothing written): other active rows still use it
/// (transporte.md §6, §10; ruling 5). `sql` is a complete `SELECT 1 FROM ... WHERE ...` with exactly one `?`,
/// bound to the catalog row's Id; the row is in use when it returns a row. Static text only: it is part of
/// the definition, never built from input.
struct CatalogGuard: Sendable {
    /// The subquery, e.g. `SELECT 1 FROM PerfilRol WHERE IdRol = ? AND Eliminado = 0`.
    let sql: String
    /// The end of the 409 message: "tiene solicitudes activas asociadas" gives "No se puede eliminar este
    /// estado de solicitud porque tiene solicitudes activas asociadas".
    let reason: String
}
