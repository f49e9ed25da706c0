import AppCore
import HTTPCore
import TestSupport
import Testing
@testable import Egresos

/// egresos.md §10.2: supplier sessions (HS256 with SUPPLIER_JWT_SECRET) through `SupplierAuth`.
@Suite("Egresos supplier sessions")
struct AuthSupplierTests {
    func claims(_ harness: EgresosHarness, sub: String? = "prov@example.com", type: String? = "supplier",
                iat: Int? = nil, exp: Int?? = .some(nil)) -> [(String, JSONValue)] {
        var claims: [(String, JSONValue)] = []
        if let sub { claims.append(("sub", .string(sub))) }
        if let type { claims.append(("type", .string(type))) }
        let issued = iat ?? harness.now
        claims.append(("iat", .integer(issued)))
        switch exp {
        case .some(.some(let value)): claims.append(("exp", .integer(value)))
        case .some(.none): claims.append(("exp", .integer(issued + 3600)))
        case .none: break
        }
        return claims
    }

    @Test("an issued session is accepted; expires_at is login ms + TTL × 1000; the payload is sub, type, iat, exp")
    func issued() throws {
        let harness = try EgresosHarness.authProbe(extra: ["SUPPLIER_SESSION_TTL_SECONDS": "7200"])
        let id = try harness.supplier(email: "prov@example.com")
        let session = harness.module.auth.supplierTokens.issue(email: "prov@example.com")
        #expect(session.expiresAtMilliseconds == EgresosHarness.start + 7_200_000)
        #expect(session.grantType == "bearer")
        let payload = try JSONParser.parse(Base64URL.decode(session.token.split(separator: ".")[1])!)
        #expect(payload.objectValue?.keys == ["sub", "type", "iat", "exp"])
        #expect(payload["type"] == .string("supplier"))
        #expect(payload["exp"] == .number(String(harness.now + 7200)))
        let response = harness.get("/test/supplier", token: session.token)
        #expect(response.status == 200)
        #expect(response.json?["id"] == .number(String(id)))
    }

    @Test("no header → 401 4014; not Bearer <jwt> → 401 4011")
    func header() throws {
        let harness = try EgresosHarness.authProbe()
        #expect(harness.get("/test/supplier", authorization: nil).errorCode == "4014")
        #expect(harness.get("/test/supplier", authorization: "Basic eA==").errorCode == "4011")
        #expect(harness.get("/test/supplier", token: "a.b.c").errorCode == "4011")
    }

    @Test("an RS256 staff token, another secret or alg none → 403 4033")
    func wrongKeyOrAlgorithm() throws {
        let harness = try EgresosHarness.authProbe()
        try harness.supplier(email: "prov@example.com")
        let staff = try AuthKeys.local.sign(claims(harness))
        let otherSecret = harness.supplierToken(claims(harness), secret: "another-secret-of-16-bytes")
        let payload = String(decoding: JSONWriter.encode(.object(claims(harness))), as: UTF8.self)
        let none = handmadeToken(header: #"{"alg":"none"}"#, payload: payload)
        for token in [staff, otherSecret, none] {
            let response = harness.get("/test/supplier", token: token)
            #expect(response.status == 403)
            #expect(response.errorCode == "4033")
        }
        // And a supplier session is no staff token.
        let onStaff = harness.get("/test/staff", token: harness.supplierToken(claims(harness)))
        #expect(onStaff.status == 403)
        #expect(onStaff.errorCode == "4033")
    }

    @Test("type other than supplier (or none) → 401 4013")
    func type() throws {
        let harness = try EgresosHarness.authProbe()
        try harness.supplier(email: "prov@example.com")
        for type in ["staff", nil] {
            let response = harness.get("/test/supplier", token: harness.supplierToken(claims(harness, type: type)))
            #expect(response.status == 401)
            #expect(response.errorCode == "4013")
        }
    }

    @Test("no sub → 401 4015")
    func noSubject() throws {
        let harness = try EgresosHarness.authProbe()
        let response = harness.get("/test/supplier", token: harness.supplierToken(claims(harness, sub: nil)))
        #expect(response.status == 401)
        #expect(response.errorCode == "4015")
    }

    @Test("expired (beyond the leeway) → 401 4016; within the leeway → accepted")
    func expired() throws {
        let harness = try EgresosHarness.authProbe()
        try harness.supplier(email: "prov@example.com")
        let old = harness.now - 7200
        let expired = harness.get("/test/supplier", token: harness.supplierToken(claims(harness, iat: old, exp: .some(harness.now - 61))))
        #expect(expired.status == 401)
        #expect(expired.errorCode == "4016")
        #expect(harness.get("/test/supplier", token: harness.supplierToken(claims(harness, iat: old, exp: .some(harness.now - 30)))).status == 200)
    }

    @Test("no exp, or a non-numeric one: refused as invalid (401 4011), however fresh its iat (ruling 9)")
    func noExp() throws {
        let harness = try EgresosHarness.authProbe()
        try harness.supplier(email: "prov@example.com")
        let fresh = harness.get("/test/supplier", token: harness.supplierToken(claims(harness, iat: harness.now, exp: .none)))
        #expect(fresh.status == 401)
        #expect(fresh.errorCode == "4011")
        let text = harness.get("/test/supplier", token: harness.supplierToken(
            claims(harness, exp: .none) + [("exp", .string(String(harness.now + 600)))]))
        #expect(text.errorCode == "4011")
        #expect(harness.get("/test/supplier", token: harness.supplierToken(claims(harness))).status == 200)
    }

    @Test("an unknown supplier → 401 4013")
    func unknown() throws {
        let harness = try EgresosHarness.authProbe()
        try harness.supplier(email: "prov@example.com")
        let response = harness.get("/test/supplier", token: harness.supplierToken(claims(harness, sub: "otro@example.com")))
        #expect(response.status == 401)
        #expect(response.errorCode == "4013")
    }

    @Test("issued before password_changed_at → 401 4013; issued in or after that second → accepted")
    func passwordChanged() throws {
        let harness = try EgresosHarness.authProbe()
        try harness.supplier(email: "prov@example.com", passwordChangedAt: Int64(harness.now - 100))
        let before = harness.get("/test/supplier", token: harness.supplierToken(claims(harness, iat: harness.now - 101)))
        #expect(before.status == 401)
        #expect(before.errorCode == "4013")
        // password_changed_at has milliseconds (.500); a session issued in the same second is the new one.
        #expect(harness.get("/test/supplier", token: harness.supplierToken(claims(harness, iat: harness.now - 100))).status == 200)
        #expect(harness.get("/test/supplier", token: harness.supplierToken(claims(harness))).status == 200)
    }
}
