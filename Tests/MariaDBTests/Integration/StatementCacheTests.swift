import MariaDB
import Testing

extension MariaDBIntegrationTests {
    /// A worker's connection keeps its prepared statements for the life of the process: one whose text depends on
    /// the data (an `IN` list of every id a report read) must not stay, or every worker keeps one statement, with
    /// its parameter buffers, per list length it ever saw (issue 16: RSS per module).
    @Suite("The statement cache keeps reusable statements only", .temporaryDatabase("statementcache"))
    struct StatementCacheTests {
        let connection: MariaDBConnection

        init() throws {
            connection = try TestDatabase.connect()
            try connection.executeText("CREATE TABLE IF NOT EXISTS numbers (id BIGINT PRIMARY KEY) ENGINE=InnoDB")
            try connection.executeText("DELETE FROM numbers")
            try connection.executeText("INSERT INTO numbers (id) SELECT seq FROM seq_1_to_1200")
        }

        @Test("a query with a long list answers and leaves no statement behind; a short list's is kept")
        func longListsAreNotCached() throws {
            let before = connection.cachedStatementCount
            for count in [1_000, 1_001, 1_100] {
                let ids = Array(1...count)
                let row = try #require(try connection.queryFirst("SELECT COUNT(*) AS n FROM numbers WHERE id IN (\(list: ids))"))
                #expect(try row.int("n") == count)
            }
            #expect(connection.cachedStatementCount == before)

            let short = try connection.query("SELECT id FROM numbers WHERE id IN (\(list: [3, 1, 2])) ORDER BY id")
            #expect(try short.map { try $0.int("id") } == [1, 2, 3])
            #expect(connection.cachedStatementCount == before + 1)
        }
    }
}
