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

/// What a token is checked against (ruling 9): the user as it stands, or nil when it may no longer act (deleted,
/// inactive, without a password), with the stamp of its current password hash.
struct SessionUser: Sendable {
    /// The user as the request sees it (current roles).
    let identity: TransporteIdentity
    /// `TransporteTokens.stamp` of the current password hash.
    let passwordStamp: String

    /// `user` (read with `Eliminado = 0`) while it may act.
    init?(_ user: LoginUser?, tokens: TransporteTokens) {
        guard let user, user.activo, let hash = user.passwordHash else { return nil }
        identity = user.identity
        passwordStamp = tokens.stamp(passwordHash: hash)
    }

    /// Whether a token claiming `claimed` is still this user's: the same Perfil and the same password.
    func accepts(_ claimed: (identity: TransporteIdentity, passwordStamp: String)) -> Bool {
        claimed.identity.perfilID == identity.perfilID && claimed.passwordStamp == passwordStamp
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
