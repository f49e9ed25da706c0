import HTTPCore
import Logging

/// Route middleware with the original's exact behaviour (monitor.md §2.3): a `Bearer ` token is required
/// (`401 Token requerido`), it must verify (`401 Token inválido o expirado`), and the role must be allowed
/// (`403` with the original's two texts).
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
        guard pieces.count > 1, let identity = context.tokens.identity(from: String(pieces[1])) else {
            context.logger.warning("Token inválido o expirado")
            throw MonitorError(status: 401, "Token inválido o expirado")
        }
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

extension MonitorContext {
    /// The authenticated caller; only call from routes behind `MonitorAuth`.
    func caller() throws -> MonitorIdentity {
        guard let identity else { throw MonitorError(status: 401, "Token requerido") }
        return identity
    }
}
