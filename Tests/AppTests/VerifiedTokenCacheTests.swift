import AppCore
import HTTPCore
import Testing

@Suite("AppCore: the verified-token cache of a worker")
struct VerifiedTokenCacheTests {
    static let signer = HS256Token(secret: "a-secret-of-sixteen+")

    /// A token of user `id` expiring at `exp` (Unix seconds).
    static func token(_ id: Int, exp: Int, nbf: Int? = nil) -> String {
        signer.sign([("id", .integer(id)), ("exp", .integer(exp))] + (nbf.map { [("nbf", JSONValue.integer($0))] } ?? []))
    }

    /// Verifies through `cache`, counting the full checks in `checks`.
    static func verify(_ token: String, now: Int, cache: VerifiedTokenCache, checks: inout Int) throws(HS256Token.Failure) -> InputObject {
        try cache.claims(of: token, now: now, leeway: 0) { () throws(HS256Token.Failure) -> InputObject in
            checks += 1
            return try signer.verify(token, now: now)
        }
    }

    @Test("A token verified once is served from the cache with the same claims: the signature is not checked again")
    func hit() throws {
        let cache = VerifiedTokenCache()
        let token = Self.token(7, exp: 2_000)
        var checks = 0
        let first = try Self.verify(token, now: 1_000, cache: cache, checks: &checks)
        let second = try Self.verify(token, now: 1_500, cache: cache, checks: &checks)
        #expect(checks == 1)
        #expect(first == second && second["id"] == .number("7"))
        #expect(try Self.signer.verify(token, now: 1_999, cache: cache)["id"] == .number("7"))
    }

    @Test("Expired while cached: refused as expired at exp, exactly as without the cache, and dropped")
    func expiredWhileCached() throws {
        let cache = VerifiedTokenCache()
        let token = Self.token(7, exp: 2_000)
        _ = try Self.signer.verify(token, now: 1_000, cache: cache)
        #expect(cache.contains(token))
        #expect(throws: HS256Token.Failure.expired) { try Self.signer.verify(token, now: 2_000, cache: cache) }
        #expect(throws: HS256Token.Failure.expired) { try Self.signer.verify(token, now: 9_999, cache: cache) }
        // A leeway stretches exp for the cached entry as it does for the full check, and no further.
        let lenient = VerifiedTokenCache()
        _ = try Self.signer.verify(token, now: 1_000, leeway: 30, cache: lenient)
        #expect(try Self.signer.verify(token, now: 2_029, leeway: 30, cache: lenient)["id"] == .number("7"))
        #expect(throws: HS256Token.Failure.expired) { try Self.signer.verify(token, now: 2_030, leeway: 30, cache: lenient) }
        // Asked with no leeway, an entry kept under a leeway is checked in full again.
        #expect(throws: HS256Token.Failure.expired) { try Self.signer.verify(token, now: 2_010, cache: lenient) }
    }

    @Test("A token not yet valid (nbf) is refused and not kept; once valid it is kept")
    func notBefore() throws {
        let cache = VerifiedTokenCache()
        let token = Self.token(7, exp: 3_000, nbf: 2_000)
        #expect(throws: HS256Token.Failure.expired) { try Self.signer.verify(token, now: 1_000, cache: cache) }
        #expect(!cache.contains(token))
        _ = try Self.signer.verify(token, now: 2_000, cache: cache)
        #expect(cache.contains(token))
    }

    @Test("Forged tokens are never kept: a bad signature, another secret, alg none, a payload changed after a good one")
    func forged() throws {
        let cache = VerifiedTokenCache()
        let good = Self.token(7, exp: 2_000)
        _ = try Self.signer.verify(good, now: 1_000, cache: cache)
        let parts = good.split(separator: ".").map(String.init)
        let promoted = Base64URL.encode(Array(#"{"id":1,"exp":2000}"#.utf8))
        let none = Base64URL.encode(Array(#"{"alg":"none","typ":"JWT"}"#.utf8))
        let forgeries = [parts[0] + "." + promoted + "." + parts[2], none + "." + parts[1] + ".",
                         HS256Token(secret: "another-secret-xxxx").sign([("id", .int(7)), ("exp", .int(2_000))]),
                         good + "x", parts[0] + "." + parts[1] + "." + String(parts[2].dropLast()) + "A"]
        for forged in forgeries {
            #expect(throws: HS256Token.Failure.self) { try Self.signer.verify(forged, now: 1_000, cache: cache) }
            // Twice: a refusal is not remembered as anything either.
            #expect(throws: HS256Token.Failure.self) { try Self.signer.verify(forged, now: 1_000, cache: cache) }
            #expect(!cache.contains(forged))
        }
        #expect(cache.count == 1)
    }

    @Test("Bounded: never more than capacity tokens; the one used since the hand passed stays, an unused one goes")
    func bounded() throws {
        let cache = VerifiedTokenCache(capacity: 3)
        let tokens = (1...3).map { Self.token($0, exp: 2_000) }
        for token in tokens { _ = try Self.signer.verify(token, now: 1_000, cache: cache) }
        #expect(cache.count == 3)
        // Tokens 1 and 3 are used again; token 2 is not, so the fourth token replaces it.
        _ = try Self.signer.verify(tokens[0], now: 1_000, cache: cache)
        _ = try Self.signer.verify(tokens[2], now: 1_000, cache: cache)
        let fourth = Self.token(4, exp: 2_000)
        _ = try Self.signer.verify(fourth, now: 1_000, cache: cache)
        #expect(cache.count == 3)
        #expect(cache.contains(tokens[0]) && !cache.contains(tokens[1]) && cache.contains(tokens[2]) && cache.contains(fourth))
        // Many more: still at most 3, and every one verifies correctly whether it is kept or not.
        for id in 5...200 {
            let token = Self.token(id, exp: 2_000)
            #expect(try Self.signer.verify(token, now: 1_000, cache: cache)["id"] == .number(String(id)))
            #expect(cache.count <= 3)
        }
        var checks = 0
        _ = try Self.verify(tokens[1], now: 1_000, cache: cache, checks: &checks)
        #expect(checks == 1)
    }

    @Test("RS256: the cached claims are the verified ones, and expiry and failures are the verifier's own")
    func rs256() throws {
        let cache = VerifiedTokenCache()
        let signer = try RS256Signer.generated()
        let verifier = RS256Verifier(keys: try RS256KeySet.pem(signer.publicKeyPEM), issuer: "https://issuer/",
                                     audiences: ["api"], leeway: 0)
        let token = try signer.sign([("sub", .string("u1")), ("iss", .string("https://issuer/")), ("aud", .string("api")),
                                 ("exp", .int(2_000))])
        #expect(try verifier.verify(token, now: 1_000, cache: cache)["sub"] == .string("u1"))
        #expect(cache.contains(token))
        #expect(try verifier.verify(token, now: 1_999, cache: cache)["sub"] == .string("u1"))
        #expect(throws: RS256Verifier.Failure.expired) { try verifier.verify(token, now: 2_000, cache: cache) }
        let wrongAudience = try signer.sign([("sub", .string("u1")), ("iss", .string("https://issuer/")), ("aud", .string("other")),
                                         ("exp", .int(2_000))])
        #expect(throws: RS256Verifier.Failure.wrongAudience) { try verifier.verify(wrongAudience, now: 1_000, cache: cache) }
        #expect(!cache.contains(wrongAudience))
    }
}
