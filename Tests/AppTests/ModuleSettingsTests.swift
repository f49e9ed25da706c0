import AppCore
import HTTPCore
import MariaDB
import Testing

@Suite("Configuration from the environment")
struct ModuleSettingsTests {
    @Test("defaults per module")
    func defaults() throws {
        let monitor = try ModuleSettings(module: .monitor, values: [:])
        #expect(monitor.database.name == "monitor")
        #expect(monitor.database.user == "monitor")
        #expect(monitor.database.socket == "/run/mysqld/mysqld.sock")
        #expect(monitor.database.host == nil)
        #expect(monitor.workers == 8)
        #expect(monitor.timeZone == "America/Mexico_City")
        #expect(monitor.bodyLimits.maxBody == 52 * 1024 * 1024)
        let transporte = try ModuleSettings(module: .transporte, values: [:])
        #expect(transporte.timeZone == "America/El_Salvador")
        #expect(transporte.bodyLimits.maxBody == 1024 * 1024)
        #expect(try ModuleSettings(module: .egresos, values: [:]).bodyLimits.maxBody == 16 * 1024 * 1024)
    }

    @Test("a module-prefixed variable beats the plain one")
    func prefixWins() throws {
        let values = ["DB_NAME": "shared", "EGRESOS_DB_NAME": "egresos_prod", "DB_HOST": "127.0.0.1", "DB_PORT": "3307"]
        let egresos = try ModuleSettings(module: .egresos, values: values)
        #expect(egresos.database.name == "egresos_prod")
        #expect(egresos.database.host == "127.0.0.1")
        #expect(egresos.database.port == 3307)
        #expect(try ModuleSettings(module: .monitor, values: values).database.name == "shared")
    }

    @Test("migrate and seed use DB_MIGRATION_USER when set, the runtime account otherwise")
    func migrationAccount() throws {
        let single = try ModuleSettings(module: .monitor, values: ["DB_USER": "app", "DB_PASSWORD": "pw"])
        #expect(single.migrationDatabase == single.database)
        let values = ["DB_USER": "app", "DB_PASSWORD": "pw", "DB_NAME": "shared",
                      "DB_MIGRATION_USER": "owner", "DB_MIGRATION_PASSWORD": "owner-pw",
                      "TRANSPORTE_DB_MIGRATION_USER": "transporte_owner"]
        let monitor = try ModuleSettings(module: .monitor, values: values)
        #expect(monitor.database.user == "app" && monitor.database.password == "pw")
        #expect(monitor.migrationDatabase.user == "owner" && monitor.migrationDatabase.password == "owner-pw")
        #expect(monitor.migrationDatabase.name == "shared" && monitor.migrationDatabase.socket == monitor.database.socket)
        let transporte = try ModuleSettings(module: .transporte, values: values)
        #expect(transporte.migrationDatabase.user == "transporte_owner")
        #expect(transporte.database.user == "app")
        // A migration user without a password never borrows the runtime account's.
        let noPassword = try ModuleSettings(module: .egresos, values: ["DB_PASSWORD": "pw", "DB_MIGRATION_USER": "owner"])
        #expect(noPassword.migrationDatabase.password == "")
    }

    @Test("DB_HOSTS: an ordered list of host:port and socket paths, module prefix first; unset: DB_SOCKET / DB_HOST")
    func databaseNodes() throws {
        let values = ["DB_HOSTS": "127.0.0.11:3306, /run/mysqld/b.sock,db3,[::1]:3310", "DB_PORT": "3307",
                      "EGRESOS_DB_HOSTS": "10.0.0.5:3306", "DB_WSREP_SYNC_WAIT": "1"]
        let monitor = try ModuleSettings(module: .monitor, values: values)
        #expect(monitor.database.nodes == [.tcp(host: "127.0.0.11", port: 3306), .socket("/run/mysqld/b.sock"),
                                           .tcp(host: "db3", port: 3307), .tcp(host: "::1", port: 3310)])
        #expect(monitor.database.wsrepSyncWait == 1)
        #expect(monitor.migrationDatabase.nodes == monitor.database.nodes, "migrate and seed use the same list")
        #expect(monitor.database.description == "monitor@127.0.0.11:3306,unix:/run/mysqld/b.sock,db3:3307,[::1]:3310/monitor")
        let configuration = monitor.database.mariaDBConfiguration
        #expect(configuration.endpoints.count == 4 && configuration.wsrepSyncWait == 1)
        #expect(try ModuleSettings(module: .egresos, values: values).database.nodes == [.tcp(host: "10.0.0.5", port: 3306)])
        let single = try ModuleSettings(module: .transporte, values: ["DB_SOCKET": "/tmp/x.sock"])
        #expect(single.database.nodes.isEmpty && single.database.wsrepSyncWait == nil)
        #expect(single.database.mariaDBConfiguration.endpoints == [.socket("/tmp/x.sock")])
    }

    @Test("bad values are refused naming the variable", arguments: [
        ("WORKERS", "0"), ("WORKERS", "many"), ("DB_PORT", "70000"), ("BODY_LIMIT", "12"),
        ("APP_TIMEZONE", "Mars/Olympus"), ("APP_TIMEZONE", "../../etc/passwd"), ("LOG_LEVEL", "loud"),
        ("DB_HOSTS", "db1:port"), ("DB_HOSTS", "db1:70000"), ("DB_HOSTS", "relative/path.sock"), ("DB_HOSTS", "[::1"),
        ("DB_WSREP_SYNC_WAIT", "16"), ("DB_WSREP_SYNC_WAIT", "-1"), ("DB_WSREP_SYNC_WAIT", "yes"),
    ])
    func refused(variable: String, value: String) {
        #expect {
            _ = try ModuleSettings(module: .transporte, values: [variable: value])
        } throws: { error in
            (error as? ConfigurationError)?.variable == variable
        }
    }

    @Test("HS256 secrets (ruling 9): the module's own prefixed name only, at least 32 bytes, never another module's")
    func secrets() throws {
        let long = String(repeating: "m", count: 32)
        func secret(_ values: [String: String], _ module: ModuleName = .monitor) throws -> String {
            try Environment(module: module, values: values).secret("JWT_SECRET", prefixedOnly: true)
        }
        func problem(_ values: [String: String], _ module: ModuleName = .monitor) -> ConfigurationError? {
            do { _ = try secret(values, module); return nil } catch { return error as? ConfigurationError }
        }
        #expect(try secret(["MONITOR_JWT_SECRET": long]) == long)
        // The shared, unprefixed name is not read: Monitor and Transporte would sign with one secret.
        let shared = problem(["JWT_SECRET": long])
        #expect(shared?.variable == "MONITOR_JWT_SECRET")
        #expect(shared?.problem.contains("unprefixed JWT_SECRET is not read") == true)
        #expect(problem(["MONITOR_JWT_SECRET": String(long.dropLast())])?.problem.contains("at least 32 bytes") == true)
        #expect(problem(["MONITOR_JWT_SECRET": long, "TRANSPORTE_JWT_SECRET": long], .transporte)?.problem
                == "must differ from MONITOR_JWT_SECRET")
        #expect(try secret(["MONITOR_JWT_SECRET": long, "TRANSPORTE_JWT_SECRET": long + "t"], .transporte) == long + "t")
        // Egresos' supplier secret keeps its one name, with the same minimum length.
        let egresos = Environment(module: .egresos, values: ["SUPPLIER_JWT_SECRET": String(repeating: "s", count: 31)])
        #expect(throws: ConfigurationError.self) { try egresos.secret("SUPPLIER_JWT_SECRET", prefixedOnly: false) }
    }

    @Test("the database description never shows the password")
    func passwordHidden() throws {
        let settings = try ModuleSettings(module: .monitor, values: ["DB_PASSWORD": "s3cr3t-value"])
        #expect(!"\(settings.database)".contains("s3cr3t-value"))
        #expect(!String(reflecting: settings.database).contains("s3cr3t-value"))
    }
}
