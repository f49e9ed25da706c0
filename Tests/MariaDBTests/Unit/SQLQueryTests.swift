import MariaDB
import Testing

@Suite("SQLQuery interpolation")
struct SQLQueryTests {
    @Test("values become placeholders and binds, in order")
    func valuesBecomeBinds() {
        let id = 42
        let name = "Ñandú 🦙"
        let missing: Int? = nil
        let query: SQLQuery = "SELECT * FROM t WHERE id = \(id) AND name = \(name) AND active = \(true) AND x = \(missing)"
        #expect(query.sql == "SELECT * FROM t WHERE id = ? AND name = ? AND active = ? AND x = ?")
        #expect(query.binds == [.int(42), .text("Ñandú 🦙"), .int(1), .null])
    }

    @Test("a partial update sets only the present assignments, NULL included, then the condition's binds")
    func partialUpdate() {
        let query = SQLQuery.update("t", set: [("a", .text("x")), ("b", nil), ("c", .null)], where: "id = \(7) AND d IS NULL")
        #expect(query?.sql == "UPDATE t SET a = ?, c = ? WHERE id = ? AND d IS NULL")
        #expect(query?.binds == [.text("x"), .null, .int(7)])
        #expect(SQLQuery.update("t", set: [("a", nil)], where: "id = \(7)") == nil)
    }

    @Test("every bindable type maps to its SQLValue")
    func bindableTypes() {
        let date = SQLDate(year: 2024, month: 2, day: 29)
        let dateTime = SQLDateTime(year: 2024, month: 12, day: 31, hour: 23, minute: 59, second: 58, microsecond: 123_456)
        let time = SQLTime(negative: true, hours: 100, minutes: 2, seconds: 3, microseconds: 4)
        let bytes: [UInt8] = [0, 1, 0, 255]
        let optionalText: String? = "x"
        let query: SQLQuery = """
            \(Int(-1)) \(Int64.min) \(Int32(7)) \(UInt(8)) \(UInt64.max) \(false) \(2.5) \("t") \(bytes) \
            \(date) \(dateTime) \(time) \(SQLDecimal("12345678.90")) \(optionalText) \(SQLValue.uint(3))
            """
        #expect(query.sql == "? ? ? ? ? ? ? ? ? ? ? ? ? ? ?")
        #expect(query.binds == [
            .int(-1), .int(Int64.min), .int(7), .uint(8), .uint(UInt64.max), .int(0), .double(2.5), .text("t"),
            .blob([0, 1, 0, 255]), .date(date), .dateTime(dateTime), .time(time), .decimal("12345678.90"),
            .text("x"), .uint(3),
        ])
    }

    @Test("nil of every optional type binds NULL")
    func nilBindsNull() {
        let values: (Int?, String?, [UInt8]?, SQLDate?, SQLDecimal?, Double?) = (nil, nil, nil, nil, nil, nil)
        let query: SQLQuery = "\(values.0),\(values.1),\(values.2),\(values.3),\(values.4),\(values.5)"
        #expect(query.sql == "?,?,?,?,?,?")
        #expect(query.binds == Array(repeating: .null, count: 6))
    }

    @Test("identifiers are backtick-quoted with inner backticks doubled")
    func identifiers() {
        let query: SQLQuery = "SELECT \(ident: "name") FROM \(ident: "we`ird``table") WHERE 1"
        #expect(query.sql == "SELECT `name` FROM `we``ird````table` WHERE 1")
        #expect(query.binds.isEmpty)
        #expect(SQLQuery.quoteIdentifier("a b") == "`a b`")
    }

    @Test("unsafeRaw is spliced verbatim and binds nothing")
    func unsafeRaw() {
        let direction = "DESC"
        let query: SQLQuery = "SELECT 1 ORDER BY id \(unsafeRaw: direction) LIMIT \(5)"
        #expect(query.sql == "SELECT 1 ORDER BY id DESC LIMIT ?")
        #expect(query.binds == [.int(5)])
    }

    @Test("lists expand to one placeholder per value; an empty list is NULL")
    func lists() {
        let ids = [3, 1, 2]
        let query: SQLQuery = "SELECT * FROM t WHERE id IN (\(list: ids)) AND code IN (\(list: ["a", "b"]))"
        #expect(query.sql == "SELECT * FROM t WHERE id IN (?, ?, ?) AND code IN (?, ?)")
        #expect(query.binds == [.int(3), .int(1), .int(2), .text("a"), .text("b")])

        let none: [Int] = []
        let empty: SQLQuery = "SELECT * FROM t WHERE id IN (\(list: none))"
        #expect(empty.sql == "SELECT * FROM t WHERE id IN (NULL)")
        #expect(empty.binds.isEmpty)
    }

    @Test("a list longer than reusableListLength makes the query one-off, through fragments and append too")
    func longListsAreNotReusable() {
        let short = Array(1...SQLQuery.reusableListLength)
        let long = Array(0...SQLQuery.reusableListLength)
        let kept: SQLQuery = "SELECT * FROM t WHERE id IN (\(list: short)) AND x = \(1)"
        #expect(kept.isReusable)
        let oneOff: SQLQuery = "SELECT * FROM t WHERE id IN (\(list: long))"
        #expect(!oneOff.isReusable)
        #expect(oneOff.binds.count == long.count)
        let composed: SQLQuery = "SELECT * FROM t WHERE \(fragment: oneOff)"
        #expect(!composed.isReusable)
        var appended: SQLQuery = "SELECT 1"
        appended.append(oneOff)
        #expect(!appended.isReusable)
        #expect(SQLQuery(unsafeSQL: "SELECT 1").isReusable)
    }

    @Test("fragments and append compose text and binds")
    func composition() {
        let filter: SQLQuery = " AND state = \("open")"
        var query: SQLQuery = "SELECT * FROM t WHERE owner = \(7)\(fragment: filter)"
        query.append(" LIMIT \(10)")
        #expect(query.sql == "SELECT * FROM t WHERE owner = ? AND state = ? LIMIT ?")
        #expect(query.binds == [.int(7), .text("open"), .int(10)])
    }

    @Test("a plain literal has no binds, and the description never shows bound values")
    func literalAndDescription() {
        let plain: SQLQuery = "SELECT 1"
        #expect(plain.sql == "SELECT 1")
        #expect(plain.binds.isEmpty)
        let secret = "hunter2"
        let query: SQLQuery = "UPDATE users SET password = \(secret)"
        #expect(query.description == "UPDATE users SET password = ?")
        #expect(!"\(query)".contains(secret))
    }
}
