import Foundation
import Logging
import MariaDB

/// Scratch databases on the real MariaDB server that `scripts/test` starts (found through its environment).
enum MigrationTestDatabase {
    /// A required environment variable is missing: these tests fail rather than skip.
    struct MissingEnvironment: Error, CustomStringConvertible {
        /// The variable that is not set.
        let variable: String
        var description: String { "\(variable) is not set: run scripts/test, which starts MariaDB" }
    }

    /// A logger that stays quiet unless a test needs to be debugged.
    static let logger: Logger = {
        var logger = Logger(label: "ventanilla.tests.migrations")
        logger.logLevel = .critical
        return logger
    }()

    /// The value of the environment variable `name` (empty allowed when `allowEmpty`), or a failure naming it.
    static func environment(_ name: String, allowEmpty: Bool = false) throws -> String {
        guard let value = ProcessInfo.processInfo.environment[name], allowEmpty || !value.isEmpty else {
            throw MissingEnvironment(variable: name)
        }
        return value
    }

    /// The test server, optionally with a default database.
    static func configuration(database: String? = nil) throws -> MariaDBConfiguration {
        MariaDBLibrary.initialize()
        return MariaDBConfiguration(
            socket: try environment("VENTANILLA_TEST_DB_SOCKET"),
            user: try environment("VENTANILLA_TEST_DB_USER"),
            password: try environment("VENTANILLA_TEST_DB_PASSWORD", allowEmpty: true),
            database: database,
            readTimeoutSeconds: 120)
    }

    /// Creates a database named `mig_<random>`, runs `body` with its name, then drops it, whatever happens.
    static func withScratchDatabase<T>(_ body: (String) throws -> T) throws -> T {
        let admin = MariaDBConnection(configuration: try configuration(), logger: logger)
        defer { admin.close() }
        let name = "mig_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try admin.executeText("CREATE DATABASE \(SQLQuery.quoteIdentifier(name)) CHARACTER SET utf8mb4")
        defer { try? admin.executeText("DROP DATABASE IF EXISTS \(SQLQuery.quoteIdentifier(name))") }
        return try body(name)
    }

    /// Creates a scratch database and runs `body` with a connection that uses it.
    static func withConnection<T>(_ body: (MariaDBConnection, String) throws -> T) throws -> T {
        try withScratchDatabase { name in
            let connection = MariaDBConnection(configuration: try configuration(database: name), logger: logger)
            defer { connection.close() }
            return try body(connection, name)
        }
    }
}
