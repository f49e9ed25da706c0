import Dispatch
import Foundation
import MariaDB
import Testing

extension MariaDBIntegrationTests {
    @Suite("Server errors are classified", .temporaryDatabase("errors"))
    struct ErrorTests {
        let connection: MariaDBConnection

        init() throws {
            connection = try TestDatabase.connect()
            try connection.executeText("""
                CREATE TABLE IF NOT EXISTS parents (id INT PRIMARY KEY, email VARCHAR(100) NOT NULL UNIQUE) ENGINE=InnoDB;
                CREATE TABLE IF NOT EXISTS children (
                    id INT AUTO_INCREMENT PRIMARY KEY, parent_id INT NOT NULL, code CHAR(3) NOT NULL, qty INT NOT NULL,
                    CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES parents (id)
                ) ENGINE=InnoDB;
                CREATE TABLE IF NOT EXISTS locks (id INT PRIMARY KEY, v INT NOT NULL) ENGINE=InnoDB;
                DELETE FROM children; DELETE FROM parents; DELETE FROM locks;
                INSERT INTO parents VALUES (1, 'ana@example.com');
                INSERT INTO locks VALUES (1, 0), (2, 0);
                """)
        }

        @Test("duplicate key, with a generic description and the details in debugDescription")
        func duplicateKey() throws {
            let error = try #require(mariaDBError {
                try connection.execute("INSERT INTO parents (id, email) VALUES (\(2), \("ana@example.com"))")
            })
            #expect(error.kind == .duplicateKey)
            #expect(error.code == 1062)
            #expect(error.sqlState == "23000")
            #expect(error.description == "MariaDB error: duplicate key")
            #expect(!error.description.contains("ana@example.com"))
            #expect(String(reflecting: error).contains("ana@example.com"))
            #expect(error.query == "INSERT INTO parents (id, email) VALUES (?, ?)")
        }

        @Test("foreign key violations on insert and on delete")
        func foreignKeys() throws {
            let insert = try #require(mariaDBError {
                try connection.execute("INSERT INTO children (parent_id, code, qty) VALUES (\(99), \("abc"), \(1))")
            })
            #expect(insert.kind == .foreignKeyViolation)
            #expect(insert.code == 1452)
            try connection.execute("INSERT INTO children (parent_id, code, qty) VALUES (\(1), \("abc"), \(1))")
            let delete = try #require(mariaDBError { try connection.execute("DELETE FROM parents WHERE id = \(1)") })
            #expect(delete.kind == .foreignKeyViolation)
            #expect(delete.code == 1451)
        }

        @Test("strict mode rejects long and invalid values")
        func invalidValues() throws {
            let tooLong = try #require(mariaDBError {
                try connection.execute("INSERT INTO children (parent_id, code, qty) VALUES (\(1), \("abcd"), \(1))")
            })
            #expect(tooLong.kind == .dataTooLong)
            let notANumber = try #require(mariaDBError {
                try connection.execute("INSERT INTO children (parent_id, code, qty) VALUES (\(1), \("abc"), \("many"))")
            })
            #expect(notANumber.kind == .invalidValue)
            let divisionByZero = try #require(mariaDBError {
                try connection.execute("INSERT INTO children (parent_id, code, qty) VALUES (\(1), \("abc"), \(1) / \(0))")
            })
            #expect(divisionByZero.kind == .invalidValue)
            #expect(divisionByZero.code == 1365)
        }

        @Test("syntax errors are .other and name the query only in debugDescription")
        func syntaxError() throws {
            let error = try #require(mariaDBError { try connection.query("SELEC nonsense") })
            #expect(error.kind == .other)
            #expect(error.code == 1064)
            #expect(error.description == "MariaDB error: database error")
            #expect(String(reflecting: error).contains("SELEC nonsense"))
            #expect(try connection.queryFirst("SELECT 1 AS one")?.int("one") == 1)
        }

        @Test("a lock held by another connection times out as .lockWaitTimeout")
        func lockWaitTimeout() throws {
            let other = try TestDatabase.connect()
            try other.executeText("SET SESSION innodb_lock_wait_timeout = 1")
            try connection.transaction {
                try connection.execute("UPDATE locks SET v = v + 1 WHERE id = \(1)")
                let error = try #require(mariaDBError { try other.execute("UPDATE locks SET v = v + 1 WHERE id = \(1)") })
                #expect(error.kind == .lockWaitTimeout)
                #expect(error.code == 1205)
            }
        }

        // One attempt each (`TransactionRetry(attempts: 1)`): `transaction` itself would rerun the victim.
        @Test("a deadlock between two connections is .deadlock for the victim")
        func deadlock() throws {
            let configuration = try TestDatabase.configuration()
            let aLocked = DispatchSemaphore(value: 0)
            let bLocked = DispatchSemaphore(value: 0)
            let done = DispatchSemaphore(value: 0)
            let otherOutcome = LockedBox<MariaDBError.Kind?>(nil)
            let thread = Thread {
                // The connection is created on, and never leaves, its own thread.
                let connection = MariaDBConnection(configuration: configuration)
                var kind: MariaDBError.Kind?
                do {
                    try TransactionRetry(connection: connection, attempts: 1).run {
                        try connection.execute("UPDATE locks SET v = v + 1 WHERE id = \(2)")
                        bLocked.signal()
                        _ = aLocked.wait(timeout: .now() + 10)
                        try connection.execute("UPDATE locks SET v = v + 1 WHERE id = \(1)")
                    }
                } catch let error as MariaDBError {
                    kind = error.kind
                } catch {
                    kind = .other
                }
                otherOutcome.set(kind)
                done.signal()
            }
            thread.start()

            var ownKind: MariaDBError.Kind?
            do {
                try TransactionRetry(connection: connection, attempts: 1).run {
                    try connection.execute("UPDATE locks SET v = v + 1 WHERE id = \(1)")
                    _ = bLocked.wait(timeout: .now() + 10)
                    aLocked.signal()
                    usleep(300_000)   // let the other thread block on row 1 first
                    try connection.execute("UPDATE locks SET v = v + 1 WHERE id = \(2)")
                }
            } catch let error as MariaDBError {
                ownKind = error.kind
            }
            #expect(done.wait(timeout: .now() + 20) == .success)
            let theirKind = otherOutcome.get()
            let kinds = [ownKind, theirKind].compactMap { $0 }
            #expect(kinds == [.deadlock])
            #expect(!connection.inTransaction)
        }
    }
}
