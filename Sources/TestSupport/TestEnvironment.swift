import AppCore
import Foundation

/// What `scripts/test` exports for the Swift tiers: the throwaway MariaDB server and the `sql/` directory.
public enum TestEnvironment {
    /// A required variable is missing: the tests must be run by scripts/test.
    public struct Missing: Error, CustomStringConvertible {
        /// The variable.
        public let variable: String
        public var description: String { "\(variable) is not set: run scripts/test, which starts MariaDB" }
    }

    /// The value of `name`; throws `Missing` when unset (or empty, unless `allowEmpty`).
    public static func require(_ name: String, allowEmpty: Bool = false) throws -> String {
        guard let value = ProcessInfo.processInfo.environment[name], allowEmpty || !value.isEmpty else {
            throw Missing(variable: name)
        }
        return value
    }

    /// The server's unix socket.
    public static func socket() throws -> String { try require("VENTANILLA_TEST_DB_SOCKET") }
    /// A user that may create and drop databases.
    public static func user() throws -> String { try require("VENTANILLA_TEST_DB_USER") }
    /// Its password (may be empty).
    public static func password() throws -> String { try require("VENTANILLA_TEST_DB_PASSWORD", allowEmpty: true) }
    /// The repository's `sql/` directory.
    public static func sqlDirectory() throws -> String { try require("VENTANILLA_TEST_SQL_DIR") }

    /// Module settings pointing at database `name` on the test server, plus `extra`.
    public static func settings(_ module: ModuleName, database name: String,
                                extra: [String: String] = [:]) throws -> ModuleSettings {
        try ModuleSettings(module: module, values: [
            "DB_SOCKET": try socket(), "DB_USER": try user(), "DB_PASSWORD": try password(), "DB_NAME": name,
            "LOG_LEVEL": "critical",
        ].merging(extra) { $1 })
    }
}
