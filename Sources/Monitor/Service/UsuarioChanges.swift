/// The changes of `PUT /api/usuarios/:id` as the request sent them (monitor.md §4.2): `nombre` applies whenever
/// the key is present (`null` clears); `username`, `password` and `rol` only when non-empty.
struct UsuarioChanges: Sendable, Equatable {
    /// `.some(nil)` clears `nombre`; nil (absent) keeps it.
    var nombre: String??
    /// The new login name; nil or empty keeps it.
    var username: String?
    /// The new password; nil or empty keeps it.
    var password: String?
    /// The new role as sent; nil or empty keeps it.
    var rol: String?
}
