import App
import AppCore
import Foundation
import HTTPCore
import Logging
import MariaDB
import TestSupport
@testable import Egresos

/// The one Egresos test harness: a fresh migrated database (seeded by default: users 4001-4006 admin@, rh@,
/// manager@, grouper@, cuentas@, empleado@element.com.mx; supplier 1 `proveedor@example.com` / `Password123`
/// with billing 1; customer 1 → brand 1 → project 1), the module over it with a movable clock and a fresh
/// `FILES_ROOT`, and in-process requests through its real responder (or through test-only `routes`).
final class EgresosHarness {
    /// 2026-12-01T12:00:00Z.
    static let start: Int64 = 1_796_126_400_000
    /// `FILES_BASE_URL` (configured with a trailing slash, which the module drops).
    static let baseURL = "https://files.test/files"
    /// The seeded supplier.
    static let supplierEmail = "proveedor@example.com"
    /// The seeded staff users by e-mail local part, in id order (4001-4006).
    static let staffUsers = ["admin", "rh", "manager", "grouper", "cuentas", "empleado"]

    let database: ModuleTestDatabase
    let module: EgresosModule
    let clock = TestClock(EgresosHarness.start)
    let responder: Responder<EgresosContext>
    let filesRoot: String
    let uploads: String
    /// Who sends a request that names no caller.
    var caller: Caller
    /// The `Accept-Language` of a request that names none (nil: no header).
    var language: String?

    /// `seed`: load the development seed; `caller`/`language`: the defaults of `call`; `smtp`: whether mail
    /// delivery is configured (`SMTP_HOST`); `jwks`: also configure `AUTH0_JWKS_FILE`; `extra` settings win;
    /// `fileStore`: the stored files' bucket client (with `STORAGE_BACKEND=s3` in `extra`);
    /// `routes`: serve these test routes (behind body parsing, Egresos' error format) instead of the module's.
    init(seed: Bool = true, caller: Caller = .anonymous, language: String? = "en", smtp: Bool = true, jwks: Bool = false,
         extra: [String: String] = [:], fileStore: StorageSettings.Factory? = nil,
         routes: ((inout Router<EgresosContext>) -> Void)? = nil) throws {
        database = try ModuleTestDatabase(module: "egresos", prefix: "eg", seed: seed)
        self.caller = caller
        self.language = language
        let base = NSTemporaryDirectory() + "eg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        filesRoot = base + "/files"
        uploads = base + "/uploads"
        try FileManager.default.createDirectory(atPath: filesRoot, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: uploads + "/.incoming", withIntermediateDirectories: true)
        var values = AuthKeys.values(jwks: jwks)
        values["UPLOAD_DIR"] = uploads
        values["FILES_ROOT"] = filesRoot
        values["FILES_BASE_URL"] = Self.baseURL + "/"
        values["SUPPLIER_PORTAL_URL"] = "https://portal.test/portal/"
        if smtp {
            values["SMTP_HOST"] = "smtp.test"
            values["MAIL_FROM"] = "Element Studios <no-reply@element.com.mx>"
        }
        let settings = try TestEnvironment.settings(.egresos, database: database.name, extra: values.merging(extra) { $1 })
        module = try EgresosModule(settings: settings, clock: clock, fileStore: fileStore)
        if let routes {
            var router = Router<EgresosContext>()
            router.group("", middleware: [BodyParsingMiddleware(limits: settings.bodyLimits)]) { routes(&$0) }
            responder = router.freeze(middleware: [RequestIDMiddleware()], errors: EgresosErrorRenderer())
        } else {
            responder = module.makeResponder()
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: (filesRoot as NSString).deletingLastPathComponent)
    }

    /// Now, in Unix seconds.
    var now: Int { clock.nowSeconds() }

    // MARK: Callers and tokens

    /// Who sends a request. A string literal is a seeded staff user (`"admin"` or `"rh@element.com.mx"`).
    enum Caller: ExpressibleByStringLiteral {
        /// No `Authorization` header.
        case anonymous
        /// A staff token of the user with this e-mail (or e-mail local part at element.com.mx).
        case staff(String)
        /// A supplier session of this e-mail.
        case supplier(String)
        /// This `Authorization` header, verbatim.
        case authorization(String)

        init(stringLiteral value: String) { self = .staff(value) }

        /// The seeded supplier's session.
        static let seededSupplier = Caller.supplier(EgresosHarness.supplierEmail)
    }

    /// The `Authorization` header of `caller`.
    func authorization(_ caller: Caller) -> String? {
        switch caller {
        case .anonymous: nil
        case .staff(let user): "Bearer " + token(user)
        case .supplier(let email): "Bearer " + supplierToken(email)
        case .authorization(let header): header
        }
    }

    /// Staff claims: issuer, our audience, `sub`, `email` (verified), iat now, exp in an hour; `changes` replace,
    /// add or (with nil) remove claims.
    func claims(sub: String = "auth0|100", email: String? = "ana@element.com.mx",
                _ changes: [String: JSONValue?] = [:]) -> [(String, JSONValue)] {
        var claims: [(String, JSONValue)] = [("iss", .string(AuthKeys.issuer)), ("aud", .string(AuthKeys.audience)),
                                             ("sub", .string(sub))]
        if let email { claims += [("email", .string(email)), ("email_verified", .bool(true))] }
        claims += [("iat", .integer(now)), ("exp", .integer(now + 3600))]
        for (key, value) in changes.sorted(by: { $0.key < $1.key }) {
            if let index = claims.firstIndex(where: { $0.0 == key }) {
                if let value { claims[index].1 = value } else { claims.remove(at: index) }
            } else if let value {
                claims.append((key, value))
            }
        }
        return claims
    }

    /// A staff token signed by `signer` (the configured local key).
    func staffToken(sub: String = "auth0|100", email: String? = "ana@element.com.mx", _ changes: [String: JSONValue?] = [:],
                    signer: RS256Signer = AuthKeys.local) -> String {
        try! signer.sign(claims(sub: sub, email: email, changes))
    }

    /// A staff token of the user `user` (`"admin"` → admin@element.com.mx) with sub `auth0|<email>`.
    func token(_ user: String, _ changes: [String: JSONValue?] = [:]) -> String {
        let email = user.contains("@") ? user : user + "@element.com.mx"
        return staffToken(sub: "auth0|" + email, email: email, changes)
    }

    /// A supplier session of `email`, issued now.
    func supplierToken(_ email: String = EgresosHarness.supplierEmail) -> String {
        module.auth.supplierTokens.issue(email: email).token
    }

    /// A supplier token with `claims`, signed with `secret`.
    func supplierToken(_ claims: [(String, JSONValue)], secret: String = AuthKeys.supplierSecret) -> String {
        HS256Token(secret: secret).sign(claims)
    }

    // MARK: Requests

    /// Sends `request` through the responder on the harness's connection.
    func send(_ request: Request) -> TestResponse {
        TestExchange.send(request, to: responder, context: module.makeContext(connection: database.connection, logger: Logger(label: "eg")))
    }

    /// `method path` with a raw body: as `caller` (default: the harness's; `token` wins as a bearer), in
    /// `language` (default: the harness's).
    func send(_ method: HTTPMethod, _ path: String, body: [UInt8]? = nil, contentType: String? = nil, as caller: Caller? = nil,
              token: String? = nil, language: String? = nil, headers extra: [(String, String)] = []) -> TestResponse {
        var headers = extra
        if let header = token.map({ "Bearer " + $0 }) ?? authorization(caller ?? self.caller) { headers.append(("Authorization", header)) }
        if let language = language ?? self.language { headers.append(("Accept-Language", language)) }
        return send(TestExchange.request(method, path, body: body, contentType: contentType, headers: headers))
    }

    /// `method path` with an optional JSON body (see `send`).
    func call(_ method: HTTPMethod, _ path: String, json: String? = nil, as caller: Caller? = nil, token: String? = nil,
              language: String? = nil) -> TestResponse {
        send(method, path, body: json.map { Array($0.utf8) }, contentType: json == nil ? nil : "application/json", as: caller,
             token: token, language: language)
    }

    /// `GET path` with this `Authorization` header (none when nil).
    func get(_ path: String, authorization: String?, headers: [(String, String)] = []) -> TestResponse {
        send(.get, path, as: authorization.map(Caller.authorization) ?? .anonymous, headers: headers)
    }

    /// `GET path` with a bearer token.
    func get(_ path: String, token: String) -> TestResponse { get(path, authorization: "Bearer " + token) }

    /// A multipart request of text `fields` and `files` (field, file name, bytes), as `call`.
    func multipart(_ method: HTTPMethod, _ path: String, fields: [(String, String)] = [],
                   files: [(String, String, [UInt8])] = [], as caller: Caller? = nil, token: String? = nil) -> TestResponse {
        let boundary = "eg-boundary-\(UInt32.random(in: 0...UInt32.max))"
        return send(method, path, body: Self.multipartBody(boundary: boundary, fields: fields, files: files),
                    contentType: "multipart/form-data; boundary=\(boundary)", as: caller, token: token)
    }

    /// A well-formed `multipart/form-data` body.
    static func multipartBody(boundary: String, fields: [(String, String)], files: [(String, String, [UInt8])]) -> [UInt8] {
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for (name, filename, bytes) in files {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body += bytes + Array("\r\n".utf8)
        }
        return body + Array("--\(boundary)--\r\n".utf8)
    }
}
