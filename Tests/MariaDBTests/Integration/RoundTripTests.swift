import MariaDB
import Testing

extension MariaDBIntegrationTests {
    @Suite("Round trips of every type", .temporaryDatabase("roundtrip"))
    struct RoundTripTests {
        let connection: MariaDBConnection

        init() throws {
            connection = try TestDatabase.connect()
            try connection.executeText("""
                CREATE TABLE IF NOT EXISTS everything (
                    id BIGINT AUTO_INCREMENT PRIMARY KEY,
                    i BIGINT NULL, u BIGINT UNSIGNED NULL, small INT UNSIGNED NULL, tiny TINYINT NULL, flag BOOLEAN NULL,
                    d DOUBLE NULL, f FLOAT NULL, amount DECIMAL(20,2) NULL,
                    txt TEXT NULL, vc VARCHAR(255) NULL, big LONGTEXT NULL,
                    bin MEDIUMBLOB NULL, vb VARBINARY(64) NULL,
                    day DATE NULL, at DATETIME(6) NULL, ts TIMESTAMP(6) NULL, tm TIME(6) NULL
                ) ENGINE=InnoDB
                """)
            try connection.executeText("TRUNCATE TABLE everything")
        }

        @Test("the session uses utf8mb4, UTC and a strict sql_mode")
        func sessionSettings() throws {
            let row = try #require(try connection.queryFirst(
                "SELECT @@session.time_zone AS tz, @@session.sql_mode AS mode, @@character_set_connection AS cs"))
            #expect(try row.string("tz") == "+00:00")
            let mode = try row.string("mode")
            for flag in ["STRICT_ALL_TABLES", "NO_ZERO_DATE", "NO_ZERO_IN_DATE", "ERROR_FOR_DIVISION_BY_ZERO", "NO_ENGINE_SUBSTITUTION"] {
                #expect(mode.contains(flag))
            }
            #expect(try row.string("cs") == "utf8mb4")
        }

        @Test("integers: zero, negative, extremes and large unsigned", arguments: [
            (Int64(0), UInt64(0)), (-1, 1), (Int64.min, UInt64.max), (Int64.max, UInt64(Int64.max) + 1),
        ])
        func integers(signed: Int64, unsigned: UInt64) throws {
            let inserted = try connection.execute("INSERT INTO everything (i, u, small, tiny) VALUES (\(signed), \(unsigned), \(UInt32.max), \(Int(-128)))")
            #expect(inserted.affectedRows == 1)
            #expect(inserted.lastInsertID > 0)
            let row = try #require(try connection.queryFirst("SELECT i, u, small, tiny FROM everything WHERE id = \(inserted.lastInsertID)"))
            #expect(row[column: "i"] == .int(signed))
            #expect(row[column: "u"] == .uint(unsigned))
            #expect(row[column: "small"] == .uint(UInt64(UInt32.max)))
            #expect(row[column: "tiny"] == .int(-128))
        }

        @Test("every bind type round-trips, and NULL of each type too")
        func everyType() throws {
            let text = "ñandú 🦙 漢字 👩‍💻 \u{0}end"
            let blob: [UInt8] = [0, 1, 2, 0, 255, 0]
            let day = SQLDate(year: 2024, month: 2, day: 29)
            let at = SQLDateTime(year: 2024, month: 12, day: 31, hour: 23, minute: 59, second: 58, microsecond: 123_456)
            let ts = SQLDateTime(year: 2001, month: 9, day: 9, hour: 1, minute: 46, second: 40, microsecond: 1)
            let tm = SQLTime(negative: true, hours: 100, minutes: 2, seconds: 3, microseconds: 456_789)
            let withValues = try connection.execute("""
                INSERT INTO everything (i, u, flag, d, f, amount, txt, vc, bin, vb, day, at, ts, tm)
                VALUES (\(Int(-42)), \(UInt64.max), \(true), \(3.141592653589793), \(0.5), \(SQLDecimal("12345678.90")),
                        \(text), \("short ñ"), \(blob), \(blob), \(day), \(at), \(ts), \(tm))
                """).lastInsertID
            let nothing: (Int?, UInt64?, Bool?, Double?, Double?, SQLDecimal?, String?, String?, [UInt8]?, [UInt8]?,
                          SQLDate?, SQLDateTime?, SQLDateTime?, SQLTime?)
                = (nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil)
            let withNulls = try connection.execute("""
                INSERT INTO everything (i, u, flag, d, f, amount, txt, vc, bin, vb, day, at, ts, tm)
                VALUES (\(nothing.0), \(nothing.1), \(nothing.2), \(nothing.3), \(nothing.4), \(nothing.5), \(nothing.6),
                        \(nothing.7), \(nothing.8), \(nothing.9), \(nothing.10), \(nothing.11), \(nothing.12), \(nothing.13))
                """).lastInsertID

            let rows = try connection.query("""
                SELECT i, u, flag, d, f, amount, txt, vc, bin, vb, day, at, ts, tm FROM everything
                WHERE id IN (\(list: [withValues, withNulls])) ORDER BY id
                """)
            try #require(rows.count == 2)
            let row = rows[0]
            #expect(row[column: "i"] == .int(-42))
            #expect(row[column: "u"] == .uint(UInt64.max))
            #expect(try row.bool("flag"))
            #expect(try row.double("d") == 3.141592653589793)
            #expect(try row.double("f") == 0.5)
            #expect(row[column: "amount"] == .decimal("12345678.90"))
            #expect(try row.string("txt") == text)
            #expect(try row.string("vc") == "short ñ")
            #expect(row[column: "bin"] == .blob(blob))
            #expect(try row.bytes("vb") == blob)
            #expect(try row.date("day") == day)
            #expect(try row.dateTime("at") == at)
            #expect(try row.dateTime("ts") == ts)
            #expect(try row.time("tm") == tm)

            // The NULL row follows a row with values: every column must read NULL, not stale bytes.
            let nulls = rows[1]
            #expect(nulls.values == Array(repeating: SQLValue.null, count: 14))
            #expect(try nulls.optionalInt("i") == nil)
            #expect(try nulls.optionalString("txt") == nil)
            #expect(try nulls.optionalDateTime("at") == nil)
            #expect(rows[0].columns === rows[1].columns)
        }

        @Test("decimals keep every digit", arguments: ["12345678.90", "-0.01", "0.00", "999999999999999999.99"])
        func decimals(text: String) throws {
            let id = try connection.execute("INSERT INTO everything (amount) VALUES (\(SQLDecimal(text)))").lastInsertID
            let row = try #require(try connection.queryFirst("SELECT amount, amount * 2 AS twice FROM everything WHERE id = \(id)"))
            #expect(try row.decimalString("amount") == text)
            #expect(row[column: "twice"].map { if case .decimal = $0 { true } else { false } } == true)
        }

        @Test("values larger than the initial buffer grow it, and later rows stay correct")
        func largeValuesGrowBuffers() throws {
            let large = String(repeating: "ab€d", count: 25_000)   // 100 000 characters, 150 000 bytes
            var blob = [UInt8](repeating: 0, count: 300_000)
            for index in blob.indices { blob[index] = UInt8(truncatingIfNeeded: index * 7) }
            let first = try connection.execute("INSERT INTO everything (big, bin, vc) VALUES (\(large), \(blob), \("x"))").lastInsertID
            _ = try connection.execute("INSERT INTO everything (big, bin, vc) VALUES (\("short"), \([UInt8]([0])), \(String?.none))")
            _ = try connection.execute("INSERT INTO everything (big, bin, vc) VALUES (\(String?.none), \([UInt8]?.none), \("y"))")
            _ = try connection.execute("INSERT INTO everything (big, bin, vc) VALUES (\(large), \(blob), \("z"))")

            for _ in 0..<2 {   // twice: the second run reuses the cached statement and its (shrunk) buffers
                let rows = try connection.query("SELECT big, bin, vc FROM everything WHERE id >= \(first) ORDER BY id")
                try #require(rows.count == 4)
                #expect(try rows[0].string("big") == large)
                #expect(try rows[0].bytes("bin") == blob)
                #expect(try rows[1].string("big") == "short")
                #expect(try rows[1].bytes("bin") == [0])
                #expect(try rows[1].optionalString("vc") == nil)
                #expect(rows[2][column: "big"] == .null)
                #expect(rows[2][column: "bin"] == .null)
                #expect(try rows[3].string("big") == large)
                #expect(try rows[3].bytes("bin") == blob)
                #expect(try rows[3].string("vc") == "z")
            }
        }

        @Test("queryFirst returns nil without rows; execute reports affected rows")
        func emptyResultsAndAffectedRows() throws {
            #expect(try connection.queryFirst("SELECT id FROM everything WHERE id = \(-1)") == nil)
            #expect(try connection.query("SELECT id FROM everything WHERE id = \(-1)").isEmpty)
            let id = try connection.execute("INSERT INTO everything (vc) VALUES (\("a"))").lastInsertID
            #expect(try connection.execute("UPDATE everything SET vc = \("b") WHERE id = \(id)").affectedRows == 1)
            #expect(try connection.execute("UPDATE everything SET vc = \("b") WHERE id = \(id)").affectedRows == 0)
            #expect(try connection.execute("DELETE FROM everything WHERE id = \(id)").affectedRows == 1)
        }

        @Test("expressions get typed columns; a wrong accessor names the column")
        func expressionTypes() throws {
            let row = try #require(try connection.queryFirst(
                "SELECT 1 + 1 AS two, COUNT(*) AS n, NULL AS nothing, CAST(\(2.5) AS DOUBLE) AS half, \(Int64.max) AS param, 'txt' AS word"))
            #expect(try row.int("two") == 2)
            #expect(try row.int("n") >= 0)
            #expect(row[column: "nothing"] == .null)
            #expect(try row.double("half") == 2.5)
            #expect(try row.int("param") == Int(Int64.max))
            #expect(try row.string("word") == "txt")
            let error = try #require(mariaDBError { try row.int("word") })
            #expect(error.kind == .decoding(column: "word"))
        }

        @Test("many distinct statements stay within the statement cache")
        func statementCacheEviction() throws {
            let small = MariaDBConnection(configuration: try TestDatabase.configuration(), statementCacheCapacity: 4)
            for round in 0..<3 {
                for number in 0..<10 {
                    let row = try #require(try small.queryFirst("SELECT \(unsafeRaw: String(number)) + \(round) AS v"))
                    #expect(try row.int("v") == number + round)
                }
            }
            let global = try #require(try connection.queryFirst(
                "SELECT VARIABLE_VALUE AS v FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'PREPARED_STMT_COUNT'"))
            #expect(Int(try global.string("v")) ?? 1000 <= 4 + 10)
        }
    }
}
