import MariaDB
import Testing

@Suite("SQLScript splits like the mariadb client")
struct SQLScriptTests {
    private func texts(_ script: String) throws -> [String] {
        try SQLScript.split(script).map(\.text)
    }

    @Test("plain statements end at ;")
    func plainStatements() throws {
        #expect(try texts("SELECT 1;\nSELECT 2;\n") == ["SELECT 1", "SELECT 2"])
        #expect(try texts("SELECT 1; SELECT 2;SELECT 3;") == ["SELECT 1", "SELECT 2", "SELECT 3"])
        #expect(try texts("CREATE TABLE t (\n  id INT,\n  name TEXT\n);") == ["CREATE TABLE t (\n  id INT,\n  name TEXT\n)"])
    }

    @Test("empty statements and blank scripts are dropped")
    func emptyStatements() throws {
        #expect(try texts(";;\n  ;\nSELECT 1;;") == ["SELECT 1"])
        #expect(try texts("").isEmpty)
        #expect(try texts("\n\n   \n").isEmpty)
        #expect(try texts("-- only a comment\n/* and another; */\n# and a third;\n").isEmpty)
    }

    @Test("a last statement without a delimiter is kept")
    func trailingStatement() throws {
        #expect(try texts("SELECT 1;\nSELECT 2") == ["SELECT 1", "SELECT 2"])
        #expect(try texts("SELECT 1;\nSELECT 2\n\n") == ["SELECT 1", "SELECT 2"])
    }

    @Test("the delimiter inside quotes does not end a statement")
    func quotes() throws {
        #expect(try texts("SELECT 'a;b', \"c;d\", `e;f`;") == ["SELECT 'a;b', \"c;d\", `e;f`"])
        #expect(try texts("INSERT INTO t VALUES ('it''s; fine');") == ["INSERT INTO t VALUES ('it''s; fine')"])
        #expect(try texts(#"SELECT 'a\';b', "c\";d";"#) == [#"SELECT 'a\';b', "c\";d""#])
        #expect(try texts(#"SELECT 'back\\';SELECT 2;"#) == [#"SELECT 'back\\'"#, "SELECT 2"])
        // Backticks know no backslash escape: the backslash is an ordinary character there.
        #expect(try texts("SELECT 1 AS `a\\`; SELECT 2;") == ["SELECT 1 AS `a\\`", "SELECT 2"])
        #expect(try texts("SELECT 'multi\nline; text';") == ["SELECT 'multi\nline; text'"])
    }

    @Test("comment markers inside quotes are text")
    func commentMarkersInQuotes() throws {
        #expect(try texts("SELECT '-- no', '# no', '/* no */';") == ["SELECT '-- no', '# no', '/* no */'"])
    }

    @Test("comments are removed and do not end statements")
    func comments() throws {
        let script = """
            -- heading; with a semicolon
            # another; one
            SELECT 1, -- trailing; comment
              2 # hash; comment
            ;
            SELECT /* inline; */ 3;
            /* multi
               line; comment */
            SELECT 4;
            """
        #expect(try texts(script) == ["SELECT 1, \n  2", "SELECT  3", "SELECT 4"])
    }

    @Test("-- needs whitespace after it to start a comment")
    func dashDash() throws {
        #expect(try texts("SELECT 1--1;") == ["SELECT 1--1"])
        #expect(try texts("SELECT 1 --\n;SELECT 2;") == ["SELECT 1", "SELECT 2"])
        #expect(try texts("SELECT 1 --\tx;\n;") == ["SELECT 1"])
    }

    @Test("a removed comment between two tokens leaves a space")
    func commentBetweenTokens() throws {
        #expect(try texts("SELECT/*x*/1;") == ["SELECT 1"])
    }

    @Test("executable comments stay in the statement")
    func executableComments() throws {
        #expect(try texts("SELECT 1 /*!40101 , 2 */;") == ["SELECT 1 /*!40101 , 2 */"])
        #expect(try texts("SELECT 1 /*M!100100 , 2 */;") == ["SELECT 1 /*M!100100 , 2 */"])
        #expect(try texts("/*!40101 SET NAMES utf8mb4 */;") == ["/*!40101 SET NAMES utf8mb4 */"])
    }

    @Test("DELIMITER // wraps a procedure whose body contains ;")
    func delimiterBlock() throws {
        let script = """
            CREATE TABLE t (id INT);
            DELIMITER //
            CREATE PROCEDURE p(IN x INT)
            BEGIN
              INSERT INTO t VALUES (x);
              SELECT 'done;' AS result;
            END //
            DELIMITER ;
            CALL p(1);
            """
        let statements = try SQLScript.split(script)
        #expect(statements.map(\.text) == [
            "CREATE TABLE t (id INT)",
            "CREATE PROCEDURE p(IN x INT)\nBEGIN\n  INSERT INTO t VALUES (x);\n  SELECT 'done;' AS result;\nEND",
            "CALL p(1)",
        ])
        #expect(statements.map(\.line) == [1, 3, 9])
    }

    @Test("DELIMITER is case-insensitive, takes its first word or a quoted string, and can be indented")
    func delimiterForms() throws {
        #expect(try texts("delimiter $$\nSELECT 1; SELECT 2$$\n  DeLiMiTeR ;\nSELECT 3;") == ["SELECT 1; SELECT 2", "SELECT 3"])
        #expect(try texts("DELIMITER // trailing words\nSELECT 1//") == ["SELECT 1"])
        #expect(try texts("DELIMITER \"$$\"\nSELECT 1$$") == ["SELECT 1"])
        #expect(try texts("DELIMITER ;;\r\nSELECT 1;;\r\nDELIMITER ;\r\nSELECT 2;\r\n") == ["SELECT 1", "SELECT 2"])
    }

    @Test("the new delimiter is also honoured on the same line and after it")
    func delimiterMidLine() throws {
        #expect(try texts("DELIMITER //\nSELECT 1// SELECT 2 //SELECT 3") == ["SELECT 1", "SELECT 2", "SELECT 3"])
    }

    @Test("DELIMITER inside a pending statement, a string or a comment is text")
    func delimiterAsText() throws {
        #expect(try texts("SELECT 1 AS delimiter;") == ["SELECT 1 AS delimiter"])
        #expect(try texts("SELECT a,\n  delimiter FROM t;") == ["SELECT a,\n  delimiter FROM t"])
        #expect(try texts("SELECT 'x\nDELIMITER //\n';") == ["SELECT 'x\nDELIMITER //\n'"])
        #expect(try texts("/*\nDELIMITER //\n*/ SELECT 1;") == ["SELECT 1"])
    }

    @Test("a malformed DELIMITER command is an error naming its line")
    func delimiterErrors() {
        #expect(throws: SQLScriptError(line: 2, message: "DELIMITER must be followed by a 'delimiter' character or string")) {
            try SQLScript.split("SELECT 1;\nDELIMITER\n")
        }
        #expect(throws: SQLScriptError(line: 1, message: "DELIMITER cannot contain a backslash character")) {
            try SQLScript.split("DELIMITER \\\\")
        }
        #expect(throws: SQLScriptError(line: 1, message: "DELIMITER must start its own line, outside any statement")) {
            try SQLScript.split("SELECT 1; DELIMITER //\nSELECT 2//")
        }
        #expect(throws: SQLScriptError.self) {
            try SQLScript.split("/* note */ DELIMITER //\nSELECT 2//")
        }
    }

    @Test("each statement carries the line it starts on")
    func lineNumbers() throws {
        let script = """
            -- header

            SELECT 1;
            /* a
               block */ SELECT
              2;   SELECT 3;
            DELIMITER //

            SELECT 4//
            """
        let statements = try SQLScript.split(script)
        #expect(statements.map(\.line) == [3, 5, 6, 9])
        #expect(statements.map(\.text) == ["SELECT 1", "SELECT\n  2", "SELECT 3", "SELECT 4"])
    }

    @Test("newlines inside a statement are kept so server line numbers stay meaningful")
    func lineStructure() throws {
        let statements = try SQLScript.split("\n\nSELECT\n/* gone */\n1\n;")
        #expect(statements == [SQLStatement(text: "SELECT\n\n1", line: 3)])
    }
}
