import Foundation
import MariaDB
import TestSupport
@testable import Egresos

/// Reading and writing the harness's database and files directly: what a request wrote, and rows a test needs.
extension EgresosHarness {
    /// The first column of the first row of `sql` as a count.
    func count(_ sql: String) throws -> Int { try database.count(SQLQuery(unsafeSQL: sql)) }

    /// The first row of `sql`.
    func row(_ sql: String) throws -> SQLRow? { try database.connection.queryFirst(SQLQuery(unsafeSQL: sql)) }

    /// Runs `sql`.
    func execute(_ sql: String) throws { try database.connection.execute(SQLQuery(unsafeSQL: sql)) }

    /// Inserts a staff user; returns its id.
    @discardableResult
    func user(email: String, role: String = "employee", subject: String? = nil, deleted: Bool = false) throws -> Int {
        let deletedAt: SQLDateTime? = deleted ? SQLDateTime(unixTime: Int64(now) - 60) : nil
        return try database.connection.execute("""
            INSERT INTO users (user_id, email, given_name, family_name, name, job_title, role, deleted_at)
            VALUES (\(subject), \(email), 'Ana', NULL, 'Ana', 'Tester', \(role), \(deletedAt))
            """).lastInsertID
    }

    /// The stored `user_id`, `logins_count` and `last_login` (Unix seconds) of user `id`.
    func userRow(_ id: Int) throws -> (subject: String?, logins: Int, lastLogin: Int64?) {
        let row = try database.connection.queryFirst("SELECT user_id, logins_count, last_login FROM users WHERE id = \(id)")!
        return (try row.optionalString("user_id"), try row.int("logins_count"), try row.optionalDateTime("last_login")?.unixTime)
    }

    /// Every user row as text (to prove refusals write nothing).
    func usersSnapshot() throws -> [String] {
        try database.connection.query("""
            SELECT CONCAT_WS('|', id, IFNULL(user_id, '-'), email, IFNULL(given_name, '-'), IFNULL(family_name, '-'), name,
                   IFNULL(nickname, '-'), job_title, role, IFNULL(last_login, '-'), logins_count, IFNULL(deleted_at, '-')) AS r
              FROM users ORDER BY id
            """).map { try $0.string("r") }
    }

    /// Inserts a supplier; `passwordChangedAt` in Unix seconds (at .500). Returns its id.
    @discardableResult
    func supplier(email: String, passwordChangedAt: Int64? = nil) throws -> Int {
        let changed = passwordChangedAt.map { SQLDateTime(unixTime: $0, microsecond: 500_000) }
        return try database.connection.execute("""
            INSERT INTO suppliers (company_name, contact_name, email, phone, business_activity, password_changed_at)
            VALUES ('Proveedor', 'Contacto', \(email), '5555555555', 'Imprenta', \(changed))
            """).lastInsertID
    }

    /// Stores a password token for supplier 1 expiring `hours` from now; returns it.
    func issueToken(hours: Int = 72) throws -> String {
        let token = PasswordTokens.generate()
        let expires = clock.nowMilliseconds() + Int64(hours) * 3_600_000
        try database.connection.execute("""
            UPDATE suppliers SET password_token_hash = \(PasswordTokens.hash(token)),
                   password_token_expires_at = \(SQLDateTime(unixMilliseconds: expires)) WHERE id = 1
            """)
        return token
    }

    /// A quotation in `status` for the seeded project and supplier 1, one supplier quotation, and one payment
    /// schedule row (paid or not); returns the payment schedule's id.
    func paymentSchedule(quotationStatus: Int, paid: Bool = false) throws -> Int {
        try execute("""
            INSERT INTO quotations (project_id, created_by, billing_date, project_start_date, project_end_date,
                                    cost_in_cents, status)
            VALUES (1, (SELECT id FROM users WHERE email_active = 'admin@element.com.mx'), '2026-12-01',
                    '2026-12-01 00:00:00', '2026-12-31 00:00:00', 100000, \(quotationStatus))
            """)
        try execute("""
            INSERT INTO supplier_quotations (quotation_id, supplier_id, concept, cost_in_cents, comments)
            VALUES ((SELECT MAX(id) FROM quotations), 1, 'Renta de camaras', 50000, 'ok')
            """)
        try execute("""
            INSERT INTO payment_schedules (supplier_quotation_id, position, amount, payment_method, payment_date, paid, paid_at)
            VALUES ((SELECT MAX(id) FROM supplier_quotations), 0, 50000, 'cash', '2026-12-15', \(paid ? 1 : 0),
                    \(paid ? "'2026-11-30'" : "NULL"))
            """)
        return try count("SELECT MAX(id) FROM payment_schedules")
    }

    /// Inserts a notification to `to` from `from`; returns its id.
    @discardableResult
    func notification(to: Int, from: Int?, status: String = "submited", message: String = "Aviso") throws -> Int {
        try database.connection.execute("""
            INSERT INTO notifications (`to`, `from`, type_of, status, message) VALUES (\(to), \(from), 'quotation', \(status), \(message))
            """).lastInsertID
    }

    /// What the database and `FILES_ROOT` hold: a checksum of every table and the stored files. Equal before and
    /// after a request means the request wrote nothing.
    func fingerprint() throws -> [String] {
        let tables = try database.connection.query("""
            SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name
            """).map { try $0.string("t") }
        let sums = try database.connection.query(SQLQuery(unsafeSQL: "CHECKSUM TABLE " + tables.map { "`\($0)`" }.joined(separator: ", ")))
        return try sums.map { "\(try $0.string("Table"))=\($0[column: "Checksum"].map { "\($0)" } ?? "NULL")" } + storedFiles()
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

    /// `text` with the random part of every stored name (ruling E8: `-` and 32 lower-case hex digits before the
    /// extension) written `-{random}`, so `…/picture-1f…9a.png` reads `…/picture-{random}.png`. Anything else
    /// (another length, upper case, no random part) is left as it is, so an exact comparison checks the format.
    static func masked(_ text: String) -> String {
        text.replacing(try! Regex("-[0-9a-f]{32}(?=\\.)"), with: "-{random}")
    }

    /// `storedFiles()`, masked.
    func storedNames() -> [String] { storedFiles().map(Self.masked) }

    /// The stored file whose masked name is `name` (the only one), relative to `FILES_ROOT`.
    func storedPath(_ name: String) -> String? {
        let found = storedFiles().filter { Self.masked($0) == name }
        return found.count == 1 ? found[0] : nil
    }
}
