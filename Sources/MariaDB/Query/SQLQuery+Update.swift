extension SQLQuery {
    /// A partial update: `UPDATE <table> SET c1 = ?, c2 = ? WHERE <condition>` over the assignments whose value is
    /// present (`nil` keeps the column; `.null` stores NULL), or nil when none is. `table` and the column names are
    /// trusted identifiers written in code, never user input.
    public static func update(_ table: String, set assignments: [(column: String, value: SQLValue?)],
                              where condition: SQLQuery) -> SQLQuery? {
        let present = assignments.compactMap { column, value in value.map { (column, $0) } }
        guard !present.isEmpty else { return nil }
        var query = SQLQuery(unsafeSQL: "UPDATE \(table) SET " + present.map { "\($0.0) = ?" }.joined(separator: ", ")
                                 + " WHERE ", binds: present.map(\.1))
        query.append(condition)
        return query
    }
}
