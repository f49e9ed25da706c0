import Dispatch
import Foundation
import MariaDB
import Testing

extension MariaDBIntegrationTests {
    /// `MariaDBConfiguration.statementTimeoutSeconds` (issue 17): the server kills a statement past the limit, the
    /// error is `.statementTimeout` (1969), and the same connection serves the next statement.
    @Suite("The per-connection statement time limit", .temporaryDatabase("stmtlimit"))
    struct StatementTimeoutTests {
        /// A connection to the suite's database with a limit of `seconds`.
        static func limited(_ seconds: Double) throws -> MariaDBConnection {
            var configuration = try TestDatabase.configuration()
            configuration.statementTimeoutSeconds = seconds
            return MariaDBConnection(configuration: configuration)
        }

        @Test("SELECT SLEEP past a tiny limit fails as .statementTimeout long before the sleep ends; the connection stays")
        func sleepPastTheLimit() throws {
            let connection = try Self.limited(0.2)
            defer { connection.close() }
            #expect(try connection.queryFirst("SELECT @@max_statement_time AS t")?.double("t") == 0.2)
            let thread = connection.serverThreadID
            let started = ContinuousClock.now
            let error = try #require(mariaDBError { try connection.query("SELECT SLEEP(5) AS s") })
            #expect(ContinuousClock.now - started < .seconds(3))
            #expect(error.kind == .statementTimeout && error.code == 1969, "\(String(reflecting: error))")
            #expect(!error.isConnectionProblem)
            #expect(try connection.queryFirst("SELECT 1 AS one")?.int("one") == 1)
            #expect(connection.serverThreadID == thread, "the same server connection: nothing was dropped or reconnected")
        }

        @Test("a statement blocked by a row lock is cut at the limit, its transaction rolls back, the next one commits")
        func lockedRowPastTheLimit() throws {
            let holder = try TestDatabase.connect()
            defer { holder.close() }
            try holder.executeText("""
                CREATE TABLE IF NOT EXISTS held (id INT PRIMARY KEY, v INT NOT NULL) ENGINE=InnoDB;
                DELETE FROM held; INSERT INTO held VALUES (1, 0), (2, 0)
                """)
            let connection = try Self.limited(0.5)
            defer { connection.close() }
            // The limit (0.5 s) fires long before InnoDB's lock wait (the server's default: 50 s).
            try holder.transaction {
                try holder.execute("UPDATE held SET v = v + 1 WHERE id = \(1)")
                let error = mariaDBError {
                    try connection.transaction {
                        try connection.execute("UPDATE held SET v = 10 WHERE id = \(2)")
                        try connection.execute("UPDATE held SET v = 10 WHERE id = \(1)")
                    }
                }
                #expect(error?.kind == .statementTimeout, "\(String(reflecting: error))")
                #expect(!connection.inTransaction)
            }
            #expect(try holder.queryFirst("SELECT v FROM held WHERE id = \(2)")?.int("v") == 0, "the whole transaction rolled back")
            _ = try connection.transaction { try connection.execute("UPDATE held SET v = 20 WHERE id = \(2)") }
            #expect(try holder.queryFirst("SELECT v FROM held WHERE id = \(2)")?.int("v") == 20)
        }

        @Test("no limit by default; the read timeout always outlasts the limit")
        func defaults() throws {
            let connection = try TestDatabase.connect()
            defer { connection.close() }
            #expect(try connection.queryFirst("SELECT @@max_statement_time AS t")?.double("t") == 0)
            var configuration = try TestDatabase.configuration()
            configuration.readTimeoutSeconds = 30
            configuration.statementTimeoutSeconds = 30
            #expect(configuration.effectiveReadTimeoutSeconds == 35)
            configuration.statementTimeoutSeconds = 0
            #expect(configuration.effectiveReadTimeoutSeconds == 30)
        }
    }
}
