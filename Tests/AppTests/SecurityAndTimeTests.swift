import AppCore
import HTTPCore
import Testing

@Suite("AppCore: passwords, HS256 tokens, dates and zones")
struct SecurityAndTimeTests {
    @Test("bcrypt: \\$2b\\$ cost 10, verifies, refuses the wrong password and malformed hashes")
    func bcrypt() throws {
        let hash = try PasswordHasher.hash("ventanilla")
        #expect(hash.hasPrefix("$2b$10$") && hash.count == 60)
        #expect(PasswordHasher.verify("ventanilla", hash: hash))
        #expect(!PasswordHasher.verify("Ventanilla", hash: hash))
        #expect(!PasswordHasher.verify("ventanilla", hash: "$2b$10$short"))
        #expect(!PasswordHasher.verify("ventanilla", hash: ""))
        // A $2a$ hash (the prefix older bcrypt libraries write) keeps working.
        #expect(PasswordHasher.verify("password", hash: "$2a$10$abcdefghijklmnopqrstuu5Lo0g67CiD3M4RpN1BmBb4Crp5w7dbK"))
        #expect(throws: PasswordHasher.Failure.self) { try PasswordHasher.hash("a\u{0}b") }
    }

    @Test("HS256: round trip, and every kind of forged or stale token refused")
    func hs256() throws {
        let signer = HS256Token(secret: "a-secret-of-sixteen+")
        let token = signer.sign([("id", .int(7)), ("exp", .int(2_000))])
        let claims = try signer.verify(token, now: 1_000)
        #expect(claims["id"] == .number("7"))
        #expect(throws: HS256Token.Failure.expired) { try signer.verify(token, now: 2_000) }
        #expect(throws: HS256Token.Failure.badSignature) { try HS256Token(secret: "another-secret-xxxx").verify(token, now: 1_000) }
        let parts = token.split(separator: ".").map(String.init)
        let forgedPayload = Base64URL.encode(Array(#"{"id":1,"exp":2000}"#.utf8))
        #expect(throws: HS256Token.Failure.badSignature) { try signer.verify(parts[0] + "." + forgedPayload + "." + parts[2], now: 1_000) }
        let none = Base64URL.encode(Array(#"{"alg":"none","typ":"JWT"}"#.utf8))
        #expect(throws: HS256Token.Failure.wrongAlgorithm) { try signer.verify(none + "." + parts[1] + ".", now: 1_000) }
        #expect(throws: HS256Token.Failure.malformed) { try signer.verify("not.a.token!", now: 1_000) }
        #expect(throws: HS256Token.Failure.malformed) { try signer.verify(parts[0] + "." + parts[1], now: 1_000) }
        // A token that never expires is refused (ruling 9), as is an exp that is not a number.
        #expect(throws: HS256Token.Failure.malformed) { try signer.verify(signer.sign([("id", .int(7))]), now: 1_000) }
        #expect(throws: HS256Token.Failure.malformed) {
            try signer.verify(signer.sign([("id", .int(7)), ("exp", .string("2000"))]), now: 1_000)
        }
    }

    @Test("base64url round trip for every length remainder")
    func base64url() {
        for length in 0..<10 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 250) }
            #expect(Base64URL.decode(Substring(Base64URL.encode(bytes))) == bytes)
        }
        #expect(Base64URL.decode("a") == nil)
        #expect(Base64URL.decode("ab==") == nil)
    }

    @Test("calendar dates: strict parsing, epoch days both ways")
    func civilDates() {
        #expect(CivilDate(iso: "2024-02-29")?.description == "2024-02-29")
        #expect(CivilDate(iso: "2026-02-29") == nil)
        #expect(CivilDate(iso: "2026-13-01") == nil)
        #expect(CivilDate(iso: "2026-1-01") == nil)
        #expect(CivilDate(iso: "ayer") == nil)
        for days in [-719_468, -1, 0, 1, 19_000, 2_932_896] {
            #expect(CivilDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
        #expect(CivilDate(daysSinceEpoch: 0).description == "1970-01-01")
    }

    @Test("ISO 8601: zones, fractions, local readings, formatting")
    func iso8601() throws {
        let mexico = try #require(ZoneRules(identifier: "America/Mexico_City"))
        #expect(ISO8601.parse("2024-03-20T10:30:00.000Z", zone: mexico) == 1_710_930_600_000)
        #expect(ISO8601.parse("2024-03-20T04:30:00-06:00", zone: mexico) == 1_710_930_600_000)
        #expect(ISO8601.parse("2024-03-20T04:30:00", zone: mexico) == 1_710_930_600_000)
        #expect(ISO8601.parse("2024-03-20T10:30:00.5Z", zone: mexico) == 1_710_930_600_500)
        #expect(ISO8601.parse("2024-03-20T25:30:00Z", zone: mexico) == nil)
        #expect(ISO8601.parse("2024-03-20", zone: mexico) == nil)
        #expect(ISO8601.format(utcMilliseconds: 1_710_930_600_005) == "2024-03-20T10:30:00.005Z")
        #expect(ISO8601.noonUTC(CivilDate(year: 2026, month: 7, day: 1)!) == "2026-07-01T12:00:00.000Z")
    }

    @Test("zones: the local date of an instant differs from its UTC date near midnight")
    func zones() throws {
        let mexico = try #require(ZoneRules(identifier: "America/Mexico_City"))
        let salvador = try #require(ZoneRules(identifier: "America/El_Salvador"))
        let lateEvening = ISO8601.parse("2026-11-24T03:00:00Z", zone: mexico)!
        #expect(mexico.civilDate(atUTCMilliseconds: lateEvening).description == "2026-11-23")
        #expect(salvador.millisecondsOfDay(atUTCMilliseconds: lateEvening) == 21 * 3_600_000)
        #expect(ZoneRules(identifier: "Mars/Olympus") == nil)
    }
}
