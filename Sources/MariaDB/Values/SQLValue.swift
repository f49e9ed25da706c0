/// One typed value sent as a statement parameter or read from a result column.
public enum SQLValue: Sendable, Hashable {
    /// SQL `NULL`.
    case null
    /// A signed integer column or parameter.
    case int(Int64)
    /// An `UNSIGNED` integer column or parameter.
    case uint(UInt64)
    /// A `DOUBLE` or `FLOAT`.
    case double(Double)
    /// A `DECIMAL`, exact, as decimal text.
    case decimal(String)
    /// Character data (utf8mb4).
    case text(String)
    /// Binary data (`BLOB`, `VARBINARY`, `BINARY`, or anything with the binary collation).
    case blob([UInt8])
    /// A `DATE`.
    case date(SQLDate)
    /// A `DATETIME` or `TIMESTAMP`.
    case dateTime(SQLDateTime)
    /// A `TIME`.
    case time(SQLTime)

    /// Whether the value is SQL `NULL`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// A short name of the case, for error messages that must not carry the value itself.
    var kindName: String {
        switch self {
        case .null: "NULL"
        case .int: "int"
        case .uint: "uint"
        case .double: "double"
        case .decimal: "decimal"
        case .text: "text"
        case .blob: "blob"
        case .date: "date"
        case .dateTime: "dateTime"
        case .time: "time"
        }
    }
}
