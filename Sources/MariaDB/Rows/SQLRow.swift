/// One result row: the shared column names and this row's values.
public struct SQLRow: Sendable {
    /// The result set's columns (the same instance for every row of the set).
    public let columns: SQLColumns
    /// The values, in column order.
    public let values: [SQLValue]

    /// Creates a row; `values` must have one value per column.
    public init(columns: SQLColumns, values: [SQLValue]) {
        precondition(columns.count == values.count, "SQLRow needs one value per column")
        self.columns = columns
        self.values = values
    }

    /// The value of the column called `column`, or nil when there is no such column.
    public subscript(column column: String) -> SQLValue? {
        columns.index(of: column).map { values[$0] }
    }

    /// The value at `index` in column order.
    public subscript(index: Int) -> SQLValue {
        values[index]
    }

    /// The value of `column`, or a decoding error naming it when the column is missing.
    public func value(_ column: String) throws(MariaDBError) -> SQLValue {
        guard let index = columns.index(of: column) else {
            throw MariaDBError(kind: .decoding(column: column), message: "no column named '\(column)' in the result")
        }
        return values[index]
    }
}
