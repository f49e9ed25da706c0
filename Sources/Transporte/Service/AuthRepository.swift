/// A login user as auth needs it: credentials, state, their Perfil and their active roles.
struct LoginUser: Sendable {
    /// `Usuario.Id`.
    let usuarioID: Int
    /// `Perfil.Id`.
    let perfilID: Int
    /// The login name.
    let username: String
    /// The bcrypt hash (nil: cannot log in).
    let passwordHash: String?
    /// The full name from the Perfil.
    let nombre: String
    /// The contact e-mail (Perfil, else Usuario).
    let email: String?
    /// Whether the account may log in.
    let activo: Bool
    /// Active role codes.
    let roles: [String]

    /// The token identity.
    var identity: TransporteIdentity {
        TransporteIdentity(usuarioID: usuarioID, perfilID: perfilID, username: username, roles: roles)
    }
}

/// The users auth reads.
protocol AuthRepository {
    /// The active (not deleted) user named `username`, with their Perfil and roles.
    func user(username: String) throws -> LoginUser?
    /// The active (not deleted) user with id `usuarioID`.
    func user(id usuarioID: Int) throws -> LoginUser?
    /// Records a successful login.
    func recordLogin(usuarioID: Int) throws
}
