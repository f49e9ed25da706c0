import App
import AppCore
import Foundation
import HTTPCore
import Logging
import MariaDB
import TestSupport
@testable import Egresos

/// A clock the auth tests set.
final class AuthClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var millis: Int64

    init(_ millis: Int64) { self.millis = millis }

    func nowMilliseconds() -> Int64 { lock.withLock { millis } }

    /// Moves the clock by `seconds`.
    func advance(seconds: Int) { lock.withLock { millis += Int64(seconds) * 1_000 } }
}

/// Keys made once per test process: the local pair (PEM, no `kid`), a JWKS pair (`kid` "key-1") and a stranger.
enum AuthKeys {
    static let issuer = "https://ventanilla.test/"
    static let audience = "https://egresos.test"
    static let otherAudience = "spa-client-id"
    static let supplierSecret = "supplier-secret-for-the-auth-tests"

    static let local = try! RS256Signer.generated()
    static let jwks = try! RS256Signer.generated(keyID: "key-1")
    static let stranger = try! RS256Signer.generated()
    static let strangerWithKid = try! RS256Signer.generated(keyID: "key-9")

    /// A directory holding the key files.
    static let directory: String = {
        let path = NSTemporaryDirectory() + "egauth-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try! local.publicKeyPEM.write(toFile: path + "/public.pem", atomically: true, encoding: .utf8)
        try! local.privateKeyPEM.write(toFile: path + "/private.pem", atomically: true, encoding: .utf8)
        try! stranger.privateKeyPEM.write(toFile: path + "/stranger.pem", atomically: true, encoding: .utf8)
        let document = JSONValue.object([("keys", .array([try! jwks.jwk()]))])
        try! String(decoding: JSONWriter.encode(document), as: UTF8.self).write(toFile: path + "/jwks.json", atomically: true, encoding: .utf8)
        return path
    }()

    static var publicKeyFile: String { directory + "/public.pem" }
    static var privateKeyFile: String { directory + "/private.pem" }
    static var strangerKeyFile: String { directory + "/stranger.pem" }
    static var jwksFile: String { directory + "/jwks.json" }

    /// The Egresos settings of the tests: issuer, two audiences, the PEM key and (with `jwks`) the JWKS file.
    static func values(jwks: Bool = false) -> [String: String] {
        var values = ["AUTH0_ISSUER": issuer, "AUTH0_AUDIENCES": "\(audience), \(otherAudience)",
                      "AUTH0_PUBLIC_KEY_FILE": publicKeyFile, "AUTH0_PRIVATE_KEY_FILE": privateKeyFile,
                      "SUPPLIER_JWT_SECRET": supplierSecret, "UPLOAD_DIR": NSTemporaryDirectory() + "egauth-uploads"]
        if jwks { values["AUTH0_JWKS_FILE"] = jwksFile }
        return values
    }
}

/// A fresh Egresos database with `users` and `suppliers`, the module with a fixed clock, and test routes behind
/// `StaffAuth` and `SupplierAuth`:
/// `GET /test/staff` (any registered user), `GET /test/rh` (rh, and admin), `GET /test/supplier`.
final class AuthHarness {
    /// 2026-12-01T12:00:00Z.
    static let start: Int64 = 1_796_126_400_000
    let database: ModuleTestDatabase
    let module: EgresosModule
    let clock = AuthClock(AuthHarness.start)
    let responder: Responder<EgresosContext>

    init(jwks: Bool = false, extra: [String: String] = [:]) throws {
        database = try ModuleTestDatabase(module: "egresos", prefix: "egauth")
        // The egresos schema is written elsewhere: create the two tables (the §4 columns auth reads) if missing.
        try database.connection.executeText("""
            CREATE TABLE IF NOT EXISTS users (
              id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, user_id VARCHAR(255) NULL UNIQUE, email VARCHAR(255) NOT NULL,
              given_name VARCHAR(120) NULL, family_name VARCHAR(120) NULL, name VARCHAR(120) NOT NULL,
              job_title VARCHAR(200) NOT NULL DEFAULT '', role VARCHAR(20) NOT NULL, last_login DATETIME(3) NULL,
              logins_count INT NOT NULL DEFAULT 0, deleted_at DATETIME(3) NULL)
            """)
        try database.connection.executeText("""
            CREATE TABLE IF NOT EXISTS suppliers (
              id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, company_name VARCHAR(100) NOT NULL, contact_name VARCHAR(100) NOT NULL,
              email VARCHAR(100) NOT NULL UNIQUE, phone VARCHAR(15) NOT NULL, business_activity VARCHAR(255) NOT NULL,
              password_hash VARCHAR(255) NULL, password_changed_at DATETIME(3) NULL)
            """)
        let settings = try TestEnvironment.settings(.egresos, database: database.name,
                                                    extra: AuthKeys.values(jwks: jwks).merging(extra) { $1 })
        module = try EgresosModule(settings: settings, clock: clock)
        var router = Router<EgresosContext>()
        router.group("", middleware: [BodyParsingMiddleware(limits: settings.bodyLimits)]) { router in
            router.get("/test/staff", middleware: [StaffAuth.registered]) { _, context in
                let staff = try context.staffCaller()
                return .json(.object([("id", .integer(staff.user.id)), ("role", .string(staff.user.role)),
                                      ("sub", .string(staff.subject))]))
            }
            router.get("/test/rh", middleware: [StaffAuth.roles(.rh)]) { _, context in
                .json(.object([("id", .integer(try context.staffCaller().user.id))]))
            }
            router.get("/test/supplier", middleware: [SupplierAuth()]) { _, context in
                .json(.object([("id", .integer(try context.supplierCaller().supplier.id))]))
            }
        }
        responder = router.freeze(middleware: [RequestIDMiddleware()], errors: EgresosErrorRenderer())
    }

    /// Now, in Unix seconds.
    var now: Int { clock.nowSeconds() }

    /// `GET path` with `Authorization: <authorization>` (none when nil).
    func get(_ path: String, authorization: String?, headers extra: [(String, String)] = []) -> TestResponse {
        let headers = (authorization.map { [("Authorization", $0)] } ?? []) + extra
        return TestExchange.send(TestExchange.request(.get, path, headers: headers), to: responder,
                                 context: module.makeContext(connection: database.connection, logger: Logger(label: "egauth")))
    }

    /// `GET path` with a bearer token.
    func get(_ path: String, token: String) -> TestResponse { get(path, authorization: "Bearer " + token) }

    /// Staff claims: issuer, our audience, `sub`, `email` (verified), iat now, exp in an hour; `changes` replace
    /// or (with nil) remove claims.
    func claims(sub: String = "auth0|100", email: String? = "ana@element.com.mx",
                _ changes: [String: JSONValue?] = [:]) -> [(String, JSONValue)] {
        var claims: [(String, JSONValue)] = [("iss", .string(AuthKeys.issuer)), ("aud", .string(AuthKeys.audience)),
                                             ("sub", .string(sub))]
        if let email { claims += [("email", .string(email)), ("email_verified", .bool(true))] }
        claims += [("iat", .integer(now)), ("exp", .integer(now + 3600))]
        for (key, value) in changes {
            if let index = claims.firstIndex(where: { $0.0 == key }) {
                if let value { claims[index].1 = value } else { claims.remove(at: index) }
            } else if let value {
                claims.append((key, value))
            }
        }
        return claims
    }

    /// A staff token signed with the local key.
    func staffToken(sub: String = "auth0|100", email: String? = "ana@element.com.mx", _ changes: [String: JSONValue?] = [:],
                    signer: RS256Signer = AuthKeys.local) -> String {
        try! signer.sign(claims(sub: sub, email: email, changes))
    }

    /// Inserts a user; returns its id.
    @discardableResult
    func user(email: String, role: String = "employee", subject: String? = nil, deleted: Bool = false) throws -> Int {
        let deletedAt: SQLDateTime? = deleted ? SQLDateTime(unixTime: Int64(now) - 60) : nil
        let result = try database.connection.execute("""
            INSERT INTO users (user_id, email, given_name, family_name, name, job_title, role, deleted_at)
            VALUES (\(subject), \(email), 'Ana', NULL, 'Ana', 'Tester', \(role), \(deletedAt))
            """)
        return result.lastInsertID
    }

    /// The stored `user_id`, `logins_count` and `last_login` (Unix seconds) of user `id`.
    func userRow(_ id: Int) throws -> (subject: String?, logins: Int, lastLogin: Int64?) {
        let row = try database.connection.queryFirst("SELECT user_id, logins_count, last_login FROM users WHERE id = \(id)")!
        return (try row.optionalString("user_id"), try row.int("logins_count"), try row.optionalDateTime("last_login")?.unixTime)
    }

    /// Inserts a supplier; `passwordChangedAt` in Unix seconds. Returns its id.
    @discardableResult
    func supplier(email: String, passwordChangedAt: Int64? = nil) throws -> Int {
        let changed = passwordChangedAt.map { SQLDateTime(unixTime: $0, microsecond: 500_000) }
        let result = try database.connection.execute("""
            INSERT INTO suppliers (company_name, contact_name, email, phone, business_activity, password_changed_at)
            VALUES ('Proveedor', 'Contacto', \(email), '5555555555', 'Imprenta', \(changed))
            """)
        return result.lastInsertID
    }

    /// A supplier token signed with `secret` carrying `claims`.
    func supplierToken(_ claims: [(String, JSONValue)], secret: String = AuthKeys.supplierSecret) -> String {
        HS256Token(secret: secret).sign(claims)
    }
}

/// The non-field error code of an Egresos response.
func authCode(_ response: TestResponse) -> String? { response.json?["code"]?.stringValue }

/// A token built by hand: base64url of `header` and `payload` JSON texts, and `signature` bytes.
func handmadeToken(header: String, payload: String, signature: [UInt8] = []) -> String {
    Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(Array(payload.utf8)) + "." + Base64URL.encode(signature)
}
