import AppCore
import HTTPCore

/// Issues and reads Monitor's tokens: HS256 with the module's secret, claims `id`, `username`, `rol`, 8 h
/// (ruling M5).
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

    /// A signed token for `identity`.
    public func issue(for identity: MonitorIdentity) -> String {
        let now = clock.nowSeconds()
        return token.sign([("id", .integer(identity.id)), ("username", .string(identity.username)),
                           ("rol", .string(identity.rol.rawValue)), ("iat", .integer(now)),
                           ("exp", .integer(now + MonitorTokens.lifetimeSeconds))])
    }

    /// The identity in a valid token, or nil (bad signature, expired, malformed, unknown role).
    public func identity(from text: String) -> MonitorIdentity? {
        guard let claims = try? token.verify(text, now: clock.nowSeconds()),
              case .number(let idText)? = claims["id"], let id = Int(idText),
              case .string(let username)? = claims["username"],
              case .string(let rolText)? = claims["rol"], let rol = Rol(input: rolText) else { return nil }
        return MonitorIdentity(id: id, username: username, rol: rol)
    }
}
