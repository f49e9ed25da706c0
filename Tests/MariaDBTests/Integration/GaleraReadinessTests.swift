import Foundation
import MariaDB
import Resilience
import Testing

extension MariaDBIntegrationTests {
    /// A Galera node that refuses statements or is not ready is skipped for the next node, and used again once it
    /// is back. Runs only under `tests/galera/readiness.sh`, which starts a single-node Galera cluster
    /// (`VENTANILLA_TEST_GALERA_SOCKET`) beside a plain server (`VENTANILLA_TEST_DB_SOCKET`), both with root
    /// over unix_socket.
    @Suite("Galera readiness", .enabled(if: ProcessInfo.processInfo.environment["VENTANILLA_TEST_GALERA_SOCKET"] != nil))
    struct GaleraReadinessTests {
        let galera: MariaDBNode
        let plain: MariaDBNode
        let admin: MariaDBConnection
        let base: MariaDBConfiguration

        init() throws {
            let environment = ProcessInfo.processInfo.environment
            galera = .socket(environment["VENTANILLA_TEST_GALERA_SOCKET"])
            plain = .socket(environment["VENTANILLA_TEST_DB_SOCKET"])
            MariaDBLibrary.initialize()
            base = MariaDBConfiguration(user: "root", database: "readiness", readTimeoutSeconds: 5)
            for node in [galera, plain] {
                var configuration = base
                configuration.nodes = [node]
                configuration.database = nil
                let setup = MariaDBConnection(configuration: configuration)
                try setup.executeText("""
                    CREATE DATABASE IF NOT EXISTS readiness;
                    CREATE TABLE IF NOT EXISTS readiness.notes (id INT PRIMARY KEY, node VARCHAR(10) NOT NULL);
                    REPLACE INTO readiness.notes VALUES (1, '\(node == galera ? "galera" : "plain")');
                    """)
                setup.close()
            }
            var adminConfiguration = base
            adminConfiguration.nodes = [galera]
            admin = MariaDBConnection(configuration: adminConfiguration)
        }

        /// Which server answered a read of the table, through `connection`.
        private func answeredBy(_ connection: MariaDBConnection) throws -> String? {
            try connection.queryFirst("SELECT node FROM notes WHERE id = 1")?.string("node")
        }

        /// The Galera node's `wsrep_ready` as a new connection sees it: a connection refused for not being ready
        /// (the check under test) is OFF.
        private func galeraReady() throws -> String? {
            var configuration = base
            configuration.nodes = [galera]
            configuration.database = nil
            let probe = MariaDBConnection(configuration: configuration)
            defer { probe.close() }
            var value: String?
            if let error = mariaDBError({ value = try probe.queryFirst("SHOW GLOBAL STATUS LIKE 'wsrep_ready'")?.string("Value") }) {
                guard error.kind == .connectionFailed, error.code == 1047 else { throw error }
                return "OFF"
            }
            return value
        }

        /// Runs `sql` on the Galera node with the mariadb client (our connections refuse a node that is not ready).
        private func galeraClient(_ sql: String, timeoutSeconds: Int) throws {
            guard case .socket(let socket?) = galera else { return }
            try ShellCommand("timeout \(timeoutSeconds) mariadb --no-defaults --socket='\(socket)' --user=root -e \"\(sql)\" || true").wait()
        }

        /// Waits (up to 30 s) until the Galera node's `wsrep_ready` is `value`.
        private func waitForReady(_ value: String) throws {
            for _ in 0..<300 where try galeraReady() != value {
                usleep(100_000)
            }
            #expect(try galeraReady() == value)
        }

        @Test("a node answering 1047 (wsrep_reject_queries) sends the read to the next node within the same call")
        func rejectedQueriesMoveToNextNode() throws {
            let clock = ManualClock()
            let health = MariaDBNodeHealth(nodeCount: 2, now: { clock.milliseconds() })
            var configuration = base
            configuration.nodes = [galera, plain]
            let connection = MariaDBConnection(configuration: configuration, nodeHealth: health)
            #expect(try answeredBy(connection) == "galera")
            try admin.executeText("SET GLOBAL wsrep_reject_queries = ALL")
            defer { try? admin.executeText("SET GLOBAL wsrep_reject_queries = NONE") }
            #expect(try answeredBy(connection) == "plain")
            #expect(health.state(ofNode: 0) == .open(since: 1_000_000, until: 1_001_000))
        }

        @Test("a node that lost its primary component (wsrep_ready OFF) is skipped at connect, and used again once ready")
        func notReadyNodeSkippedThenReturned() throws {
            let deadPeer = try #require(ProcessInfo.processInfo.environment["VENTANILLA_TEST_GALERA_DEAD_PEER"])
            // Pointing the node at a peer that does not exist makes it leave its one-node cluster and wait for that
            // peer: not primary, not ready. The statement blocks while it tries; its client gives up after 5 s and the node stays out.
            try galeraClient("SET GLOBAL wsrep_cluster_address = '\(deadPeer)'", timeoutSeconds: 5)
            try waitForReady("OFF")

            let clock = ManualClock()
            let health = MariaDBNodeHealth(nodeCount: 2, now: { clock.milliseconds() })
            let breaker = ConnectionBreaker(.databaseConnect, now: { clock.milliseconds() })
            var configuration = base
            configuration.nodes = [galera, plain]
            let connection = MariaDBConnection(configuration: configuration, breaker: breaker, nodeHealth: health)
            #expect(try answeredBy(connection) == "plain")
            #expect(connection.currentNode == plain)
            #expect(health.state(ofNode: 0) == .open(since: 1_000_000, until: 1_001_000))
            #expect(breaker.state == .closed(failures: 0))

            try galeraClient("SET GLOBAL wsrep_cluster_address = 'gcomm://'", timeoutSeconds: 30)
            try waitForReady("ON")
            #expect(try answeredBy(connection) == "plain", "the node rests for its back-off")
            clock.advance(milliseconds: 1_000)
            #expect(try answeredBy(connection) == "galera", "back on the preferred node once it is ready")
            #expect(health.state(ofNode: 0) == .closed(failures: 0))
        }
    }
}
