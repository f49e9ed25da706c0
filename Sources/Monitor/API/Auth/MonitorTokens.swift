import AppCore
import HTTPCore

/// Issues and reads Monitor's tokens: HS256 with the module's secret, claims `id`, `username`, `rol`, `pwd` (the
/// stamp of the user's password hash), `iat`, `exp`; 8 h (ruling M5). What a token claims is only a key to the
/// user's current row: `MonitorAuth` checks it there (ruling 9, M17).
public struct MonitorTokens: Sendable {
    /// Token lifetime: 8 hours.
    public static let lifetimeSeconds = 8 * 3_600
    private let token: HS256Token
    private let clock: any Clock

    /// Tokens signed with `secret`.
    public init(secret: String, clock: any Clock = SystemClock()) {
        token = HS256Token(secret: secret)
        self.clock = clock
    }

    /// A signed token for `identity`, whose current password hash is `passwordHash`.
    public func issue(for identity: MonitorIdentity, passwordHash: String) -> String {
        let now = clock.nowSeconds()
        return token.sign([("id", .integer(identity.id)), ("username", .string(identity.username)),
                           ("rol", .string(identity.rol.rawValue)), ("pwd", .string(stamp(passwordHash: passwordHash))),
                           ("iat", .integer(now)), ("exp", .integer(now + MonitorTokens.lifetimeSeconds))])
    }

    /// The stamp a token of a user with `passwordHash` carries.
    public func stamp(passwordHash: String) -> String { token.stamp(passwordHash) }

    /// What a valid token claims (bad signature, expired, malformed, unknown role, no stamp: nil); with `cache`, a
    /// token this worker verified before and still unexpired skips the signature check.
    public func claims(from text: String, cache: VerifiedTokenCache? = nil) -> (identity: MonitorIdentity, passwordStamp: String)? {
        guard let claims = try? token.verify(text, now: clock.nowSeconds(), cache: cache),
              case .number(let idText)? = claims["id"], let id = Int(idText),
              case .string(let username)? = claims["username"],
              case .string(let rolText)? = claims["rol"], let rol = Rol(input: rolText),
              case .string(let stamp)? = claims["pwd"] else { return nil }
        return (MonitorIdentity(id: id, username: username, rol: rol), stamp)
    }
}
