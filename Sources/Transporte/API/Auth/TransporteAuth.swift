import AppCore
import HTTPCore
import Logging

/// Route middleware for T5: a valid access token is required (401 otherwise, with `WWW-Authenticate: Bearer`),
/// and, where the route names roles, the caller must have one of them or be an ADMIN (403). Per-solicitud
/// rules (its requester, its approver) are the services' (403 too). The token only names the user: its row as
/// this worker read it in the last `SessionUsers.lifetimeMilliseconds` decides (ruling 9): deleted, inactive, on
/// another Perfil or with a new password → 401; the current roles are the ones checked.
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
        guard let claimed = context.tokens.claims(from: String(pieces[1]).trimmingSpaces, kind: .access,
                                                      cache: context.sessionUsers.verifiedTokens),
              let current = try context.sessionUser(id: claimed.identity.usuarioID), current.accepts(claimed) else {
            context.logger.warning("token refused")
            throw TransporteError.invalidToken
        }
        let identity = current.identity
        context.identity = identity
        context.logger[metadataKey: "user"] = .stringConvertible(identity.usuarioID)
        if !roles.isEmpty && !identity.isAdmin && !roles.contains(where: identity.has) {
            throw TransporteError.forbidden
        }
        return try next(request, context)
    }
}

/// A worker's memory of the users its requests named.
typealias SessionUsers = SessionUserCache<SessionUser>

extension TransporteContext {
    /// User `id` while it may act, read at most once per `SessionUsers.lifetimeMilliseconds`.
    func sessionUser(id: Int) throws -> SessionUser? {
        try sessionUsers.user(id: id, now: environment.clock.nowMilliseconds()) {
            SessionUser(try persistence.auth.user(id: id), tokens: tokens)
        }
    }

    /// The authenticated caller; only call from routes behind `TransporteAuth`.
    func caller() throws -> TransporteIdentity {
        guard let identity else { throw TransporteError.notAuthenticated }
        return identity
    }
}

extension String {
    /// Without leading and trailing spaces, found by byte: walking the token (hundreds of bytes) as reversed
    /// Characters through generic collection code was a third of `GET /solicitud/:id`'s app CPU (issue 16). A
    /// space is one ASCII byte, so the byte positions are character boundaries.
    fileprivate var trimmingSpaces: String {
        let space = UInt8(ascii: " ")
        guard let first = utf8.firstIndex(where: { $0 != space }), let last = utf8.lastIndex(where: { $0 != space })
        else { return "" }
        if first == startIndex && last == utf8.index(before: endIndex) { return self }
        return String(self[first...last])
    }
}
