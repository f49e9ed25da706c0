import Foundation
import MariaDB
import Resilience
import Synchronization
import Testing

/// A clock the tests move by hand (milliseconds), shared with the breakers they build.
final class ManualClock: Sendable {
    private let now = Mutex<Int64>(1_000_000)
    /// The current time.
    func milliseconds() -> Int64 { now.withLock { $0 } }
    /// Moves the clock on.
    func advance(milliseconds: Int64) { now.withLock { $0 += milliseconds } }
}

extension MariaDBIntegrationTests {
    /// `DB_HOSTS` as the connections use it: a list of nodes in order of preference, against the real server
    /// (listed twice where a test needs two healthy nodes) and nodes that cannot be reached.
    @Suite("A list of database nodes", .temporaryDatabase("nodes"))
    struct NodeListTests {
        let server: MariaDBNode
        let base: MariaDBConfiguration

        init() throws {
            base = try TestDatabase.configuration()
            server = .socket(base.socket)
            let setup = MariaDBConnection(configuration: base)
            try setup.executeText("""
                CREATE TABLE IF NOT EXISTS notes (id INT AUTO_INCREMENT PRIMARY KEY, body VARCHAR(50) NOT NULL) ENGINE=InnoDB;
                DELETE FROM notes;
                """)
        }

        /// The suite's configuration over `nodes`.
        private func configuration(_ nodes: [MariaDBNode]) -> MariaDBConfiguration {
            var configuration = base
            configuration.nodes = nodes
            return configuration
        }

        /// A socket nobody listens on, and a loopback TCP port nobody listens on.
        private var deadSocket: MariaDBNode { .socket("/tmp/ventanilla-no-node-\(getpid()).sock") }
        private let closedPort = MariaDBNode.tcp(host: "127.0.0.41", port: 1)

        /// Kills `threadID` from a connection of its own.
        private func kill(_ threadID: UInt) throws {
            let killer = MariaDBConnection(configuration: base)
            try killer.executeText("KILL CONNECTION \(threadID)")
            killer.close()
        }

        /// Kills `connection`'s own server thread (from another connection).
        private func killOwnConnection(_ connection: MariaDBConnection) throws {
            guard let threadID = connection.serverThreadID else { throw IntentionalFailure() }
            try kill(threadID)
        }

        @Test("a dead socket or a closed port first and the real server second: connects to the second and serves",
              arguments: [0, 1])
        func deadFirstNodeIsSkipped(dead: Int) throws {
            let clock = ManualClock()
            let health = MariaDBNodeHealth(nodeCount: 2, now: { clock.milliseconds() })
            let breaker = ConnectionBreaker(.databaseConnect, now: { clock.milliseconds() })
            let nodes = [[deadSocket, closedPort][dead], server]
            let connection = MariaDBConnection(configuration: configuration(nodes), breaker: breaker, nodeHealth: health)
            try connection.execute("INSERT INTO notes (body) VALUES (\("through the second"))")
            #expect(connection.currentNode == server)
            #expect(try connection.queryFirst("SELECT COUNT(*) AS n FROM notes")?.int("n") == 1)
            #expect(breaker.state == .closed(failures: 0), "one dead node does not open the process's breaker")
            #expect(health.state(ofNode: 0) == .open(since: 1_000_000, until: 1_001_000))
            try connection.execute("DELETE FROM notes")
        }

        @Test("a node found dead is skipped by the process's other connections until its back-off ends, then tried again")
        func deadNodeRememberedPerProcess() throws {
            let clock = ManualClock()
            let health = MariaDBNodeHealth(nodeCount: 2, now: { clock.milliseconds() })
            let breaker = ConnectionBreaker(.databaseConnect, now: { clock.milliseconds() })
            let nodes = [deadSocket, server]
            let first = MariaDBConnection(configuration: configuration(nodes), breaker: breaker, nodeHealth: health)
            try first.connect()
            let second = MariaDBConnection(configuration: configuration(nodes), breaker: breaker, nodeHealth: health)
            try second.connect()
            #expect(second.currentNode == server)
            #expect(health.state(ofNode: 0) == .open(since: 1_000_000, until: 1_001_000), "the second did not try it")

            clock.advance(milliseconds: 1_000)
            let third = MariaDBConnection(configuration: configuration(nodes), breaker: breaker, nodeHealth: health)
            try third.connect()
            #expect(third.currentNode == server)
            #expect(health.state(ofNode: 0) == .open(since: 1_001_000, until: 1_003_000), "tried again, failed: twice the back-off")
            #expect(breaker.state == .closed(failures: 0))
        }

        @Test("with every node dead the process's breaker opens, and the failure is .connectionFailed")
        func allNodesDeadOpensTheBreaker() throws {
            let clock = ManualClock()
            let breaker = ConnectionBreaker(.databaseConnect, now: { clock.milliseconds() })
            let connection = MariaDBConnection(configuration: configuration([deadSocket, closedPort]), breaker: breaker)
            let error = try #require(mariaDBError { try connection.query("SELECT 1") })
            #expect(error.kind == .connectionFailed)
            #expect(breaker.state == .open(since: 1_000_000, until: 1_000_100))
        }

        @Test("a connection on a later node moves back to the preferred one once it answers again after its back-off")
        func returnsToPreferredNode() throws {
            let clock = ManualClock()
            let health = MariaDBNodeHealth(nodeCount: 2, now: { clock.milliseconds() })
            let connection = MariaDBConnection(configuration: configuration([server, server]), nodeHealth: health)
            try connection.connect()
            let killed = try #require(connection.serverThreadID)
            // A loss in use puts the node aside: the read is re-run on the next node.
            try readWhileKilled(connection, killed)
            #expect(connection.currentNode == server)
            #expect(health.state(ofNode: 0) == .open(since: 1_000_000, until: 1_001_000))
            let onSecond = try #require(connection.serverThreadID)
            #expect(try connection.queryFirst("SELECT CONNECTION_ID() AS id")?.int("id") == Int(onSecond), "stays while node 0 rests")

            clock.advance(milliseconds: 1_000)
            let back = try #require(try connection.queryFirst("SELECT CONNECTION_ID() AS id")?.int("id"))
            #expect(back != Int(onSecond), "reconnected to node 0 after its back-off")
            #expect(health.state(ofNode: 0) == .closed(failures: 0))
        }

        @Test("KILL CONNECTION mid-read: the read is re-run once on the next node within the same call")
        func readRerunAfterKill() throws {
            let health = MariaDBNodeHealth(nodeCount: 2)
            let connection = MariaDBConnection(configuration: configuration([server, server]), nodeHealth: health)
            try connection.connect()
            let killed = try #require(connection.serverThreadID)
            let id = try readWhileKilled(connection, killed)
            #expect(id != Int(killed))
            if case .open = health.state(ofNode: 0) {} else {
                Issue.record("node 0 should be put aside after a loss in use")
            }
            // And the next statement, a write, runs on the new connection.
            try connection.execute("INSERT INTO notes (body) VALUES (\("after the kill"))")
            #expect(try connection.queryFirst("SELECT COUNT(*) AS n FROM notes")?.int("n") == 1)
            try connection.execute("DELETE FROM notes")
        }

        /// Runs a read that sleeps only on connection `victim`, kills `victim` once the server shows it sleeping,
        /// and returns the connection id that finally answered (the read re-run elsewhere does not sleep).
        @discardableResult
        private func readWhileKilled(_ connection: MariaDBConnection, _ victim: UInt) throws -> Int {
            let base = base
            let killer = Thread {
                let watcher = MariaDBConnection(configuration: base)
                for _ in 0..<500 {
                    let sleeping = (try? watcher.queryFirst(
                        "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE ID = \(Int(victim)) AND STATE = 'User sleep'"
                    )?.int("n")) ?? 0
                    if sleeping == 1 { break }
                    usleep(10_000)
                }
                try? watcher.executeText("KILL CONNECTION \(victim)")
                watcher.close()
            }
            killer.start()
            let row = try connection.queryFirst(
                "SELECT IF(CONNECTION_ID() = \(Int(victim)), SLEEP(30), 0) AS slept, CONNECTION_ID() AS id")
            return try #require(try row?.int("id"))
        }

        @Test("a transaction whose connection dies before COMMIT reports the unknown outcome, and nothing is kept")
        func commitOutcomeUnknown() throws {
            let connection = MariaDBConnection(configuration: configuration([server, server]))
            let error = try #require(mariaDBError {
                try connection.transaction {
                    try connection.execute("INSERT INTO notes (body) VALUES (\("never acknowledged"))")
                    try killOwnConnection(connection)
                }
            })
            #expect(error.kind == .connectionLost)
            #expect(error.isCommitOutcomeUnknown)
            #expect(error.isConnectionProblem, "answered as the database being unavailable (503)")
            #expect(!connection.inTransaction)
            #expect(try connection.queryFirst("SELECT COUNT(*) AS n FROM notes")?.int("n") == 0)
        }

        @Test("a lost connection inside a transaction is not an unknown commit: the statement fails, nothing is kept")
        func lossBeforeCommitIsNotUnknown() throws {
            let connection = MariaDBConnection(configuration: configuration([server, server]))
            let error = try #require(mariaDBError {
                try connection.transaction {
                    try connection.execute("INSERT INTO notes (body) VALUES (\("lost"))")
                    try killOwnConnection(connection)
                    try connection.execute("INSERT INTO notes (body) VALUES (\("after"))")
                }
            })
            #expect(error.kind == .connectionLost)
            #expect(!error.isCommitOutcomeUnknown)
            #expect(try connection.queryFirst("SELECT COUNT(*) AS n FROM notes")?.int("n") == 0)
        }

        @Test("DB_WSREP_SYNC_WAIT is set on every connection, again after a reconnect")
        func wsrepSyncWait() throws {
            var configuration = configuration([deadSocket, server])
            configuration.wsrepSyncWait = 3
            let connection = MariaDBConnection(configuration: configuration)
            let probe = try connection.queryFirst("SELECT @@session.wsrep_sync_wait AS w")
            #expect(try probe?.int("w") == 3)
            try kill(try #require(connection.serverThreadID))
            #expect(try connection.queryFirst("SELECT @@session.wsrep_sync_wait AS w")?.int("w") == 3)
        }
    }
}
