import MariaDB
import Testing

extension MariaDBIntegrationTests {
    @Suite("Transactions", .temporaryDatabase("tx"))
    struct TransactionTests {
        let connection: MariaDBConnection

        init() throws {
            connection = try TestDatabase.connect()
            try connection.executeText("""
                CREATE TABLE IF NOT EXISTS entries (id INT AUTO_INCREMENT PRIMARY KEY, label VARCHAR(50) NOT NULL) ENGINE=InnoDB;
                DELETE FROM entries;
                """)
        }

        private func count() throws -> Int {
            try #require(try connection.queryFirst("SELECT COUNT(*) AS n FROM entries")).int("n")
        }

        @Test("commit persists and returns the body's value")
        func commitPersists() throws {
            let id = try connection.transaction {
                #expect(connection.inTransaction)
                return try connection.execute("INSERT INTO entries (label) VALUES (\("kept"))").lastInsertID
            }
            #expect(!connection.inTransaction)
            #expect(id > 0)
            let other = try TestDatabase.connect()
            #expect(try other.queryFirst("SELECT label FROM entries WHERE id = \(id)")?.string("label") == "kept")
        }

        /// The session's `Com_commit` (COMMIT statements the server ran for this connection, a procedure's own
        /// included).
        private func commits() throws -> Int {
            let row = try #require(try connection.queryFirst("SHOW SESSION STATUS LIKE 'Com_commit'"))
            return try #require(Int(try row.string("Value")))
        }

        @Test("a body whose last statement committed is not committed again; every other body is, an empty one too")
        func commitOnlyWhatIsOpen() throws {
            try connection.executeText("""
                DROP PROCEDURE IF EXISTS insertar_y_confirmar;
                CREATE PROCEDURE insertar_y_confirmar(p_label VARCHAR(50)) BEGIN INSERT INTO entries (label) VALUES (p_label); COMMIT; END
                """)
            var antes = try commits()
            try connection.transaction {
                try connection.execute("INSERT INTO entries (label) VALUES (\("first"))")
                try connection.execute("CALL insertar_y_confirmar(\("second"))")
            }
            // The procedure's COMMIT only: the transaction had ended, and no second COMMIT was sent.
            #expect(try commits() == antes + 1)
            #expect(!connection.inTransaction)
            #expect(try count() == 2)

            antes = try commits()
            _ = try connection.transaction { try connection.execute("INSERT INTO entries (label) VALUES (\("third"))") }
            #expect(try commits() == antes + 1)
            antes = try commits()
            try connection.transaction {}
            #expect(try commits() == antes + 1)
            // A read-only body: the transaction is open from START TRANSACTION on, so it is committed.
            antes = try commits()
            _ = try connection.transaction { try count() }
            #expect(try commits() == antes + 1)
            #expect(try count() == 3)
        }

        @Test("a thrown error rolls everything back and is rethrown unchanged")
        func rollbackLeavesNothing() throws {
            #expect(throws: IntentionalFailure()) {
                try connection.transaction {
                    try connection.execute("INSERT INTO entries (label) VALUES (\("gone 1"))")
                    try connection.execute("INSERT INTO entries (label) VALUES (\("gone 2"))")
                    throw IntentionalFailure()
                }
            }
            #expect(!connection.inTransaction)
            #expect(try count() == 0)
        }

        @Test("a nested transaction runs inside the outer one")
        func nested() throws {
            try connection.transaction {
                try connection.execute("INSERT INTO entries (label) VALUES (\("outer"))")
                try connection.transaction {
                    #expect(connection.inTransaction)
                    try connection.execute("INSERT INTO entries (label) VALUES (\("inner"))")
                }
                #expect(connection.inTransaction)
            }
            #expect(try count() == 2)

            #expect(throws: IntentionalFailure()) {
                try connection.transaction {
                    try connection.execute("INSERT INTO entries (label) VALUES (\("outer 2"))")
                    try connection.transaction {
                        try connection.execute("INSERT INTO entries (label) VALUES (\("inner 2"))")
                        throw IntentionalFailure()
                    }
                }
            }
            #expect(try count() == 2)
        }

        @Test("a database error inside the body rolls back the earlier statements")
        func databaseErrorRollsBack() throws {
            let error = try #require(mariaDBError {
                try connection.transaction {
                    try connection.execute("INSERT INTO entries (label) VALUES (\("first"))")
                    try connection.execute("INSERT INTO entries (label) VALUES (\(String?.none))")
                }
            })
            #expect(error.kind == .invalidValue)
            #expect(error.code == 1048)
            #expect(try count() == 0)
        }
    }
}
