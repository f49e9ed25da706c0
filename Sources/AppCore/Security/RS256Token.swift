import Crypto
import Foundation
import HTTPCore
import _CryptoExtras

/// The public keys RS256 tokens are checked against, loaded once at start-up: a JWKS document (keys chosen by
/// the token's `kid`) and/or a single PEM public key (used for tokens without a `kid`, and for every token when
/// it is the only key configured: a single key needs no selection, the signature decides).
public struct RS256KeySet: Sendable {
    /// Why a key set could not be built; the message never contains key material.
    public enum LoadError: Error, Equatable, Sendable, CustomStringConvertible {
        /// The file cannot be read.
        case unreadable(String)
        /// The PEM text is not an RSA public key (or it is shorter than 2048 bits).
        case badPEM
        /// The JWKS text is not `{"keys": [...]}` with at least one usable RSA key.
        case badJWKS(String)

        /// What the operator reads.
        public var description: String {
            switch self {
            case .unreadable(let path): "cannot read \(path)"
            case .badPEM: "is not a PEM RSA public key of at least 2048 bits"
            case .badJWKS(let detail): "is not a usable JWKS document (\(detail))"
            }
        }
    }

    /// The JWKS keys by `kid`.
    let keysByID: [String: _RSA.Signing.PublicKey]
    /// The single PEM key.
    let single: _RSA.Signing.PublicKey?

    /// A key set from its parts (at least one key).
    init(keysByID: [String: _RSA.Signing.PublicKey], single: _RSA.Signing.PublicKey?) {
        self.keysByID = keysByID
        self.single = single
    }

    /// A key set holding only `pem` (a SubjectPublicKeyInfo or PKCS#1 RSA public key).
    public static func pem(_ pem: String) throws(LoadError) -> RS256KeySet {
        guard let key = try? _RSA.Signing.PublicKey(pemRepresentation: pem) else { throw .badPEM }
        return RS256KeySet(keysByID: [:], single: key)
    }

    /// A key set from a JWKS document: every `kty: RSA` key with a `kid`, `n` and `e` whose `use` (when given)
    /// is `sig` and whose `alg` (when given) is `RS256`.
    public static func jwks(_ text: String) throws(LoadError) -> RS256KeySet {
        guard let document = try? JSONParser.parse(Array(text.utf8)), case .array(let entries)? = document["keys"] else {
            throw .badJWKS("no \"keys\" array")
        }
        var keys: [String: _RSA.Signing.PublicKey] = [:]
        for entry in entries {
            guard entry["kty"]?.stringValue == "RSA", let kid = entry["kid"]?.stringValue,
                  entry["use"].map({ $0.stringValue == "sig" }) ?? true,
                  entry["alg"].map({ $0.stringValue == "RS256" }) ?? true,
                  let n = entry["n"]?.stringValue.flatMap({ Base64URL.decode(Substring($0)) }),
                  let e = entry["e"]?.stringValue.flatMap({ Base64URL.decode(Substring($0)) }),
                  n.count >= 256, let key = try? _RSA.Signing.PublicKey(n: n, e: e) else { continue }
            keys[kid] = key
        }
        guard !keys.isEmpty else { throw .badJWKS("no RSA signing key with kid, n and e of at least 2048 bits") }
        return RS256KeySet(keysByID: keys, single: nil)
    }

    /// The keys of a JWKS file and/or a PEM file (at least one path).
    public static func load(jwksFile: String?, pemFile: String?) throws(LoadError) -> RS256KeySet {
        var keys: [String: _RSA.Signing.PublicKey] = [:]
        var single: _RSA.Signing.PublicKey?
        if let jwksFile { keys = try jwks(read(jwksFile)).keysByID }
        if let pemFile { single = try pem(read(pemFile)).single }
        guard !keys.isEmpty || single != nil else { throw .badJWKS("no key file") }
        return RS256KeySet(keysByID: keys, single: single)
    }

    static func read(_ path: String) throws(LoadError) -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path)
        }
        return text
    }

    /// The key for a token whose header names `kid` (or none).
    func key(for kid: String?) -> _RSA.Signing.PublicKey? {
        if let kid, let key = keysByID[kid] { return key }
        if keysByID.isEmpty { return single }
        return kid == nil ? single : nil
    }
}

/// Verifies RS256 JSON Web Tokens offline (Auth0 staff tokens, egresos.md §10.1, ruling E2), the algorithm
/// pinned: `HS256`, `none` or anything else is refused before a key is looked at. Issuer, audience and expiry
/// are always checked.
public struct RS256Verifier: Sendable {
    /// Why a token was refused, in the order the checks run.
    public enum Failure: Error, Equatable, Sendable {
        /// Not three base64url parts of JSON objects, or a claim of the wrong type (no `exp` included).
        case malformed
        /// The header's `alg` is not `RS256`.
        case wrongAlgorithm
        /// No configured key for the header's `kid`.
        case unknownKey
        /// The signature does not match.
        case badSignature
        /// `exp` has passed (beyond the leeway).
        case expired
        /// `nbf` is in the future (beyond the leeway).
        case notYetValid
        /// `iss` is not the configured issuer.
        case wrongIssuer
        /// `aud` names none of the configured audiences.
        case wrongAudience
        /// No `sub` (or an empty one).
        case missingSubject
    }

    /// The keys.
    public let keys: RS256KeySet
    /// The required `iss`.
    public let issuer: String
    /// `aud` must contain at least one of these.
    public let audiences: [String]
    /// Seconds of clock skew allowed on `exp` and `nbf`.
    public let leeway: Int

    /// A verifier over `keys`.
    public init(keys: RS256KeySet, issuer: String, audiences: [String], leeway: Int) {
        self.keys = keys
        self.issuer = issuer
        self.audiences = audiences
        self.leeway = leeway
    }

    /// The claims of a valid token, as `verify(_:now:)`; with `cache`, a token the worker verified before and still
    /// inside its `exp`/`nbf` window skips the base64, JSON and RSA work (its `iss`, `aud` and `sub` held then, and
    /// this verifier's settings do not change while it runs).
    public func verify(_ token: String, now: Int, cache: VerifiedTokenCache?) throws(Failure) -> InputObject {
        guard let cache else { return try verify(token, now: now) }
        return try cache.claims(of: token, now: now, leeway: leeway) { () throws(Failure) -> InputObject in
            try verify(token, now: now)
        }
    }

    /// The claims of a valid token; `now` is Unix time in seconds.
    public func verify(_ token: String, now: Int) throws(Failure) -> InputObject {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerBytes = Base64URL.decode(parts[0]), let payloadBytes = Base64URL.decode(parts[1]),
              let signature = Base64URL.decode(parts[2]),
              let header = try? JSONParser.parse(headerBytes).objectValue,
              let claims = try? JSONParser.parse(payloadBytes).objectValue else { throw .malformed }
        guard header["alg"] == .string("RS256") else { throw .wrongAlgorithm }
        let kid: String?
        switch header["kid"] {
        case nil, .null?: kid = nil
        case .string(let text)?: kid = text
        default: throw .malformed
        }
        guard let key = keys.key(for: kid) else { throw .unknownKey }
        let signingInput = Array(token.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count))
        guard key.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature), for: signingInput,
                                   padding: .insecurePKCS1v1_5) else { throw .badSignature }
        guard let exp = try Self.seconds(claims["exp"]) else { throw .malformed }
        if Double(now) >= exp + Double(leeway) { throw .expired }
        if let nbf = try Self.seconds(claims["nbf"]), Double(now) + Double(leeway) < nbf { throw .notYetValid }
        guard claims["iss"]?.stringValue == issuer else { throw .wrongIssuer }
        let tokenAudiences: [String]
        switch claims["aud"] {
        case .string(let single)?: tokenAudiences = [single]
        case .array(let values)?: tokenAudiences = values.compactMap(\.stringValue)
        default: tokenAudiences = []
        }
        guard tokenAudiences.contains(where: audiences.contains) else { throw .wrongAudience }
        guard let sub = claims["sub"]?.stringValue, !sub.isEmpty else { throw .missingSubject }
        return claims
    }

    /// A numeric date claim: nil when absent, `.malformed` when not a number.
    static func seconds(_ value: Input?) throws(Failure) -> Double? {
        guard let value else { return nil }
        guard case .number(let text) = value, let seconds = Double(text) else { throw .malformed }
        return seconds
    }
}

/// Signs RS256 tokens with a PEM private key: the local stack's stand-in for Auth0 (ruling E2) and the tests.
public struct RS256Signer: Sendable {
    private let key: _RSA.Signing.PrivateKey
    /// The `kid` written into the header, if any.
    public let keyID: String?

    /// A signer with `pem` (PKCS#8 or PKCS#1, at least 2048 bits).
    public init(pem: String, keyID: String? = nil) throws {
        key = try _RSA.Signing.PrivateKey(pemRepresentation: pem)
        self.keyID = keyID
    }

    /// A signer with the PEM private key in `path`.
    public init(pemFile path: String, keyID: String? = nil) throws {
        try self.init(pem: try RS256KeySet.read(path), keyID: keyID)
    }

    /// A signer with a key already in memory.
    public init(key: _RSA.Signing.PrivateKey, keyID: String? = nil) {
        self.key = key
        self.keyID = keyID
    }

    /// A signer with a new 2048-bit key (tests, key set-up).
    public static func generated(keyID: String? = nil) throws -> RS256Signer {
        RS256Signer(key: try _RSA.Signing.PrivateKey(keySize: .bits2048), keyID: keyID)
    }

    /// The private key as PEM (PKCS#8).
    public var privateKeyPEM: String { key.pemRepresentation }

    /// The public half as a JWKS document entry (`kty`, `kid`, `use`, `alg`, `n`, `e`).
    public func jwk() throws -> JSONValue {
        let primitives = try key.publicKey.getKeyPrimitives()
        var members: [(String, JSONValue)] = [("kty", .string("RSA"))]
        if let keyID { members.append(("kid", .string(keyID))) }
        members += [("use", .string("sig")), ("alg", .string("RS256")),
                    ("n", .string(Base64URL.encode(Array(primitives.modulus)))),
                    ("e", .string(Base64URL.encode(Array(primitives.publicExponent))))]
        return .object(members)
    }

    /// The public half, as PEM (SubjectPublicKeyInfo).
    public var publicKeyPEM: String { key.publicKey.pemRepresentation }

    /// A signed token carrying `claims` (in key order).
    public func sign(_ claims: [(String, JSONValue)]) throws -> String {
        var header: [(String, JSONValue)] = [("alg", .string("RS256")), ("typ", .string("JWT"))]
        if let keyID { header.append(("kid", .string(keyID))) }
        let signingInput = Base64URL.encode(JSONWriter.encode(.object(header))) + "." + Base64URL.encode(JSONWriter.encode(.object(claims)))
        let signature = try key.signature(for: Array(signingInput.utf8), padding: .insecurePKCS1v1_5)
        return signingInput + "." + Base64URL.encode(Array(signature.rawRepresentation))
    }
}
