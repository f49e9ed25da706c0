import Foundation
import MariaDB
import Testing

extension MariaDBIntegrationTests {
    @Suite("Recovery from lost connections", .temporaryDatabase("recovery"))
    struct RecoveryTests {
        let connection: MariaDBConnection

        init() throws {
            connection = try TestDatabase.connect()
            try connection.executeText("""
                CREATE TABLE IF NOT EXISTS notes (id INT AUTO_INCREMENT PRIMARY KEY, body VARCHAR(50) NOT NULL) ENGINE=InnoDB;
                DELETE FROM notes;
                """)
        }

        /// Kills `victim`'s server thread from a second connection.
        private func kill(_ victim: MariaDBConnection) throws {
            let threadID = try #require(victim.serverThreadID)
            let killer = try TestDatabase.connect()
            try killer.executeText("KILL CONNECTION \(threadID)")
            killer.close()
        }

        @Test("a read after KILL is retried once on a fresh connection")
        func readRetriedAfterKill() throws {
            #expect(try connection.queryFirst("SELECT COUNT(*) AS n FROM notes")?.int("n") == 0)
            let before = try #require(connection.serverThreadID)
            try kill(connection)
            #expect(try connection.queryFirst("SELECT COUNT(*) AS n FROM notes")?.int("n") == 0)
            let after = try #require(connection.serverThreadID)
            #expect(after != before)
            #expect(try connection.queryFirst("SELECT @@session.time_zone AS tz")?.string("tz") == "+00:00")
        }

        @Test("a write after KILL of an idle connection reconnects before sending anything, and runs once")
        func writeAfterKillReconnectsFirst() throws {
            try connection.connect()
            let before = try #require(connection.serverThreadID)
            try kill(connection)
            try connection.execute("INSERT INTO notes (body) VALUES (\("kept"))")
            #expect(connection.serverThreadID != before)
            #expect(try connection.query("SELECT body FROM notes").map { try $0.string("body") } == ["kept"])
            try connection.execute("DELETE FROM notes")
        }

        @Test("a kept session variable is set again on every reconnect")
        func keptSessionVariableSurvivesReconnect() throws {
            try connection.keepSessionVariable("innodb_lock_wait_timeout", 7)
            #expect(try connection.queryFirst("SELECT @@session.innodb_lock_wait_timeout AS t")?.int("t") == 7)
            try kill(connection)
            #expect(try connection.queryFirst("SELECT @@session.innodb_lock_wait_timeout AS t")?.int("t") == 7)
            try TestDatabase.restartServer()
            #expect(try connection.queryFirst("SELECT @@session.innodb_lock_wait_timeout AS t")?.int("t") == 7)
            try connection.keepSessionVariable("innodb_lock_wait_timeout", 9)
            try kill(connection)
            #expect(try connection.queryFirst("SELECT @@session.innodb_lock_wait_timeout AS t")?.int("t") == 9)
        }

        @Test("after a server restart the first write of an idle connection succeeds (nothing was sent on the old one)")
        func writeAfterRestart() throws {
            try connection.connect()
            try TestDatabase.restartServer()
            _ = try connection.transaction {
                try connection.execute("INSERT INTO notes (body) VALUES (\("after restart"))")
            }
            try connection.execute("DELETE FROM notes")
            try TestDatabase.restartServer()
            try connection.execute("INSERT INTO notes (body) VALUES (\("autocommit"))")
            #expect(try connection.query("SELECT body FROM notes").map { try $0.string("body") } == ["autocommit"])
            try connection.execute("DELETE FROM notes")
        }

        @Test("a connection lost inside a transaction aborts it: nothing persists, inTransaction resets")
        func lossInsideTransaction() throws {
            var sawLoss = false
            let error = try #require(mariaDBError {
                try connection.transaction {
                    try connection.execute("INSERT INTO notes (body) VALUES (\("first"))")
                    try kill(connection)
                    do {
                        _ = try connection.query("SELECT COUNT(*) AS n FROM notes")   // a read, but not retried here
                    } catch let error as MariaDBError where error.kind == .connectionLost {
                        sawLoss = true
                        #expect(!connection.inTransaction)
                    }
                    // Swallowing the error must not let later statements run outside the transaction.
                    let again = mariaDBError { try connection.execute("INSERT INTO notes (body) VALUES (\("second"))") }
                    #expect(again?.kind == .connectionLost)
                }
            })
            #expect(sawLoss)
            #expect(error.kind == .connectionLost)
            #expect(!connection.inTransaction)
            #expect(try connection.queryFirst("SELECT COUNT(*) AS n FROM notes")?.int("n") == 0)
        }

        @Test("with the server down, connecting fails fast with .connectionFailed")
        func serverDownFailsFast() throws {
            var configuration = try TestDatabase.configuration()
            configuration.socket = "/tmp/ventanilla-no-server-\(getpid()).sock"
            let down = MariaDBConnection(configuration: configuration)
            let clock = ContinuousClock()
            let started = clock.now
            let error = try #require(mariaDBError { try down.query("SELECT 1") })
            #expect(clock.now - started < .seconds(2))
            #expect(error.kind == .connectionFailed)
            #expect(error.code == 2002)
            #expect(error.isConnectionProblem)
            #expect(!down.ping())
            let write = try #require(mariaDBError { try down.execute("DELETE FROM notes") })
            #expect(write.kind == .connectionFailed)
            #expect(mariaDBError { try down.transaction { 1 } }?.kind == .connectionFailed)
        }

        @Test("bad credentials are .connectionFailed")
        func badCredentials() throws {
            var configuration = try TestDatabase.configuration()
            configuration.user = "no_such_user_\(getpid())"
            configuration.password = "wrong"
            let error = try #require(mariaDBError { try MariaDBConnection(configuration: configuration).connect() })
            #expect(error.kind == .connectionFailed)
            #expect(error.code == 1045 || error.code == 1698)
            #expect(!error.description.contains("wrong"))
        }

        @Test("after a server restart the next read succeeds on a fresh connection")
        func readAfterRestart() throws {
            #expect(connection.ping())
            #expect(try connection.queryFirst("SELECT COUNT(*) AS n FROM notes")?.int("n") == 0)
            let before = try #require(connection.serverThreadID)
            try TestDatabase.restartServer()
            #expect(try connection.queryFirst("SELECT COUNT(*) AS n FROM notes")?.int("n") == 0)
            #expect(connection.serverThreadID != nil)
            #expect(connection.serverThreadID != before || true)   // thread ids restart from 1 after a restart
            #expect(connection.ping())
            try connection.executeText("INSERT INTO notes (body) VALUES ('after restart')")
            try connection.execute("DELETE FROM notes")
        }

        @Test("a write in flight during a restart throws a connection error, then the connection recovers")
        func writeInFlightDuringRestart() throws {
            try connection.connect()
            let restart = try TestDatabase.startRestart(delaySeconds: 1)
            let error = mariaDBError {
                try connection.execute("INSERT INTO notes (body) SELECT CONCAT('slow ', SLEEP(30))")
            }
            try restart.wait()
            let lost = try #require(error)
            #expect(lost.isConnectionProblem)
            #expect(try connection.queryFirst("SELECT COUNT(*) AS n FROM notes")?.int("n") == 0)
            #expect(connection.ping())
        }
    }
}
