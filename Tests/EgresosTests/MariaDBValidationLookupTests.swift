@testable import Egresos
import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing

/// The MariaDB lookup against tables of its own in a scratch database. Like every database test it needs
/// `VENTANILLA_TEST_DB_*` (scripts/test sets them) and fails without them instead of being skipped.
@Suite("MariaDBValidationLookup against a scratch database")
struct MariaDBValidationLookupTests {
    /// A scratch database with `users` (soft-deleted, binary collation so case-insensitivity is the lookup's),
    /// `projects` (soft-deleted, scoped by brand, its live names under a unique key as in 0002, which `taken` reads) and `suppliers` (no `deleted_at`).
    final class Scratch {
        let name = "egv_lookup_\(UInt32.random(in: 0...UInt32.max))_\(getpid())"
        let admin: MariaDBConnection
        let connection: MariaDBConnection

        init() throws {
            MariaDBLibrary.initialize()
            let socket = try TestEnvironment.socket()
            let user = try TestEnvironment.user()
            let password = try TestEnvironment.password()
            admin = MariaDBConnection(configuration: MariaDBConfiguration(socket: socket, user: user, password: password))
            try admin.executeText("CREATE DATABASE `\(name)` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
            connection = MariaDBConnection(configuration: MariaDBConfiguration(socket: socket, user: user, password: password,
                                                                               database: name))
            try connection.executeText("""
                CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
                                    deleted_at DATETIME(3) NULL)
                """)
            try connection.executeText("""
                INSERT INTO users VALUES (4001, 'Ana@element.com.mx', NULL), (4002, 'old@element.com.mx', NOW(3))
                """)
            try connection.executeText("""
                CREATE TABLE projects (id BIGINT PRIMARY KEY, brand_id BIGINT NOT NULL, name VARCHAR(30) NOT NULL,
                                       deleted_at DATETIME(3) NULL,
                                       name_active VARCHAR(30) AS (IF(deleted_at IS NULL, name, NULL)) PERSISTENT INVISIBLE,
                                       UNIQUE KEY uq_projects_brand_name_active (brand_id, name_active))
                """)
            try connection.executeText("""
                INSERT INTO projects VALUES (1, 1, 'Campaña 2019', NULL), (2, 2, 'Lanzamiento', NOW(3))
                """)
            try connection.executeText("""
                CREATE TABLE suppliers (id BIGINT PRIMARY KEY, email VARCHAR(100) NOT NULL, company_name VARCHAR(100) NOT NULL)
                """)
            try connection.executeText("INSERT INTO suppliers VALUES (3, 'prov@proveedor.com', 'Proveedor 01 S.A. de C.V.')")
            try connection.executeText("""
                CREATE TABLE quotations (id BIGINT PRIMARY KEY, project_id BIGINT NOT NULL,
                                         project_start_date DATETIME(3) NOT NULL, project_end_date DATETIME(3) NOT NULL)
                """)
            try connection.executeText("""
                INSERT INTO quotations VALUES (1, 1, '2019-11-01 00:00:00.000', '2019-11-30 00:00:00.000'),
                                              (2, 1, '2020-01-01 00:00:00.000', '2020-01-31 00:00:00.000')
                """)
            try connection.executeText("""
                CREATE TABLE supplier_quotations (id BIGINT PRIMARY KEY, quotation_id BIGINT NOT NULL, supplier_id BIGINT NOT NULL)
                """)
            try connection.executeText("INSERT INTO supplier_quotations VALUES (7, 1, 3), (8, 2, 3)")
        }

        deinit {
            connection.close()
            try? admin.executeText("DROP DATABASE IF EXISTS `\(name)`")
            admin.close()
        }
    }

    @Test("exists and taken among active rows, case-insensitive, excluding the own row, within a scope")
    func lookup() throws {
        let scratch = try Scratch()
        let lookup = MariaDBValidationLookup(connection: scratch.connection)
        #expect(try lookup.exists(table: .users, column: "id", value: "4001"))
        #expect(try !lookup.exists(table: .users, column: "id", value: "4002"))
        #expect(try !lookup.exists(table: .users, column: "id", value: "9"))
        #expect(try lookup.exists(table: .suppliers, column: "email", value: "prov@proveedor.com"))
        #expect(try !lookup.exists(table: .suppliers, column: "email", value: "x' OR '1'='1"))
        #expect(try lookup.taken(table: .users, column: "email", value: "ana@ELEMENT.com.mx", excludingID: nil))
        #expect(try !lookup.taken(table: .users, column: "email", value: "ana@element.com.mx", excludingID: 4001))
        #expect(try !lookup.taken(table: .users, column: "email", value: "old@element.com.mx", excludingID: nil))
        #expect(try lookup.taken(table: .suppliers, column: "company_name", value: "proveedor 01 s.a. de c.v.", excludingID: nil))
        #expect(try lookup.taken(table: .projects, column: "name", value: "CAMPAÑA 2019", excludingID: nil,
                                 scope: (column: "brand_id", value: "1")))
        #expect(try !lookup.taken(table: .projects, column: "name", value: "Campaña 2019", excludingID: nil,
                                  scope: (column: "brand_id", value: "2")))
        #expect(try !lookup.taken(table: .projects, column: "name", value: "Lanzamiento", excludingID: nil))
        #expect(try !lookup.taken(table: .projects, column: "name", value: "Campana 2019", excludingID: nil))
        #expect(try lookup.taken(table: .projects, column: "name", value: "campaña 2019", excludingID: nil))
        #expect(try !lookup.taken(table: .projects, column: "name", value: "x' OR '1'='1", excludingID: nil))
        #expect(throws: (any Error).self) { try lookup.exists(table: .users, column: "password_hash", value: "x") }
    }

    @Test("exists within a parent, and the stored dates of a range (issue 13)")
    func scopedAndStored() throws {
        let scratch = try Scratch()
        let lookup = MariaDBValidationLookup(connection: scratch.connection)
        #expect(try lookup.exists(table: .supplierQuotations, column: "id", value: "7", scope: (column: "quotation_id", value: "1")))
        #expect(try !lookup.exists(table: .supplierQuotations, column: "id", value: "8", scope: (column: "quotation_id", value: "1")))
        // The parent is bound, not spliced: spliced, this would match every row.
        #expect(try !lookup.exists(table: .supplierQuotations, column: "id", value: "7",
                                   scope: (column: "quotation_id", value: "x' OR '1'='1")))
        #expect(throws: (any Error).self) {
            try lookup.exists(table: .supplierQuotations, column: "id", value: "7", scope: (column: "concept", value: "x"))
        }
        #expect(try lookup.storedDate(table: .quotations, column: "project_start_date", id: 1) == "2019-11-01")
        #expect(try lookup.storedDate(table: .quotations, column: "project_end_date", id: 2) == "2020-01-31")
        #expect(try lookup.storedDate(table: .quotations, column: "project_end_date", id: 9) == nil)
        #expect(throws: (any Error).self) { try lookup.storedDate(table: .quotations, column: "cost_in_cents", id: 1) }
        let engine = ValidationEngine(lookup: lookup)
        let edit = try ValidationSchema([("project_start_date", "sometimes|date:YYYY-MM-DD"),
                                         ("project_end_date", "sometimes|date:YYYY-MM-DD|dateRange:project_start_date,quotation")])
        let editing = ValidationContext(excludingIDs: [.quotations: 1])
        #expect(try engine.check(json(#"{"project_start_date": "2019-12-01"}"#), against: edit, context: editing).failures
            == [ValidationFailure(field: "project_end_date", code: 42215, values: [:])])
        #expect(try engine.check(json(#"{"project_end_date": "2019-11-15"}"#), against: edit, context: editing).passed)
    }

    @Test("the engine over MariaDB: the #2 and #26 rules")
    func engine() throws {
        let scratch = try Scratch()
        let engine = ValidationEngine(lookup: MariaDBValidationLookup(connection: scratch.connection))
        let user = EgresosEndpointRules.createUser.bodySchema
        let taken = try engine.check(json(#"{"email": "ANA@element.com.mx", "name": "Ana", "role": "rh", "job_title": "RH"}"#),
                                     against: user)
        #expect(taken.failures == [ValidationFailure(field: "email", code: 4093, values: ["thing": "email", "value": "ANA@element.com.mx"])])
        #expect(try engine.check(json(#"{"email": "old@element.com.mx", "name": "Ana", "role": "rh", "job_title": "RH"}"#),
                                 against: user).passed)
        let session = EgresosEndpointRules.supplierSession.bodySchema
        #expect(try engine.check(json(#"{"email": "prov@proveedor.com", "password": "12345678"}"#), against: session).passed)
        #expect(try engine.check(json(#"{"email": "nadie@proveedor.com", "password": "12345678"}"#), against: session).failures
            == [ValidationFailure(field: "email", code: 4042, values: ["model": "Supplier"])])
    }
}
