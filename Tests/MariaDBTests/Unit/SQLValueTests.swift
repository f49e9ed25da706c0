import MariaDB
import Testing

@Suite("Values, rows and configuration")
struct SQLValueTests {
    @Test("date and time descriptions are ISO-like")
    func descriptions() {
        #expect(SQLDate(year: 2024, month: 3, day: 5).description == "2024-03-05")
        #expect(SQLDateTime(year: 2024, month: 3, day: 5, hour: 7, minute: 8, second: 9).description == "2024-03-05 07:08:09")
        #expect(SQLDateTime(year: 999, month: 12, day: 31, hour: 23, minute: 59, second: 59, microsecond: 42).description
            == "0999-12-31 23:59:59.000042")
        #expect(SQLTime(hours: 8, minutes: 5, seconds: 0).description == "08:05:00")
        #expect(SQLTime(negative: true, hours: 838, minutes: 59, seconds: 59, microseconds: 500_000).description
            == "-838:59:59.500000")
        #expect(SQLDecimal("-0.01").description == "-0.01")
    }

    static let unixTimes: [(Int64, SQLDateTime)] = [
        (0, SQLDateTime(year: 1970, month: 1, day: 1)),
        (951_782_400, SQLDateTime(year: 2000, month: 2, day: 29)),
        (1_709_251_199, SQLDateTime(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59)),
        (-1, SQLDateTime(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59)),
    ]

    @Test("Unix time converts both ways in UTC", arguments: unixTimes)
    func unixTime(seconds: Int64, dateTime: SQLDateTime) {
        #expect(SQLDateTime(unixTime: seconds) == dateTime)
        #expect(dateTime.unixTime == seconds)
    }

    static let unixMillisecondCases: [(Int64, SQLDateTime)] = [
        (0, SQLDateTime(year: 1970, month: 1, day: 1)),
        (1_796_126_400_123, SQLDateTime(year: 2026, month: 12, day: 1, hour: 12, microsecond: 123_000)),
        (-1, SQLDateTime(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59, microsecond: 999_000)),
        (-1_000, SQLDateTime(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59)),
    ]

    @Test("Unix milliseconds convert both ways, rounding down before 1970", arguments: unixMillisecondCases)
    func unixMilliseconds(milliseconds: Int64, dateTime: SQLDateTime) {
        #expect(SQLDateTime(unixMilliseconds: milliseconds) == dateTime)
        #expect(dateTime.unixMilliseconds == milliseconds)
    }

    @Test("typed row accessors convert or throw an error naming the column")
    func rowAccessors() throws {
        let columns = SQLColumns(names: ["id", "name", "price", "paid", "born", "at", "photo", "nothing", "big"])
        let row = SQLRow(columns: columns, values: [
            .int(7), .text("Ana"), .decimal("10.50"), .int(1), .date(SQLDate(year: 2000, month: 1, day: 2)),
            .dateTime(SQLDateTime(year: 2024, month: 1, day: 1)), .blob([0, 1]), .null, .uint(UInt64.max),
        ])
        #expect(try row.int("id") == 7)
        #expect(try row.optionalInt("nothing") == nil)
        #expect(try row.string("name") == "Ana")
        #expect(try row.optionalString("nothing") == nil)
        #expect(try row.decimalString("price") == "10.50")
        #expect(try row.decimalString("id") == "7")
        #expect(try row.bool("paid"))
        #expect(try row.double("id") == 7)
        #expect(try row.date("born") == SQLDate(year: 2000, month: 1, day: 2))
        #expect(try row.dateTime("at") == SQLDateTime(year: 2024, month: 1, day: 1))
        #expect(try row.bytes("photo") == [0, 1])
        #expect(row[column: "name"] == .text("Ana"))
        #expect(row[column: "missing"] == nil)
        #expect(row[1] == .text("Ana"))

        #expect { try row.int("name") } throws: { ($0 as? MariaDBError)?.kind == .decoding(column: "name") }
        #expect { try row.int("missing") } throws: { ($0 as? MariaDBError)?.kind == .decoding(column: "missing") }
        #expect { try row.string("nothing") } throws: { ($0 as? MariaDBError)?.kind == .decoding(column: "nothing") }
        #expect { try row.int("big") } throws: { ($0 as? MariaDBError)?.kind == .decoding(column: "big") }
    }

    @Test("the configuration never shows the password")
    func configurationHidesPassword() {
        let configuration = MariaDBConfiguration(socket: "/run/db.sock", user: "app", password: "s3cr3t-pw", database: "monitor")
        #expect(configuration.port == 3306)
        #expect(configuration.connectTimeoutSeconds == 3)
        #expect(configuration.readTimeoutSeconds == 30)
        #expect(configuration.writeTimeoutSeconds == 30)
        #expect(!configuration.usesTCP)
        #expect(!configuration.description.contains("s3cr3t"))
        #expect(!String(reflecting: configuration).contains("s3cr3t"))
        var dumped = ""
        dump(configuration, to: &dumped)
        #expect(!dumped.contains("s3cr3t"))
        #expect(configuration.description.contains("/run/db.sock"))
        let tcp = MariaDBConfiguration(host: "db.internal", user: "app", password: "s3cr3t-pw")
        #expect(tcp.usesTCP)
        #expect(tcp.description.contains("db.internal:3306"))
    }
}
