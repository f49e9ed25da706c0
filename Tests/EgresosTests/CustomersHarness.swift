import App
import AppCore
import Foundation
import HTTPCore
import Logging
import MariaDB
import TestSupport
@testable import Egresos

/// A seeded Egresos database (customer 1 → brand 1 → project 1, users 4001..4006), the module's real responder,
/// and a fresh `FILES_ROOT`, for the customers/brands/projects endpoints (#7-#21).
final class CustomersHarness {
    static let baseURL = "https://files.test/files"
    let database: ModuleTestDatabase
    let module: EgresosModule
    let responder: Responder<EgresosContext>
    let filesRoot: String
    let uploads: String

    init() throws {
        database = try ModuleTestDatabase(module: "egresos", prefix: "egc", seed: true)
        let base = NSTemporaryDirectory() + "egc-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        filesRoot = base + "/files"
        uploads = base + "/uploads"
        try FileManager.default.createDirectory(atPath: filesRoot, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: uploads + "/.incoming", withIntermediateDirectories: true)
        var values = AuthKeys.values()
        values["UPLOAD_DIR"] = uploads
        values["FILES_ROOT"] = filesRoot
        values["FILES_BASE_URL"] = Self.baseURL + "/"
        let settings = try TestEnvironment.settings(.egresos, database: database.name, extra: values)
        module = try EgresosModule(settings: settings, clock: AuthClock(AuthHarness.start))
        responder = module.makeResponder()
    }

    deinit {
        try? FileManager.default.removeItem(atPath: (filesRoot as NSString).deletingLastPathComponent)
    }

    /// A token of the seeded user with e-mail `user@element.com.mx` (`admin`, `rh`, `manager`, `grouper`,
    /// `cuentas`, `empleado`).
    func token(_ user: String) -> String {
        let now = Int(AuthHarness.start / 1000)
        let claims: [(String, JSONValue)] = [
            ("iss", .string(AuthKeys.issuer)), ("aud", .string(AuthKeys.audience)), ("sub", .string("auth0|\(user)")),
            ("email", .string("\(user)@element.com.mx")), ("email_verified", .bool(true)),
            ("iat", .integer(now)), ("exp", .integer(now + 3600)),
        ]
        return try! AuthKeys.local.sign(claims)
    }

    private func send(_ request: Request) -> TestResponse {
        TestExchange.send(request, to: responder,
                          context: module.makeContext(connection: database.connection, logger: Logger(label: "egc")))
    }

    /// A request with an optional JSON body, as `user`, in English unless `language` says otherwise.
    func call(_ method: HTTPMethod, _ path: String, json: String? = nil, as user: String? = "empleado",
              language: String = "en") -> TestResponse {
        send(TestExchange.request(method, path, json: json, token: user.map(token),
                                  headers: [("Accept-Language", language)]))
    }

    /// A multipart request: text `fields` and `files` (field, file name, bytes).
    func multipart(_ method: HTTPMethod, _ path: String, fields: [(String, String)] = [],
                   files: [(String, String, [UInt8])] = [], as user: String = "empleado") -> TestResponse {
        let boundary = "egc-boundary-\(UInt32.random(in: 0...UInt32.max))"
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for (name, filename, bytes) in files {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
            body += bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return send(TestExchange.request(method, path, token: token(user), body: body,
                                         contentType: "multipart/form-data; boundary=\(boundary)",
                                         headers: [("Accept-Language", "en")]))
    }

    /// Every file under `FILES_ROOT`, relative, sorted.
    func storedFiles() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: filesRoot)
        var paths: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var directory: ObjCBool = false
            if FileManager.default.fileExists(atPath: filesRoot + "/" + path, isDirectory: &directory), !directory.boolValue {
                paths.append(path)
            }
        }
        return paths.sorted()
    }

    /// The bytes of a stored file.
    func stored(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: filesRoot + "/" + path).map { Array($0) }
    }

    /// A count.
    func count(_ sql: String) throws -> Int { try database.count(SQLQuery(unsafeSQL: sql)) }
}

/// The smallest PNG (1×1) and a JPEG header: real image bytes for the uploads.
enum Images {
    static let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
        0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
        0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
        0x42, 0x60, 0x82,
    ]
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00,
                                0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9]
}

extension TestResponse {
    /// The keys of a JSON object at `key` (or of the body), in order.
    func keys(_ value: Input?) -> [String] { value?.objectValue?.keys ?? [] }
    /// The non-field error code.
    var code: String? { json?["code"]?.stringValue }
}
