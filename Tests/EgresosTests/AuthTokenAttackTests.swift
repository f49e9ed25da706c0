import AppCore
import Crypto
import Foundation
import HTTPCore
import TestSupport
import Testing
@testable import Egresos

/// Forged tokens on the real routes, the attacks `AuthStaffTokenTests` and `AuthSupplierTests` do not already
/// cover (those cover `alg: none`, a supplier token on a staff route, another key, a tampered staff payload, an
/// unknown `kid`, issuer, audience, expiry and leeway, another supplier secret, a supplier `alg: none`, expiry and
/// a session older than the password). Each forged token claims a caller whose genuine token is admitted, so the
/// refusal is the attack's: egresos.md §10.1 step 2 (the algorithm is pinned to RS256 → 403 `4033`) and §10.2
/// (HS256 with `SUPPLIER_JWT_SECRET` → 403 `4033`).
@Suite("Egresos token attacks")
struct AuthTokenAttackTests {
    /// A role-restricted staff route (#6, admin and rh) and a supplier route (#29).
    static let staffRoute = "/api/v1/users"
    static let supplierRoute = "/api/v1/suppliers/billing"

    /// A token with `header` and `claims`, its signature HMAC-`H` of the signing input with `secret`.
    static func hmacToken<H: HashFunction>(_ hash: H.Type, header: [(String, JSONValue)], claims: [(String, JSONValue)],
                                           secret: [UInt8]) -> String {
        let input = Base64URL.encode(JSONWriter.encode(.object(header))) + "." + Base64URL.encode(JSONWriter.encode(.object(claims)))
        let mac = HMAC<H>.authenticationCode(for: Array(input.utf8), using: SymmetricKey(data: secret))
        return input + "." + Base64URL.encode(Array(mac))
    }

    /// The claims of a genuine token of admin@element.com.mx (as `EgresosHarness.token("admin")` signs them).
    static func adminClaims(_ harness: EgresosHarness) -> [(String, JSONValue)] {
        harness.claims(sub: "auth0|admin@element.com.mx", email: "admin@element.com.mx")
    }

    /// Expects `token` on the staff route to be refused with 403 `4033`, after a genuine admin token passed.
    static func expectRefusedOnStaffRoute(_ harness: EgresosHarness, _ tokens: [(String, String)],
                                          sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(harness.call(.get, staffRoute, as: "admin").status == 200, sourceLocation: sourceLocation)
        for (name, token) in tokens {
            let response = harness.call(.get, staffRoute, token: token)
            #expect(response.status == 403 && response.errorCode == "4033", "\(name): \(response.status) \(response.text)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test("HS256 signed with the RSA public key's PEM (as text, trimmed, or its DER bytes) as the HMAC secret → 403 4033")
    func hs256WithPublicKeyPEMAsSecret() throws {
        let harness = try EgresosHarness()
        let pem = AuthKeys.local.publicKeyPEM
        let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        let der = try #require(Base64URL.decode(Substring(body.replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: ""))))
        let secrets: [(String, [UInt8])] = [
            ("PEM text", Array(pem.utf8)), ("PEM + newline", Array((pem + "\n").utf8)),
            ("PEM trimmed", Array(pem.trimmingCharacters(in: .whitespacesAndNewlines).utf8)), ("SPKI DER", der),
        ]
        let header: [(String, JSONValue)] = [("alg", .string("HS256")), ("typ", .string("JWT"))]
        Self.expectRefusedOnStaffRoute(harness, secrets.map { name, secret in
            (name, Self.hmacToken(SHA256.self, header: header, claims: Self.adminClaims(harness), secret: secret))
        })
    }

    @Test("JWKS configured: HS256 naming kid key-1, signed with that key's n (text or bytes) or its JWK → 403 4033")
    func hs256WithJWKSModulusAsSecret() throws {
        let harness = try EgresosHarness(jwks: true)
        let jwk = try AuthKeys.jwks.jwk()
        let n = try #require(try JSONParser.parse(JSONWriter.encode(jwk))["n"]?.stringValue)
        // The genuine key-1 token of admin passes: the key is configured and chosen by kid.
        #expect(harness.call(.get, Self.staffRoute, token: try AuthKeys.jwks.sign(Self.adminClaims(harness))).status == 200)
        let secrets: [(String, [UInt8])] = [
            ("n as text", Array(n.utf8)), ("n as bytes", try #require(Base64URL.decode(Substring(n)))),
            ("the JWK JSON", JSONWriter.encode(jwk)),
        ]
        let header: [(String, JSONValue)] = [("alg", .string("HS256")), ("typ", .string("JWT")), ("kid", .string("key-1"))]
        Self.expectRefusedOnStaffRoute(harness, secrets.map { name, secret in
            (name, Self.hmacToken(SHA256.self, header: header, claims: Self.adminClaims(harness), secret: secret))
        })
    }

    @Test("alg none in any spelling, empty or absent, with no signature or the genuine one → 403 4033")
    func algNoneSpellings() throws {
        let harness = try EgresosHarness()
        let genuine = harness.token("admin")
        let parts = genuine.split(separator: ".").map(String.init)
        var tokens: [(String, String)] = []
        for alg in [JSONValue.string("none"), .string("None"), .string("NONE"), .string("nOnE"), .string(""), .null, nil] {
            let header: [(String, JSONValue)] = (alg.map { [("alg", $0)] } ?? []) + [("typ", .string("JWT"))]
            let encoded = Base64URL.encode(JSONWriter.encode(.object(header)))
            tokens.append(("alg \(alg.map { "\($0)" } ?? "absent"), no signature", encoded + "." + parts[1] + "."))
            tokens.append(("alg \(alg.map { "\($0)" } ?? "absent"), genuine signature", encoded + "." + parts[1] + "." + parts[2]))
        }
        Self.expectRefusedOnStaffRoute(harness, tokens)
    }

    @Test("RS256 header with an empty, truncated or zeroed signature → 403 4033")
    func rs256BrokenSignature() throws {
        let harness = try EgresosHarness()
        let parts = harness.token("admin").split(separator: ".").map(String.init)
        let signature = try #require(Base64URL.decode(Substring(parts[2])))
        let input = parts[0] + "." + parts[1] + "."
        Self.expectRefusedOnStaffRoute(harness, [
            ("empty", input), ("truncated", input + Base64URL.encode(Array(signature.dropLast(1)))),
            ("zeroed", input + Base64URL.encode([UInt8](repeating: 0, count: signature.count))),
        ])
    }

    @Test("a supplier session with a tampered payload (another supplier's sub, the original signature) → 403 4033")
    func supplierTamperedPayload() throws {
        let harness = try EgresosHarness()
        try harness.supplier(email: "otro@example.com")
        let genuine = harness.supplierToken()
        #expect(harness.call(.get, Self.supplierRoute, token: genuine).status == 200)
        let parts = genuine.split(separator: ".").map(String.init)
        let forged: [(String, JSONValue)] = [("sub", .string("otro@example.com")), ("type", .string("supplier")),
                                             ("iat", .integer(harness.now)), ("exp", .integer(harness.now + 3600))]
        let token = parts[0] + "." + Base64URL.encode(JSONWriter.encode(.object(forged))) + "." + parts[2]
        let response = harness.call(.get, Self.supplierRoute, token: token)
        #expect(response.status == 403 && response.errorCode == "4033", "\(response.text)")
    }

    @Test("a supplier session under another HMAC algorithm (HS384, HS512) with the right secret → 403 4033")
    func supplierOtherHMACAlgorithm() throws {
        let harness = try EgresosHarness()
        let claims: [(String, JSONValue)] = [("sub", .string(EgresosHarness.supplierEmail)), ("type", .string("supplier")),
                                             ("iat", .integer(harness.now)), ("exp", .integer(harness.now + 3600))]
        let secret = Array(AuthKeys.supplierSecret.utf8)
        let tokens = [
            Self.hmacToken(SHA384.self, header: [("alg", .string("HS384")), ("typ", .string("JWT"))], claims: claims, secret: secret),
            Self.hmacToken(SHA512.self, header: [("alg", .string("HS512")), ("typ", .string("JWT"))], claims: claims, secret: secret),
        ]
        // The same claims under HS256 pass.
        #expect(harness.call(.get, Self.supplierRoute, token: harness.supplierToken(claims)).status == 200)
        for token in tokens {
            let response = harness.call(.get, Self.supplierRoute, token: token)
            #expect(response.status == 403 && response.errorCode == "4033", "\(response.text)")
        }
    }
}
