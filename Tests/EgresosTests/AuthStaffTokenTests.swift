import AppCore
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Egresos

/// egresos.md §10.1 steps 1–4: each refusal of a staff token with its code, through `StaffAuth`.
@Suite("Egresos staff tokens (RS256, verified offline)")
struct AuthStaffTokenTests {
    @Test("a valid token of a registered user passes")
    func valid() throws {
        let harness = try EgresosHarness.authProbe()
        let id = try harness.user(email: "ana@element.com.mx", subject: "auth0|100")
        let response = harness.get("/test/staff", token: harness.staffToken())
        #expect(response.status == 200)
        #expect(response.json?["id"] == .number(String(id)))
        #expect(response.json?["sub"] == .string("auth0|100"))
    }

    @Test("no Authorization header → 401 4014")
    func noHeader() throws {
        let response = try EgresosHarness.authProbe().get("/test/staff", authorization: nil)
        #expect(response.status == 401)
        #expect(response.errorCode == "4014")
        #expect(response.json?["message"]?.stringValue?.isEmpty == false)
    }

    @Test("not Bearer <three parts>, or undecodable → 401 4011",
          arguments: ["Basic x", "Bearer", "Bearer abc", "Bearer a.b", "Bearer a.b.c", "Bearer !!.??.**",
                      "Token eyJhbGciOiJSUzI1NiJ9.e30.AA", "Bearer a.b .c"])
    func malformed(authorization: String) throws {
        let response = try EgresosHarness.authProbe().get("/test/staff", authorization: authorization)
        #expect(response.status == 401)
        #expect(response.errorCode == "4011")
    }

    @Test("alg none and HS256 (a supplier token) → 403 4033")
    func wrongAlgorithm() throws {
        let harness = try EgresosHarness.authProbe()
        try harness.user(email: "ana@element.com.mx", subject: "auth0|100")
        let payload = String(decoding: JSONWriter.encode(.object(harness.claims())), as: UTF8.self)
        let none = handmadeToken(header: #"{"alg":"none","typ":"JWT"}"#, payload: payload)
        let hs256 = HS256Token(secret: AuthKeys.supplierSecret).sign(harness.claims())
        for token in [none, hs256] {
            let response = harness.get("/test/staff", token: token)
            #expect(response.status == 403)
            #expect(response.errorCode == "4033")
        }
    }

    @Test("a token signed by another key, or with a tampered payload → 403 4033")
    func badSignature() throws {
        let harness = try EgresosHarness.authProbe()
        try harness.user(email: "ana@element.com.mx", subject: "auth0|100")
        let stranger = harness.get("/test/staff", token: harness.staffToken(signer: AuthKeys.stranger))
        #expect(stranger.status == 403)
        #expect(stranger.errorCode == "4033")
        let parts = harness.staffToken().split(separator: ".").map(String.init)
        let forged = Base64URL.encode(JSONWriter.encode(.object(harness.claims(sub: "auth0|admin"))))
        let tampered = harness.get("/test/staff", token: parts[0] + "." + forged + "." + parts[2])
        #expect(tampered.status == 403)
        #expect(tampered.errorCode == "4033")
    }

    @Test("JWKS: the key is chosen by kid; an unknown kid → 403 4033; no kid → the PEM key")
    func jwks() throws {
        let harness = try EgresosHarness.authProbe(jwks: true)
        try harness.user(email: "ana@element.com.mx", subject: "auth0|100")
        #expect(harness.get("/test/staff", token: harness.staffToken(signer: AuthKeys.jwks)).status == 200)
        #expect(harness.get("/test/staff", token: harness.staffToken()).status == 200)
        let unknown = harness.get("/test/staff", token: harness.staffToken(signer: AuthKeys.strangerWithKid))
        #expect(unknown.status == 403)
        #expect(unknown.errorCode == "4033")
    }

    @Test("JWKS only: a token without kid finds no key → 403 4033")
    func jwksOnly() throws {
        let harness = try EgresosHarness.authProbe(jwks: true, extra: ["AUTH0_PUBLIC_KEY_FILE": ""])
        try harness.user(email: "ana@element.com.mx", subject: "auth0|100")
        #expect(harness.get("/test/staff", token: harness.staffToken(signer: AuthKeys.jwks)).status == 200)
        let response = harness.get("/test/staff", token: harness.staffToken())
        #expect(response.status == 403)
        #expect(response.errorCode == "4033")
    }

    @Test("exp: past beyond the 60 s leeway → 401 4016; within the leeway → accepted")
    func expiry() throws {
        let harness = try EgresosHarness.authProbe()
        try harness.user(email: "ana@element.com.mx", subject: "auth0|100")
        let within = harness.staffToken(["exp": .integer(harness.now - 30)])
        #expect(harness.get("/test/staff", token: within).status == 200)
        let expired = harness.get("/test/staff", token: harness.staffToken(["exp": .integer(harness.now - 61)]))
        #expect(expired.status == 401)
        #expect(expired.errorCode == "4016")
        let noExp = harness.get("/test/staff", token: harness.staffToken(["exp": nil]))
        #expect(noExp.status == 401)
        #expect(noExp.errorCode == "4011")
    }

    @Test("a token this worker verified before: refused past exp + leeway (4016), a forgery of it refused (4033), and the user's row still decides (4031)")
    func cachedToken() throws {
        let harness = try EgresosHarness.authProbe()
        let id = try harness.user(email: "ana@element.com.mx", subject: "auth0|100")
        let token = harness.staffToken(["exp": .integer(harness.now + 120)])
        // Verified once, then served from the worker's cache.
        #expect(harness.get("/test/staff", token: token).status == 200)
        #expect(harness.get("/test/staff", token: token).status == 200)
        // The same header and payload signed by another key: checked in full, refused.
        let parts = token.split(separator: ".").map(String.init)
        let stranger = harness.staffToken(["exp": .integer(harness.now + 120)], signer: AuthKeys.stranger)
        let forged = harness.get("/test/staff", token: parts[0] + "." + parts[1] + "." + stranger.split(separator: ".").map(String.init)[2])
        #expect(forged.status == 403)
        #expect(forged.errorCode == "4033")
        // Within exp + 60 s of leeway it is still accepted; at exp + 60 s it is expired, cached or not.
        harness.clock.advance(seconds: 120 + 59)
        #expect(harness.get("/test/staff", token: token).status == 200)
        harness.clock.advance(seconds: 1)
        let expired = harness.get("/test/staff", token: token)
        #expect(expired.status == 401)
        #expect(expired.errorCode == "4016")
        // A fresh token, cached, of a user deleted afterwards: refused at once (the row is read on every request).
        let fresh = harness.staffToken(["exp": .integer(harness.now + 120)])
        #expect(harness.get("/test/staff", token: fresh).status == 200)
        _ = try harness.database.connection.execute("UPDATE users SET deleted_at = \(SQLDateTime(unixTime: Int64(harness.now) - 1)) WHERE id = \(id)")
        let deleted = harness.get("/test/staff", token: fresh)
        #expect(deleted.status == 403)
        #expect(deleted.errorCode == "4031")
    }

    @Test("nbf in the future → 401 4011; within the leeway → accepted")
    func notBefore() throws {
        let harness = try EgresosHarness.authProbe()
        try harness.user(email: "ana@element.com.mx", subject: "auth0|100")
        #expect(harness.get("/test/staff", token: harness.staffToken(["nbf": .integer(harness.now + 30)])).status == 200)
        let future = harness.get("/test/staff", token: harness.staffToken(["nbf": .integer(harness.now + 600)]))
        #expect(future.status == 401)
        #expect(future.errorCode == "4011")
    }

    @Test("iss other than AUTH0_ISSUER (or absent) → 401 4011")
    func issuer() throws {
        let harness = try EgresosHarness.authProbe()
        try harness.user(email: "ana@element.com.mx", subject: "auth0|100")
        for change in [JSONValue.string("https://evil.test/"), nil] {
            let response = harness.get("/test/staff", token: harness.staffToken(["iss": change]))
            #expect(response.status == 401)
            #expect(response.errorCode == "4011")
        }
    }

    @Test("aud: a string or an array containing one of AUTH0_AUDIENCES; otherwise → 401 4011")
    func audience() throws {
        let harness = try EgresosHarness.authProbe()
        try harness.user(email: "ana@element.com.mx", subject: "auth0|100")
        let ok: [JSONValue] = [.string(AuthKeys.otherAudience), .array([.string("https://other.api"), .string(AuthKeys.audience)])]
        for aud in ok {
            #expect(harness.get("/test/staff", token: harness.staffToken(["aud": aud])).status == 200)
        }
        let refused: [JSONValue?] = [.array([.string("https://other.api"), .string("x")]), .string("https://other.api"), nil, .array([])]
        for aud in refused {
            let response = harness.get("/test/staff", token: harness.staffToken(["aud": aud]))
            #expect(response.status == 401)
            #expect(response.errorCode == "4011")
        }
    }

    @Test("no sub → 401 4015")
    func noSubject() throws {
        let harness = try EgresosHarness.authProbe()
        try harness.user(email: "ana@element.com.mx")
        for sub in [nil, JSONValue.string("")] {
            let response = harness.get("/test/staff", token: harness.staffToken(["sub": sub]))
            #expect(response.status == 401)
            #expect(response.errorCode == "4015")
        }
    }

    @Test("the English message follows Accept-Language")
    func language() throws {
        let harness = try EgresosHarness.authProbe()
        let spanish = harness.get("/test/staff", authorization: nil)
        #expect(spanish.json?["message"]?.stringValue != nil)
        let response = harness.get("/test/staff", authorization: nil, headers: [("Accept-Language", "en")])
        #expect(response.errorCode == "4014")
        #expect(response.json?["message"]?.stringValue != spanish.json?["message"]?.stringValue)
    }
}
