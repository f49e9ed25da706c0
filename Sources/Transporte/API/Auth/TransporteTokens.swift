import AppCore
import HTTPCore

/// Issues and reads Transporte's tokens (T5, T8): HS256 with `TRANSPORTE_JWT_SECRET`, the algorithm pinned.
/// An access token lives 60 minutes, a refresh token 24 hours; `typ` tells them apart, so neither is accepted
/// in the other's place. Claims: `sub` (Usuario id), `perfil` (Perfil id), `username`, `roles`, `pwd` (the stamp of
/// the user's password hash), `typ`, `iat`, `exp`. What a token claims is only a key to the user's current row:
/// `TransporteAuth` and refresh check it there (ruling 9).
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

    /// A signed token of `kind` for `identity`, whose current password hash is `passwordHash`.
    public func issue(_ kind: Kind, for identity: TransporteIdentity, passwordHash: String) -> String {
        let now = clock.nowSeconds()
        let lifetime = kind == .access ? Self.accessLifetimeSeconds : Self.refreshLifetimeSeconds
        return token.sign([("sub", .string(String(identity.usuarioID))), ("perfil", .integer(identity.perfilID)),
                           ("username", .string(identity.username)), ("roles", .array(identity.roles.map { .string($0) })),
                           ("pwd", .string(stamp(passwordHash: passwordHash))),
                           ("typ", .string(kind.rawValue)), ("iat", .integer(now)), ("exp", .integer(now + lifetime))])
    }

    /// The stamp a token of a user with `passwordHash` carries.
    public func stamp(passwordHash: String) -> String { token.stamp(passwordHash) }

    /// What a valid, unexpired token of `kind` claims (nil otherwise, and without a password stamp); with `cache`,
    /// a token this worker verified before and still unexpired skips the signature check.
    public func claims(from text: String, kind: Kind,
                       cache: VerifiedTokenCache? = nil) -> (identity: TransporteIdentity, passwordStamp: String)? {
        guard let claims = try? token.verify(text, now: clock.nowSeconds(), cache: cache),
              claims["typ"] == .string(kind.rawValue),
              case .string(let sub)? = claims["sub"], let usuarioID = Int(sub),
              case .number(let perfilText)? = claims["perfil"], let perfilID = Int(perfilText),
              case .string(let username)? = claims["username"],
              case .array(let roleValues)? = claims["roles"],
              case .string(let stamp)? = claims["pwd"] else { return nil }
        let roles = roleValues.compactMap(\.stringValue)
        guard roles.count == roleValues.count else { return nil }
        return (TransporteIdentity(usuarioID: usuarioID, perfilID: perfilID, username: username, roles: roles), stamp)
    }

}
