/// The columns a user update writes; nil leaves a column unchanged (`nombre` uses `setsNombre`, since null clears it).
struct UsuarioUpdate: Sendable, Equatable {
    /// Whether `nombre` is written (the key was present in the request).
    var setsNombre = false
    /// The new `nombre` (nil clears it when `setsNombre`).
    var nombre: String?
    /// The new username.
    var username: String?
    /// The new bcrypt hash.
    var passwordHash: String?
    /// The new role.
    var rol: Rol?
}
