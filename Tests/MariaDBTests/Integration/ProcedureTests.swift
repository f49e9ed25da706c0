import MariaDB
import Testing

extension MariaDBIntegrationTests {
    @Suite("Stored procedures, multiple results and text batches", .temporaryDatabase("procs"))
    struct ProcedureTests {
        let connection: MariaDBConnection

        init() throws {
            connection = try TestDatabase.connect()
            try connection.executeText("""
                CREATE TABLE IF NOT EXISTS items (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) NOT NULL, qty INT NOT NULL) ENGINE=InnoDB;
                DELETE FROM items;
                INSERT INTO items (name, qty) VALUES ('uno', 1), ('dos', 2), ('tres', 3);
                """)
            try connection.executeText("DROP PROCEDURE IF EXISTS list_items")
            try connection.executeText("""
                CREATE PROCEDURE list_items(IN minimum INT)
                BEGIN
                    SELECT id, name, qty FROM items WHERE qty >= minimum ORDER BY qty;
                END
                """)
            try connection.executeText("DROP PROCEDURE IF EXISTS two_results")
            try connection.executeText("""
                CREATE PROCEDURE two_results()
                BEGIN
                    SELECT name FROM items ORDER BY qty DESC;
                    SELECT COUNT(*) AS n FROM items;
                END
                """)
            try connection.executeText("DROP PROCEDURE IF EXISTS add_item")
            try connection.executeText("""
                CREATE PROCEDURE add_item(IN item_name VARCHAR(50), IN amount INT)
                BEGIN
                    IF amount < 0 THEN
                        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'la cantidad no puede ser negativa';
                    END IF;
                    INSERT INTO items (name, qty) VALUES (item_name, amount);
                END
                """)
            try connection.executeText("DROP PROCEDURE IF EXISTS rows_then_signal")
            try connection.executeText("""
                CREATE PROCEDURE rows_then_signal()
                BEGIN
                    SELECT name FROM items;
                    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'after the rows';
                END
                """)
        }

        @Test("an error after a first result set is thrown, and the connection stays in sync")
        func errorInLaterResult() throws {
            for _ in 0..<2 {
                let error = try #require(mariaDBError { try connection.query("CALL rows_then_signal()") })
                #expect(error.kind == .signal)
                #expect(error.message == "after the rows")
                #expect(try connection.queryFirst("SELECT 1 AS one")?.int("one") == 1)
            }
        }

        @Test("CALL returns the rows of its SELECT, repeatedly on the cached statement")
        func callReturnsRows() throws {
            for _ in 0..<3 {
                let rows = try connection.query("CALL list_items(\(2))")
                #expect(try rows.map { try $0.string("name") } == ["dos", "tres"])
                #expect(try rows.map { try $0.int("qty") } == [2, 3])
            }
            #expect(try connection.query("CALL list_items(\(100))").isEmpty)
            #expect(try connection.queryFirst("SELECT COUNT(*) AS n FROM items")?.int("n") == 3)
        }

        @Test("a procedure with two result sets returns the first and drains the rest")
        func twoResultSets() throws {
            let rows = try connection.query("CALL two_results()")
            #expect(try rows.map { try $0.string("name") } == ["tres", "dos", "uno"])
            #expect(try connection.queryFirst("SELECT 7 AS seven")?.int("seven") == 7)
            #expect(try connection.query("CALL two_results()").count == 3)
        }

        @Test("SIGNAL is .signal with its MESSAGE_TEXT; the connection keeps working")
        func signal() throws {
            let error = try #require(mariaDBError { try connection.execute("CALL add_item(\("malo"), \(-5))") })
            #expect(error.kind == .signal)
            #expect(error.code == 1644)
            #expect(error.sqlState == "45000")
            #expect(error.message == "la cantidad no puede ser negativa")
            #expect(!error.description.contains("cantidad"))

            let result = try connection.execute("CALL add_item(\("cuatro"), \(4))")
            #expect(result.affectedRows == 1)
            #expect(try connection.queryFirst("SELECT qty FROM items WHERE name = \("cuatro")")?.int("qty") == 4)
            try connection.execute("DELETE FROM items WHERE name = \("cuatro")")
        }

        @Test("SIGNAL inside a transaction rolls it back")
        func signalInTransaction() throws {
            let error = try #require(mariaDBError {
                try connection.transaction {
                    try connection.execute("CALL add_item(\("cinco"), \(5))")
                    try connection.execute("CALL add_item(\("malo"), \(-1))")
                }
            })
            #expect(error.kind == .signal)
            #expect(try connection.queryFirst("SELECT COUNT(*) AS n FROM items WHERE name = \("cinco")")?.int("n") == 0)
        }

        @Test("executeText runs several statements and discards their results")
        func executeTextBatch() throws {
            try connection.executeText("""
                CREATE TABLE IF NOT EXISTS batch (id INT PRIMARY KEY, v VARCHAR(10));
                DELETE FROM batch;
                INSERT INTO batch VALUES (1, 'a'), (2, 'b');
                SELECT * FROM batch;
                UPDATE batch SET v = 'z' WHERE id = 2;
                CALL list_items(1);
                """)
            let rows = try connection.query("SELECT v FROM batch ORDER BY id")
            #expect(try rows.map { try $0.string("v") } == ["a", "z"])

            let error = try #require(mariaDBError {
                try connection.executeText("INSERT INTO batch VALUES (3, 'c'); INSERT INTO batch VALUES (3, 'again'); INSERT INTO batch VALUES (4, 'd')")
            })
            #expect(error.kind == .duplicateKey)
            #expect(try connection.query("SELECT id FROM batch").count == 3)
            #expect(try connection.queryFirst("SELECT 1 AS one")?.int("one") == 1)
        }
    }
}
