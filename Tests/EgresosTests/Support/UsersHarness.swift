import App
import AppCore
import Foundation
import HTTPCore
import Logging
import MariaDB
import TestSupport
@testable import Egresos

/// The whole Egresos module (its real routes) over a migrated and seeded database (users 4001-4006:
/// admin@, rh@, manager@, grouper@, cuentas@, empleado@element.com.mx), with a fixed clock and staff tokens
/// signed by the test key.
final class UsersHarness {
    /// 2026-12-01T12:00:00Z.
    static let start: Int64 = 1_796_126_400_000
    let database: ModuleTestDatabase
    let module: EgresosModule
    let clock = AuthClock(UsersHarness.start)
    let responder: Responder<EgresosContext>

    init(extra: [String: String] = [:]) throws {
        database = try ModuleTestDatabase(module: "egresos", prefix: "egu", seed: true)
        let settings = try TestEnvironment.settings(.egresos, database: database.name,
                                                    extra: AuthKeys.values().merging(extra) { $1 })
        module = try EgresosModule(settings: settings, clock: clock)
        responder = module.makeResponder()
    }

    /// Now, in Unix seconds.
    var now: Int { clock.nowSeconds() }

    /// A staff token for `email` (sub `auth0|<email>`), issued now; `extra` claims are added or replace.
    func token(_ email: String, _ extra: [(String, JSONValue)] = []) -> String {
        var claims: [(String, JSONValue)] = [("iss", .string(AuthKeys.issuer)), ("aud", .string(AuthKeys.audience)),
                                             ("sub", .string("auth0|" + email)), ("email", .string(email)),
                                             ("email_verified", .bool(true)), ("iat", .integer(now)), ("exp", .integer(now + 3600))]
        for (key, value) in extra {
            if let index = claims.firstIndex(where: { $0.0 == key }) { claims[index].1 = value } else { claims.append((key, value)) }
        }
        return try! AuthKeys.local.sign(claims)
    }

    /// Sends `method path` (with an optional JSON body) as `as` (an e-mail; no token when nil), in `language`.
    func call(_ method: HTTPMethod, _ path: String, json: String? = nil, as email: String? = "admin@element.com.mx",
              token: String? = nil, language: String? = nil) -> TestResponse {
        let bearer = token ?? email.map { self.token($0) }
        let headers = language.map { [("Accept-Language", $0)] } ?? []
        return TestExchange.send(TestExchange.request(method, path, json: json, token: bearer, headers: headers), to: responder,
                                 context: module.makeContext(connection: database.connection, logger: Logger(label: "egusers")))
    }

    /// Counts rows.
    func count(_ sql: SQLQuery) throws -> Int { try database.count(sql) }

    /// A hash of every user row (to prove refusals write nothing).
    func usersSnapshot() throws -> [String] {
        try database.connection.query("""
            SELECT CONCAT_WS('|', id, IFNULL(user_id, '-'), email, IFNULL(given_name, '-'), IFNULL(family_name, '-'), name,
                   IFNULL(nickname, '-'), job_title, role, IFNULL(last_login, '-'), logins_count, IFNULL(deleted_at, '-')) AS r
              FROM users ORDER BY id
            """).map { try $0.string("r") }
    }

    /// Inserts a notification to `to` from `from`; returns its id.
    @discardableResult
    func notification(to: Int, from: Int?, status: String = "submited", message: String = "Aviso") throws -> Int {
        try database.connection.execute("""
            INSERT INTO notifications (`to`, `from`, type_of, status, message) VALUES (\(to), \(from), 'quotation', \(status), \(message))
            """).lastInsertID
    }
}

extension TestResponse {
    /// The non-field error code (a string).
    var errorCode: String? { json?["code"]?.stringValue }
    /// The field errors as `field:code`.
    var fieldErrors: [String] {
        guard case .array(let items)? = json?["errors"] else { return [] }
        return items.map { "\($0["fields"]?.stringValue ?? "?"):\($0["code"].flatMap(egInt) ?? -1)" }
    }
    /// The keys of the object at `key`, in order.
    func keys(_ key: String) -> [String] { json?[key]?.objectValue?.keys ?? [] }
}

extension Input {
    /// The items of an array.
    var egItems: [Input]? {
        if case .array(let items) = self { return items }
        return nil
    }
}

/// An integer in the response tree.
func egInt(_ value: Input?) -> Int? {
    switch value {
    case .number(let text)?: Int(text)
    default: nil
    }
}
