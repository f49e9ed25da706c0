/// A user with its stored bcrypt hash, for login only (the hash never leaves the service).
struct UsuarioCredentials: Sendable {
    /// The user.
    let usuario: Usuario
    /// `usuario.password_hash`.
    let passwordHash: String
}
