import App
import Foundation
import Logging
import MariaDB

/// A fresh database of one module on the test server: created with a unique name, migrated from
/// `sql/<module>` (and seeded with its development data when asked), dropped when released.
public final class ModuleTestDatabase {
    /// The database name.
    public let name: String
    /// How to reach it.
    public let configuration: MariaDBConfiguration
    /// A connection to it (the harness's requests run on this one).
    public let connection: MariaDBConnection
    private let admin: MariaDBConnection

    /// Creates and migrates database `<prefix>_<random>_<pid>` from `sql/<module>`; `seed` loads the
    /// development seed too.
    public init(module: String, prefix: String, seed: Bool = false) throws {
        MariaDBLibrary.initialize()
        let socket = try TestEnvironment.socket()
        let user = try TestEnvironment.user()
        let password = try TestEnvironment.password()
        let sql = try TestEnvironment.sqlDirectory() + "/" + module
        name = "\(prefix)_\(UInt32.random(in: 0...UInt32.max))_\(getpid())"
        admin = MariaDBConnection(configuration: MariaDBConfiguration(socket: socket, user: user, password: password))
        try admin.executeText("CREATE DATABASE `\(name)` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
        configuration = MariaDBConfiguration(socket: socket, user: user, password: password, database: name)
        connection = MariaDBConnection(configuration: configuration)
        let logger = Logger(label: "test.migrate")
        _ = try Migrator(directory: sql, logger: logger).migrate(on: connection)
        if seed { _ = try Seeder(directory: sql, logger: logger).run(on: connection) }
    }

    deinit {
        connection.close()
        try? admin.executeText("DROP DATABASE IF EXISTS `\(name)`")
        admin.close()
    }

    /// The first column of the first row as an integer (0 when there is none): counts for "what was written".
    public func count(_ sql: SQLQuery) throws -> Int {
        try connection.queryFirst(sql).flatMap { try $0.optionalInt($0.columns.names[0]) } ?? 0
    }
}
