import HTTPCore
import Logging

/// Route middleware for T5: a valid access token is required (401 otherwise, with `WWW-Authenticate: Bearer`),
/// and, where the route names roles, the caller must have one of them or be an ADMIN (403). Per-solicitud
/// rules (its requester, its approver) are the services' (403 too).
struct TransporteAuth: Middleware {
    /// Roles that may pass besides ADMIN; empty means any authenticated user.
    let roles: [TransporteRol]

    /// Any authenticated user.
    static let authenticated = TransporteAuth(roles: [])
    /// ADMIN only (catalog writes).
    static let admin = TransporteAuth(roles: [.admin])

    /// Callers with one of `roles` (ADMIN always passes).
    static func roles(_ roles: TransporteRol...) -> TransporteAuth { TransporteAuth(roles: roles) }

    func handle(_ request: Request, context: TransporteContext, next: Next<TransporteContext>) throws -> Response {
        guard let header = request.headers["Authorization"] else { throw TransporteError.notAuthenticated }
        let pieces = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard pieces.count == 2, pieces[0].lowercased() == "bearer" else { throw TransporteError.notAuthenticated }
        guard let identity = context.tokens.identity(from: String(pieces[1]).trimmingSpaces, kind: .access) else {
            context.logger.warning("token refused")
            throw TransporteError.invalidToken
        }
        context.identity = identity
        context.logger[metadataKey: "user"] = .stringConvertible(identity.usuarioID)
        if !roles.isEmpty && !identity.isAdmin && !roles.contains(where: identity.has) {
            throw TransporteError.forbidden
        }
        return try next(request, context)
    }
}

extension TransporteContext {
    /// The authenticated caller; only call from routes behind `TransporteAuth`.
    func caller() throws -> TransporteIdentity {
        guard let identity else { throw TransporteError.notAuthenticated }
        return identity
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
