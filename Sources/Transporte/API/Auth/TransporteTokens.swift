import AppCore
import HTTPCore

/// Issues and reads Transporte's tokens (T5, T8): HS256 with `TRANSPORTE_JWT_SECRET`, the algorithm pinned.
/// An access token lives 60 minutes, a refresh token 24 hours; `typ` tells them apart, so neither is accepted
/// in the other's place. Claims: `sub` (Usuario id), `perfil` (Perfil id), `username`, `roles`, `typ`, `iat`, `exp`.
public struct TransporteTokens: Sendable {
    /// Which of the two tokens.
    public enum Kind: String, Sendable {
        /// Sent as `Authorization: Bearer` on every call.
        case access
        /// Exchanged at `POST /auth/refresh` for a new pair.
        case refresh
    }

    /// Access token lifetime: 60 minutes.
    public static let accessLifetimeSeconds = 60 * 60
    /// Refresh token lifetime: 24 hours.
    public static let refreshLifetimeSeconds = 24 * 60 * 60

    private let token: HS256Token
    private let clock: any Clock

    /// Tokens signed with `secret`.
    public init(secret: String, clock: any Clock = SystemClock()) {
        token = HS256Token(secret: secret)
        self.clock = clock
    }

    /// A signed token of `kind` for `identity`.
    public func issue(_ kind: Kind, for identity: TransporteIdentity) -> String {
        let now = clock.nowSeconds()
        let lifetime = kind == .access ? Self.accessLifetimeSeconds : Self.refreshLifetimeSeconds
        return token.sign([("sub", .string(String(identity.usuarioID))), ("perfil", .integer(identity.perfilID)),
                           ("username", .string(identity.username)), ("roles", .array(identity.roles.map { .string($0) })),
                           ("typ", .string(kind.rawValue)), ("iat", .integer(now)), ("exp", .integer(now + lifetime))])
    }

    /// The identity in a valid, unexpired token of `kind`, or nil.
    public func identity(from text: String, kind: Kind) -> TransporteIdentity? {
        guard let claims = try? token.verify(text, now: clock.nowSeconds()),
              claims["typ"] == .string(kind.rawValue),
              case .string(let sub)? = claims["sub"], let usuarioID = Int(sub),
              case .number(let perfilText)? = claims["perfil"], let perfilID = Int(perfilText),
              case .string(let username)? = claims["username"],
              case .array(let roleValues)? = claims["roles"] else { return nil }
        let roles = roleValues.compactMap(\.stringValue)
        guard roles.count == roleValues.count else { return nil }
        return TransporteIdentity(usuarioID: usuarioID, perfilID: perfilID, username: username, roles: roles)
    }
}
