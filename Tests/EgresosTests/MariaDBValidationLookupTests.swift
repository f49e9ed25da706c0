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
    /// `projects` (soft-deleted, scoped by brand) and `suppliers` (no `deleted_at`).
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
                                       deleted_at DATETIME(3) NULL)
                """)
            try connection.executeText("""
                INSERT INTO projects VALUES (1, 1, 'Campaña 2019', NULL), (2, 2, 'Lanzamiento', NOW(3))
                """)
            try connection.executeText("""
                CREATE TABLE suppliers (id BIGINT PRIMARY KEY, email VARCHAR(100) NOT NULL, company_name VARCHAR(100) NOT NULL)
                """)
            try connection.executeText("INSERT INTO suppliers VALUES (3, 'prov@proveedor.com', 'Proveedor 01 S.A. de C.V.')")
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
