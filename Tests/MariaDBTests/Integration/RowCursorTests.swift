import MariaDB
import Testing

extension MariaDBIntegrationTests {
    /// `forEachRow` hands each row over in place: every kind must read back exactly what `query`'s `SQLRow` holds,
    /// NULL must win over the bytes an earlier row left in a buffer, and a value longer than a column's buffer must
    /// arrive whole (the buffer grows mid-set and the following rows still read right).
    @Suite("Row cursor: rows read in place", .temporaryDatabase("cursor"))
    struct RowCursorTests {
        let connection: MariaDBConnection

        init() throws {
            connection = try TestDatabase.connect()
            try connection.executeText("""
                CREATE TABLE IF NOT EXISTS cursor_rows (
                    id BIGINT PRIMARY KEY, i BIGINT NULL, u BIGINT UNSIGNED NULL, d DOUBLE NULL, amount DECIMAL(20,3) NULL,
                    txt TEXT NULL, bin VARBINARY(600) NULL, day DATE NULL, at DATETIME(6) NULL, tm TIME(6) NULL
                ) ENGINE=InnoDB
                """)
            try connection.executeText("TRUNCATE TABLE cursor_rows")
        }

        static let longText = String(repeating: "ñandú \"x\"\n", count: 80)

        func fill() throws {
            try connection.executeText("""
                INSERT INTO cursor_rows VALUES
                (1, -7, 18446744073709551615, 0.1, -12.500, 'corto', x'00ff', '2024-02-29', '2024-03-20 10:30:00.123456', '08:05:09.5'),
                (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
                (3, 0, 0, -2, 0.000, '', x'', '1999-12-31', '2024-03-20 10:30:00', '00:00:00')
                """)
            _ = try connection.execute("""
                INSERT INTO cursor_rows (id, txt, bin) VALUES (4, \(Self.longText), \(SQLValue.blob([UInt8](repeating: 0xAB, count: 500))))
                """)
            try connection.executeText("INSERT INTO cursor_rows (id, txt) VALUES (5, 'después')")
        }

        @Test("every column of every row equals query's SQLRow, NULLs and grown buffers included")
        func matchesQuery() throws {
            try fill()
            let sql: SQLQuery = "SELECT id, i, u, d, amount, txt, bin, day, at, tm FROM cursor_rows ORDER BY id"
            let expected = try connection.query(sql)
            var seen: [[SQLValue]] = []
            var texts: [String?] = []
            var shapes: [(columns: Int, rows: Int, names: [String])] = []
            let count = try connection.forEachRow(sql) { row in
                shapes.append((row.count, row.resultRowCount, row.columns.names))
                var values: [SQLValue] = []
                for column in 0..<row.count {
                    values.append(row.value(column))
                }
                seen.append(values)
                texts.append(row.isNull(5) ? nil : String(decoding: row.bytes(5), as: UTF8.self))
            }
            #expect(shapes.allSatisfy { $0.columns == 10 && $0.rows == 5 && $0.names == expected[0].columns.names })
            #expect(count == 5)
            #expect(seen == expected.map(\.values))
            #expect(texts == [
                "corto", nil, "", Self.longText, "después",
            ])
        }

        @Test("typed reads give the binary values: integers, unsigned, double, decimal text, dates and times")
        func typedReads() throws {
            try fill()
            var read: (kinds: [SQLColumnKind], signed: Int64, unsigned: UInt64, double: Double, decimal: [UInt8], blob: [UInt8],
                       date: SQLDate, dateTime: SQLDateTime, time: SQLTime)?
            try connection.forEachRow("SELECT i, u, d, amount, bin, day, at, tm FROM cursor_rows WHERE id = 1") { row in
                var kinds: [SQLColumnKind] = []
                for column in 0..<row.count {
                    kinds.append(row.kind(column))
                }
                read = (kinds, row.int64(0), row.uint64(1), row.double(2), Array(row.bytes(3)), Array(row.bytes(4)),
                        row.date(5), row.dateTime(6), row.time(7))
            }
            let values = try #require(read)
            #expect(values.kinds == [.signed, .unsigned, .double, .decimal, .blob, .date, .dateTime, .time])
            #expect(values.signed == -7 && values.unsigned == .max && values.double == 0.1)
            #expect(values.decimal == Array("-12.500".utf8) && values.blob == [0x00, 0xFF])
            #expect(values.date == SQLDate(year: 2024, month: 2, day: 29))
            #expect(values.dateTime == SQLDateTime(year: 2024, month: 3, day: 20, hour: 10, minute: 30, microsecond: 123_456))
            #expect(values.time == SQLTime(hours: 8, minutes: 5, seconds: 9, microseconds: 500_000))
        }

        @Test("an empty result calls nothing and counts 0; the statement then serves query as before")
        func emptyThenQuery() throws {
            try fill()
            let sql: SQLQuery = "SELECT id, txt FROM cursor_rows WHERE id > ? ORDER BY id"
            var calls = 0
            let none = try connection.forEachRow(SQLQuery(unsafeSQL: sql.sql, binds: [.int(99)])) { _ in calls += 1 }
            #expect(none == 0 && calls == 0)
            let rows = try connection.query(SQLQuery(unsafeSQL: sql.sql, binds: [.int(3)]))
            #expect(try rows.map { try $0.int("id") } == [4, 5])
            #expect(try rows[0].string("txt") == Self.longText)
        }
    }
}
