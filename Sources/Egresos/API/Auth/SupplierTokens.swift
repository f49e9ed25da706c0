import AppCore
import HTTPCore

/// Supplier sessions (egresos.md §10.2): HS256 with `SUPPLIER_JWT_SECRET`, the algorithm pinned. Payload
/// `{"sub": <supplier e-mail>, "type": "supplier", "iat", "exp"}`; a token without `exp` (the original issued
/// them) is refused as invalid (401 `4011`, ruling 9). Stateless: nothing is stored per token.
public struct SupplierTokens: Sendable {
    /// A session as `POST /api/v1/suppliers/session` answers it.
    public struct Session: Sendable, Equatable {
        /// The signed token.
        public let token: String
        /// Login time in ms + TTL × 1000, in Unix **milliseconds**.
        public let expiresAtMilliseconds: Int64
        /// Always `"bearer"`.
        public let grantType = "bearer"
    }

    private let token: HS256Token
    /// `SUPPLIER_SESSION_TTL_SECONDS`.
    public let lifetimeSeconds: Int
    /// Seconds of clock skew allowed on `exp`.
    public let leeway: Int
    private let clock: any Clock

    /// Tokens signed with `secret`.
    public init(secret: String, lifetimeSeconds: Int, leeway: Int, clock: any Clock) {
        token = HS256Token(secret: secret)
        self.lifetimeSeconds = lifetimeSeconds
        self.leeway = leeway
        self.clock = clock
    }

    /// A new session for the supplier with e-mail `email`.
    public func issue(email: String) -> Session {
        let now = clock.nowMilliseconds()
        let iat = Int(now / 1000)
        let signed = token.sign([("sub", .string(email)), ("type", .string("supplier")), ("iat", .integer(iat)),
                                 ("exp", .integer(iat + lifetimeSeconds))])
        return Session(token: signed, expiresAtMilliseconds: now + Int64(lifetimeSeconds) * 1000)
    }

    /// The claims of a valid supplier token, with its `sub` and `iat` (§10.2 up to the database check).
    /// RS256 (staff) tokens, `none` or a bad signature → 403 `4033`; undecodable or without `exp` → 401 `4011`; expired → 401
    /// `4016`; `type` ≠ `supplier` → 401 `4013`; no `sub` → 401 `4015`.
    /// With `cache`, a session this worker verified before and still unexpired skips the signature check.
    func verify(_ text: String, cache: VerifiedTokenCache? = nil) throws -> (claims: InputObject, subject: String, issuedAt: Int64?) {
        let now = clock.nowSeconds()
        let claims: InputObject
        do {
            claims = try token.verify(text, now: now, leeway: leeway, cache: cache)
        } catch {
            switch error {
            case .malformed: throw EgresosError(code: "4011")
            case .wrongAlgorithm, .badSignature: throw EgresosError(code: "4033")
            case .expired: throw EgresosError(code: "4016")
            }
        }
        let issuedAt: Int64?
        switch claims["iat"] {
        case nil: issuedAt = nil
        case .number(let text)?:
            guard let seconds = Double(text) else { throw EgresosError(code: "4011") }
            issuedAt = Int64(seconds.rounded(.down))
        default: throw EgresosError(code: "4011")
        }
        guard claims["type"] == .string("supplier") else { throw EgresosError(code: "4013") }
        guard let subject = claims["sub"]?.stringValue, !subject.isEmpty else { throw EgresosError(code: "4015") }
        return (claims, subject, issuedAt)
    }
}
