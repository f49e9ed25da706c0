import AppCore
import HTTPCore
import Logging

/// Login and refresh (T5, T8). Every refusal of a login is the same 401, whatever the reason (unknown user,
/// wrong password, inactive account), so the answer does not tell which usernames exist.
struct AuthService {
    let repository: any AuthRepository
    let tokens: TransporteTokens
    let logger: Logger

    static let badCredentials = TransporteError(status: 401, "Usuario o contraseña incorrectos")
    static let badRefresh = TransporteError(status: 401, "Token de actualización inválido o expirado")

    /// Checks the credentials; answers the token pair and the user.
    func login(username: String, password: String) throws -> JSONValue {
        // An unknown user, an inactive one and one without a password cost the same bcrypt round as a wrong
        // password, so the timing does not tell which usernames exist either.
        let user = try repository.user(username: username)
        guard PasswordHasher.verifyLogin(password, hash: user?.activo == true ? user?.passwordHash : nil), let user else {
            logger.notice("login refused", metadata: ["username": "\(username)"])
            throw Self.badCredentials
        }
        try repository.recordLogin(usuarioID: user.usuarioID)
        return session(for: user)
    }

    /// Exchanges a valid refresh token of a still active user for a new pair (roles re-read).
    func refresh(token: String) throws -> JSONValue {
        guard let claimed = tokens.claims(from: token, kind: .refresh),
              let user = try repository.user(id: claimed.identity.usuarioID),
              SessionUser(user, tokens: tokens)?.accepts(claimed) == true else {
            throw Self.badRefresh
        }
        return session(for: user)
    }

    private func session(for user: LoginUser) -> JSONValue {
        let identity = user.identity, hash = user.passwordHash ?? ""
        return .object([
            ("access_token", .string(tokens.issue(.access, for: identity, passwordHash: hash))),
            ("refresh_token", .string(tokens.issue(.refresh, for: identity, passwordHash: hash))),
            ("token_type", .string("bearer")),
            ("expires_in", .integer(TransporteTokens.accessLifetimeSeconds)),
            ("usuario", .object([
                ("Id", .integer(user.usuarioID)), ("IdPerfil", .integer(user.perfilID)), ("Nombre", .string(user.nombre)),
                ("Email", user.email.map(JSONValue.string) ?? .null), ("Roles", .array(user.roles.map(JSONValue.string))),
            ])),
        ])
    }
}
