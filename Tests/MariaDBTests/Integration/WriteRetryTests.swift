import Dispatch
import Foundation
import MariaDB
import Testing

extension MariaDBIntegrationTests {
    /// Ruling T16 through the shared mechanism every module's write transactions use (`transaction` runs
    /// `TransactionRetry`): what Galera's certification failures (1213) need on a multi-primary cluster.
    @Suite("Write transactions retry 1213 and 1205", .temporaryDatabase("retry"), .serialized)
    struct WriteRetryTests {
        let connection: MariaDBConnection

        init() throws {
            connection = try TestDatabase.connect()
            try connection.executeText("""
                CREATE TABLE IF NOT EXISTS rows2 (id INT PRIMARY KEY, v INT NOT NULL) ENGINE=InnoDB;
                CREATE TABLE IF NOT EXISTS writes (id INT AUTO_INCREMENT PRIMARY KEY, who VARCHAR(10) NOT NULL) ENGINE=InnoDB;
                DELETE FROM rows2; DELETE FROM writes; INSERT INTO rows2 VALUES (1, 0), (2, 0);
                """)
        }

        /// With `swallow`, each body ignores the error of its last UPDATE (`try?`, as code restoring a session
        /// variable in a `defer` does) and writes once more: the victim's 1213 has rolled back its whole
        /// transaction, so that write must not run in autocommit mode; the attempt still ends with the 1213.
        @Test("a real deadlock: the victim's transaction is rerun from the start and each body commits once",
              arguments: [false, true])
        func deadlockVictimRerun(swallow: Bool) throws {
            let configuration = try TestDatabase.configuration()
            let theirAttempts = LockedBox<Int>(0)   // only the other thread writes it
            var ownAttempts = 0
            let aHolds = DispatchSemaphore(value: 0)
            let bHolds = DispatchSemaphore(value: 0)
            let done = DispatchSemaphore(value: 0)
            let theirs = LockedBox<String>("unfinished")
            let thread = Thread {
                let other = MariaDBConnection(configuration: configuration)
                defer { other.close() }
                var first = true
                do {
                    try other.transaction {
                        theirAttempts.set(theirAttempts.get() + 1)
                        try other.execute("INSERT INTO writes (who) VALUES (\("b"))")
                        try other.execute("UPDATE rows2 SET v = v + 1 WHERE id = \(2)")
                        if first {
                            // Only the first attempt meets the other transaction halfway.
                            first = false
                            bHolds.signal()
                            _ = aHolds.wait(timeout: .now() + 10)
                        }
                        if swallow {
                            _ = try? other.execute("UPDATE rows2 SET v = v + 1 WHERE id = \(1)")
                            try other.execute("INSERT INTO writes (who) VALUES (\("b-after"))")
                        } else {
                            try other.execute("UPDATE rows2 SET v = v + 1 WHERE id = \(1)")
                        }
                    }
                    theirs.set("committed")
                } catch {
                    theirs.set("\(error)")
                }
                done.signal()
            }
            thread.start()
            var first = true
            try connection.transaction {
                ownAttempts += 1
                try connection.execute("INSERT INTO writes (who) VALUES (\("a"))")
                try connection.execute("UPDATE rows2 SET v = v + 1 WHERE id = \(1)")
                if first {
                    first = false
                    _ = bHolds.wait(timeout: .now() + 10)
                    aHolds.signal()
                    usleep(300_000)   // let the other block on row 1 first, so the cycle closes on this statement
                }
                if swallow {
                    _ = try? connection.execute("UPDATE rows2 SET v = v + 1 WHERE id = \(2)")
                    try connection.execute("INSERT INTO writes (who) VALUES (\("a-after"))")
                } else {
                    try connection.execute("UPDATE rows2 SET v = v + 1 WHERE id = \(2)")
                }
            }
            #expect(done.wait(timeout: .now() + 30) == .success)
            #expect(theirs.get() == "committed")
            let seen = [ownAttempts, theirAttempts.get()].sorted()
            #expect(seen == [1, 2], "one victim, rerun once: \(seen)")
            // The rolled-back attempt left nothing; each transaction's insert is there exactly once.
            let expected = swallow ? ["a", "a-after", "b", "b-after"] : ["a", "b"]
            #expect(try connection.query("SELECT who FROM writes ORDER BY who").map { try $0.string("who") } == expected)
            #expect(try connection.query("SELECT v FROM rows2 ORDER BY id").map { try $0.int("v") } == [2, 2])
        }

        @Test("a body that keeps failing with 1213 stops after five attempts with that error, nothing kept")
        func exhausted() throws {
            var attempts: [Int] = []
            let error = #expect(throws: MariaDBError.self) {
                try TransactionRetry(connection: connection).run(onAttempt: { attempts.append($0) }) {
                    try connection.execute("INSERT INTO writes (who) VALUES (\("x"))")
                    throw MariaDBError(kind: .deadlock, message: "Deadlock found when trying to get lock (simulated)")
                }
            }
            #expect(error?.kind == .deadlock)
            #expect(attempts == [1, 2, 3, 4, 5])
            #expect(try connection.queryFirst("SELECT COUNT(*) AS n FROM writes")?.int("n") == 0)
        }

        @Test("other errors are not retried")
        func otherErrorsOnce() throws {
            var attempts = 0
            #expect(throws: MariaDBError.self) {
                try connection.transaction {
                    attempts += 1
                    try connection.execute("INSERT INTO rows2 VALUES (1, 0)")
                }
            }
            #expect(attempts == 1)
        }

        @Test("a nested transaction joins the outer one: only the outer owner reruns")
        func nestedJoins() throws {
            var outer = 0
            var inner = 0
            #expect(throws: MariaDBError.self) {
                try connection.transaction {
                    outer += 1
                    try connection.transaction {
                        inner += 1
                        throw MariaDBError(kind: .deadlock, message: "simulated")
                    }
                }
            }
            #expect(outer == 5 && inner == 5)
        }
    }
}
