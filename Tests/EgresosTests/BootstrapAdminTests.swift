import App
import AppCore
import FastCGI
import Foundation
import Logging
import MariaDB
import Testing
import Synchronization
import TestSupport
@testable import Egresos

/// The bootstrap admin (egresos.md §4 "Bootstrap", §14): start-up makes sure an active admin exists, from
/// `BOOTSTRAP_ADMIN_EMAIL` and `BOOTSTRAP_ADMIN_NAME`, against a real MariaDB.
@Suite("Egresos bootstrap admin")
struct BootstrapAdminTests {
    static let email = "directora@element.com.mx"

    /// A fresh, migrated, unseeded Egresos database (no users at all) and the module configured for it.
    final class Fixture {
        let database: ModuleTestDatabase
        let settings: ModuleSettings
        let module: EgresosModule

        init(_ bootstrap: [String: String] = ["BOOTSTRAP_ADMIN_EMAIL": BootstrapAdminTests.email]) throws {
            database = try ModuleTestDatabase(module: "egresos", prefix: "egboot")
            settings = try TestEnvironment.settings(.egresos, database: database.name,
                                                    extra: AuthKeys.values().merging(bootstrap) { $1 })
            module = try EgresosModule(settings: settings)
        }

        /// Runs the bootstrap on a connection of its own, as a starting process does.
        func bootstrap() throws -> AdminBootstrapOutcome {
            let connection = MariaDBConnection(configuration: database.configuration)
            defer { connection.close() }
            return try module.bootstrapAdmin(connection: connection, logger: Logger(label: "test.bootstrap"))
        }

        func insertUser(_ email: String, role: String, deleted: Bool = false) throws {
            _ = try database.connection.execute("""
                INSERT INTO users (email, name, job_title, role, deleted_at)
                VALUES (\(email), 'Alguien', 'Puesto', \(role), \(deleted ? "2020-01-01 00:00:00" : nil))
                """)
        }

        func count(_ sql: SQLQuery) throws -> Int { try database.count(sql) }

        /// `(role, name, job_title)` of the live user with `email`.
        func liveUser(_ email: String) throws -> [String]? {
            try database.connection.queryFirst("""
                SELECT role, name, job_title, given_name, nickname FROM users WHERE email = \(email) AND deleted_at IS NULL
                """).map { row in try ["role", "name", "job_title", "given_name", "nickname"].map { try row.optionalString($0) ?? "-" } }
        }
    }

    @Test("no admin: the configured one is created, with #2's derived names, a default name and an admin role")
    func createsWhenNone() throws {
        let fixture = try Fixture(["BOOTSTRAP_ADMIN_EMAIL": " \(Self.email) "])
        guard case .created(let id) = try fixture.bootstrap() else { Issue.record("not created"); return }
        #expect(id >= 4001)
        #expect(try fixture.liveUser(Self.email) == ["admin", "Administrador", "Administrador del sistema", "Administrador", "directora"])
        #expect(try fixture.count("SELECT COUNT(*) FROM users") == 1)
        // A second start finds it and writes nothing.
        #expect(try fixture.bootstrap() == .adminExists)
        #expect(try fixture.count("SELECT COUNT(*) FROM users") == 1)
    }

    @Test("BOOTSTRAP_ADMIN_NAME names the admin; the EGRESOS_ prefix wins over the short name")
    func configuredName() throws {
        let fixture = try Fixture(["BOOTSTRAP_ADMIN_EMAIL": "otra@element.com.mx", "EGRESOS_BOOTSTRAP_ADMIN_EMAIL": Self.email,
                                   "BOOTSTRAP_ADMIN_NAME": "Alejandra Domínguez Ruiz"])
        guard case .created = try fixture.bootstrap() else { Issue.record("not created"); return }
        #expect(try fixture.liveUser(Self.email)?.prefix(4) == ["admin", "Alejandra Domínguez Ruiz", "Administrador del sistema", "Alejandra"])
        #expect(try fixture.count("SELECT COUNT(*) FROM users WHERE email = 'otra@element.com.mx'") == 0)
    }

    @Test("an active admin exists: nothing is written, whoever it is")
    func nothingWhenAdminExists() throws {
        let fixture = try Fixture()
        try fixture.insertUser("jefa@element.com.mx", role: "admin")
        #expect(try fixture.bootstrap() == .adminExists)
        #expect(try fixture.count("SELECT COUNT(*) FROM users") == 1)
        #expect(try fixture.liveUser(Self.email) == nil)
    }

    @Test("a soft-deleted admin does not count: a new admin row is created, even for the deleted one's e-mail")
    func softDeletedAdminDoesNotCount() throws {
        let fixture = try Fixture()
        try fixture.insertUser(Self.email, role: "admin", deleted: true)
        guard case .created = try fixture.bootstrap() else { Issue.record("not created"); return }
        #expect(try fixture.count("SELECT COUNT(*) FROM users WHERE role = 'admin' AND deleted_at IS NULL") == 1)
        #expect(try fixture.count("SELECT COUNT(*) FROM users WHERE email = \(Self.email)") == 2)
    }

    @Test("no admin, but the e-mail is an active user's: that user is promoted (same row), not duplicated")
    func promotesExistingUser() throws {
        let fixture = try Fixture(["BOOTSTRAP_ADMIN_EMAIL": "Directora@Element.com.mx"])
        try fixture.insertUser(Self.email, role: "employee")
        let id = try fixture.count("SELECT id FROM users")
        #expect(try fixture.bootstrap() == .promoted(id: id, previousRole: "employee"))
        #expect(try fixture.count("SELECT COUNT(*) FROM users") == 1)
        #expect(try fixture.liveUser(Self.email)?.first == "admin")
    }

    @Test("no admin and no BOOTSTRAP_ADMIN_EMAIL: nothing is written (a warning is logged)")
    func unconfigured() throws {
        let fixture = try Fixture([:])
        try fixture.insertUser("empleado@element.com.mx", role: "employee")
        #expect(try fixture.bootstrap() == .unconfigured)
        #expect(try fixture.count("SELECT COUNT(*) FROM users") == 1)
    }

    @Test("eight processes starting at once create exactly one admin, and none of them fails")
    func concurrentStarts() throws {
        let fixture = try Fixture()
        let outcomes = Outcomes()
        let (module, configuration) = (fixture.module, fixture.database.configuration)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            MariaDBLibrary.threadInit()
            defer { MariaDBLibrary.threadEnd() }
            let connection = MariaDBConnection(configuration: configuration)
            defer { connection.close() }
            do {
                switch try module.bootstrapAdmin(connection: connection, logger: Logger(label: "test.race")) {
                case .created: outcomes.record("created")
                case let other: outcomes.record("\(other)")
                }
            } catch {
                outcomes.record("failed: \(error)")
            }
        }
        #expect(outcomes.all.sorted() == Array(repeating: "adminExists", count: 7) + ["created"])
        #expect(try fixture.count("SELECT COUNT(*) FROM users WHERE role = 'admin'") == 1)
    }

    @Test("the serve start-up hook: ModuleServer.start creates the admin before serving")
    func serveStartCreates() throws {
        let fixture = try Fixture()
        let socket = NSTemporaryDirectory() + "egboot-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).sock"
        let server = try ModuleServer.start(fixture.settings, endpoint: .unixSocket(path: socket, mode: 0o600),
                                            logger: Logger(label: "test.serve"))
        server.stop()
        #expect(try fixture.liveUser(Self.email)?.first == "admin")
    }

    @Test("an unusable BOOTSTRAP_ADMIN_EMAIL or BOOTSTRAP_ADMIN_NAME stops start-up with a message naming it")
    func invalidConfiguration() throws {
        func problem(_ values: [String: String]) -> String? {
            do {
                _ = try EgresosSettings(environment: Environment(module: .egresos, values: AuthKeys.values().merging(values) { $1 }))
                return nil
            } catch let error as ConfigurationError {
                return error.description
            } catch {
                return "unexpected \(error)"
            }
        }
        #expect(problem(["BOOTSTRAP_ADMIN_EMAIL": "no-es-correo"]) == "configuration: BOOTSTRAP_ADMIN_EMAIL is not a valid e-mail address")
        #expect(problem(["BOOTSTRAP_ADMIN_EMAIL": "jefa@gmail.com"])
            == "configuration: BOOTSTRAP_ADMIN_EMAIL must be an address of ALLOWED_EMAIL_DOMAINS (element.com.mx)")
        #expect(problem(["EGRESOS_BOOTSTRAP_ADMIN_EMAIL": "jefa@element.com.mx"]) == nil)
        #expect(problem(["EGRESOS_BOOTSTRAP_ADMIN_EMAIL": "jefa@ejemplo.mx", "ALLOWED_EMAIL_DOMAINS": "element.com.mx"])?
            .hasPrefix("configuration: EGRESOS_BOOTSTRAP_ADMIN_EMAIL must be") == true)
        #expect(problem(["BOOTSTRAP_ADMIN_EMAIL": "jefa@ejemplo.mx", "ALLOWED_EMAIL_DOMAINS": "element.com.mx, ejemplo.mx"]) == nil)
        let long = String(repeating: "a", count: 250) + "@element.com.mx"
        #expect(problem(["BOOTSTRAP_ADMIN_EMAIL": long]) == "configuration: BOOTSTRAP_ADMIN_EMAIL is longer than 255 characters")
        #expect(problem(["BOOTSTRAP_ADMIN_EMAIL": Self.email, "BOOTSTRAP_ADMIN_NAME": String(repeating: "n", count: 121)])
            == "configuration: BOOTSTRAP_ADMIN_NAME must be 1 to 120 characters long")
        // The module (and so `ventanilla serve egresos`) refuses to start with it.
        #expect(throws: ConfigurationError.self) {
            try EgresosModule(settings: TestEnvironment.settings(.egresos, database: "unused",
                                                                  extra: AuthKeys.values().merging(["BOOTSTRAP_ADMIN_EMAIL": "x@y"]) { $1 }))
        }
    }

    @Test("the settings: unset is nil; the e-mail is trimmed and the name defaults")
    func settings() throws {
        func admin(_ values: [String: String]) throws -> BootstrapAdmin? {
            try EgresosSettings(environment: Environment(module: .egresos, values: AuthKeys.values().merging(values) { $1 })).bootstrapAdmin
        }
        #expect(try admin([:]) == nil)
        #expect(try admin(["BOOTSTRAP_ADMIN_EMAIL": " \(Self.email)\n"]) == BootstrapAdmin(email: Self.email, name: "Administrador"))
        #expect(try admin(["BOOTSTRAP_ADMIN_EMAIL": Self.email, "BOOTSTRAP_ADMIN_NAME": "  Ana Ruiz "])?.name == "Ana Ruiz")
    }
}

/// Outcomes collected from several threads, as text.
final class Outcomes: Sendable {
    private let store = Mutex<[String]>([])
    func record(_ outcome: String) { store.withLock { $0.append(outcome) } }
    var all: [String] { store.withLock { $0 } }
}
