import AppCore
import HTTPCore
import Logging

/// Route middleware with the original's exact behaviour (monitor.md §2.3): a `Bearer ` token is required
/// (`401 Token requerido`), it must verify (`401 Token inválido o expirado`), and the role must be allowed
/// (`403` with the original's two texts). The token only names the user: its row as this worker read it in the
/// last `SessionUsers.lifetimeMilliseconds` decides (ruling 9, M17): a deleted user or a changed password
/// (another hash, so the token's stamp no longer matches) is a 401, and the current role is the one checked.
struct MonitorAuth: Middleware {
    /// Who may pass.
    enum Requirement: Sendable {
        /// Any valid token (T).
        case anyRole
        /// Administrador or Operador (AO).
        case adminOrOperator
        /// Administrador only (A).
        case admin
    }

    let requirement: Requirement

    /// T: any authenticated user.
    static let token = MonitorAuth(requirement: .anyRole)
    /// AO: Administrador or Operador.
    static let adminOrOperator = MonitorAuth(requirement: .adminOrOperator)
    /// A: Administrador.
    static let admin = MonitorAuth(requirement: .admin)

    func handle(_ request: Request, context: MonitorContext, next: Next<MonitorContext>) throws -> Response {
        guard let header = request.headers["Authorization"], header.hasPrefix("Bearer ") else {
            throw MonitorError(status: 401, "Token requerido")
        }
        let pieces = header.split(separator: " ", omittingEmptySubsequences: false)
        guard pieces.count > 1, let claimed = context.tokens.claims(from: String(pieces[1]), cache: context.sessionUsers.verifiedTokens),
              let current = try context.sessionUser(id: claimed.identity.id),
              current.passwordStamp == claimed.passwordStamp else {
            context.logger.warning("Token inválido o expirado")
            throw MonitorError(status: 401, "Token inválido o expirado")
        }
        let identity = current.identity
        switch requirement {
        case .anyRole: break
        case .adminOrOperator:
            guard identity.rol == .administrador || identity.rol == .operador else {
                throw MonitorError(status: 403, "Acceso restringido a administradores y operadores")
            }
        case .admin:
            guard identity.rol == .administrador else { throw MonitorError(status: 403, "Acceso restringido a administradores") }
        }
        context.identity = identity
        context.logger[metadataKey: "user"] = .stringConvertible(identity.id)
        return try next(request, context)
    }
}

/// What a token is checked against: the user's current name, role and password stamp.
struct SessionUser {
    /// The user as the request sees it.
    let identity: MonitorIdentity
    /// `MonitorTokens.stamp` of the current password hash.
    let passwordStamp: String
}

/// A worker's memory of the users its requests named.
typealias SessionUsers = SessionUserCache<SessionUser>

extension MonitorContext {
    /// User `id` as it stands (nil: deleted), read at most once per `SessionUsers.lifetimeMilliseconds`.
    func sessionUser(id: Int) throws -> SessionUser? {
        try sessionUsers.user(id: id, now: environment.clock.nowMilliseconds()) {
            try persistence.usuarios.credentials(id: id).map {
                SessionUser(identity: $0.usuario.identity, passwordStamp: tokens.stamp(passwordHash: $0.passwordHash))
            }
        }
    }

    /// The authenticated caller; only call from routes behind `MonitorAuth`.
    func caller() throws -> MonitorIdentity {
        guard let identity else { throw MonitorError(status: 401, "Token requerido") }
        return identity
    }
}
