import Crypto
import HTTPCore

/// JSON Web Tokens signed with HMAC-SHA256, the algorithm pinned: a token whose header names anything else
/// (`none`, `RS256`, …) is refused before its signature is looked at.
public struct HS256Token: Sendable {
    /// Why a token was refused.
    public enum Failure: Error, Equatable, Sendable {
        /// Not three base64url parts of JSON objects, or a claim of the wrong type (no `exp` included: a token that
        /// never expires is refused in every module, ruling 9).
        case malformed
        /// The header's `alg` is not `HS256`.
        case wrongAlgorithm
        /// The signature does not match.
        case badSignature
        /// `exp` has passed (or `nbf` is in the future).
        case expired
    }

    // SymmetricKey is not Sendable in swift-crypto 3; keep the bytes and make the key per use (cheap).
    private let secret: [UInt8]

    /// A signer/verifier with `secret`.
    public init(secret: String) {
        self.secret = Array(secret.utf8)
    }

    private var key: SymmetricKey { SymmetricKey(data: secret) }

    /// A short keyed digest of `text` for a token to carry: 16 base64url characters of HMAC-SHA256 under the
    /// token secret. Tokens carry the one of the user's password hash (ruling 9): a new password means a new hash,
    /// so the sessions issued before it no longer match the user's row, whoever changed it and however.
    public func stamp(_ text: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: key)
        return Base64URL.encode(Array(Array(mac).prefix(12)))
    }

    /// A signed token carrying `claims` (an object, in key order).
    public func sign(_ claims: [(String, JSONValue)]) -> String {
        let header = Base64URL.encode(JSONWriter.encode(.object([("alg", .string("HS256")), ("typ", .string("JWT"))])))
        let payload = Base64URL.encode(JSONWriter.encode(.object(claims)))
        let signingInput = header + "." + payload
        let mac = HMAC<SHA256>.authenticationCode(for: Array(signingInput.utf8), using: key)
        return signingInput + "." + Base64URL.encode(Array(mac))
    }

    /// The claims of a valid token, as `verify(_:now:leeway:)`; with `cache`, a token the worker verified before and
    /// still inside its `exp`/`nbf` window skips the base64, JSON and signature work.
    public func verify(_ token: String, now: Int, leeway: Int = 0, cache: VerifiedTokenCache?) throws(Failure) -> InputObject {
        guard let cache else { return try verify(token, now: now, leeway: leeway) }
        return try cache.claims(of: token, now: now, leeway: leeway) { () throws(Failure) -> InputObject in
            try verify(token, now: now, leeway: leeway)
        }
    }

    /// The claims of a valid token; `now` is Unix time in seconds, `leeway` the seconds of clock skew allowed.
    public func verify(_ token: String, now: Int, leeway: Int = 0) throws(Failure) -> InputObject {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerBytes = Base64URL.decode(parts[0]), let payloadBytes = Base64URL.decode(parts[1]),
              let signature = Base64URL.decode(parts[2]),
              let header = try? JSONParser.parse(headerBytes).objectValue,
              let claims = try? JSONParser.parse(payloadBytes).objectValue else { throw .malformed }
        guard header["alg"] == .string("HS256") else { throw .wrongAlgorithm }
        let signingInput = Array(token.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count))
        guard HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: signingInput, using: key) else {
            throw .badSignature
        }
        guard case .number(let text)? = claims["exp"], let seconds = Double(text) else { throw .malformed }
        if Double(now) >= seconds + Double(leeway) { throw .expired }
        if let nbf = claims["nbf"] {
            guard case .number(let text) = nbf, let seconds = Double(text) else { throw .malformed }
            if Double(now) + Double(leeway) < seconds { throw .expired }
        }
        return claims
    }
}
