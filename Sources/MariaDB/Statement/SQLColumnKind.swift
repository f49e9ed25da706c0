internal import CMariaDB

/// How one result column is bound and read: the `SQLValue` case it becomes, or what `SQLRowView` hands out.
public enum SQLColumnKind: Equatable, Sendable {
    /// A signed integer (`Int64`).
    case signed
    /// An `UNSIGNED` integer (`UInt64`).
    case unsigned
    /// `DOUBLE` or `FLOAT`.
    case double
    /// `DECIMAL`, as its exact decimal text.
    case decimal
    /// Character data (utf8mb4 bytes).
    case text
    /// Binary data.
    case blob
    /// `DATE`.
    case date
    /// `DATETIME` or `TIMESTAMP`.
    case dateTime
    /// `TIME`.
    case time

    /// The kind for a result field, from its type, flags and character set.
    init(field: MYSQL_FIELD) {
        let unsigned = field.flags & UInt32(UNSIGNED_FLAG) != 0
        switch field.type {
        case MYSQL_TYPE_TINY, MYSQL_TYPE_SHORT, MYSQL_TYPE_INT24, MYSQL_TYPE_LONG, MYSQL_TYPE_LONGLONG, MYSQL_TYPE_YEAR:
            self = unsigned ? .unsigned : .signed
        case MYSQL_TYPE_FLOAT, MYSQL_TYPE_DOUBLE:
            self = .double
        case MYSQL_TYPE_DECIMAL, MYSQL_TYPE_NEWDECIMAL:
            self = .decimal
        case MYSQL_TYPE_DATE, MYSQL_TYPE_NEWDATE:
            self = .date
        case MYSQL_TYPE_DATETIME, MYSQL_TYPE_TIMESTAMP, MYSQL_TYPE_DATETIME2, MYSQL_TYPE_TIMESTAMP2:
            self = .dateTime
        case MYSQL_TYPE_TIME, MYSQL_TYPE_TIME2:
            self = .time
        case MYSQL_TYPE_BIT, MYSQL_TYPE_GEOMETRY:
            self = .blob
        default:
            // Character set 63 is `binary`: BLOB, VARBINARY, BINARY and binary expressions.
            self = field.charsetnr == 63 ? .blob : .text
        }
    }

    /// Whether values have a variable length (and so may need a bigger buffer).
    var isVariableLength: Bool {
        switch self {
        case .decimal, .text, .blob: true
        case .signed, .unsigned, .double, .date, .dateTime, .time: false
        }
    }

    /// The `MYSQL_BIND` buffer type used to fetch the column.
    var bufferType: enum_field_types {
        switch self {
        case .signed, .unsigned: MYSQL_TYPE_LONGLONG
        case .double: MYSQL_TYPE_DOUBLE
        case .decimal, .text: MYSQL_TYPE_STRING
        case .blob: MYSQL_TYPE_BLOB
        case .date: MYSQL_TYPE_DATE
        case .dateTime: MYSQL_TYPE_DATETIME
        case .time: MYSQL_TYPE_TIME
        }
    }

    /// The initial buffer size: exact for fixed-size kinds, small for variable ones (grown on truncation).
    var initialCapacity: Int {
        switch self {
        case .signed, .unsigned, .double: 8
        case .date, .dateTime, .time: MemoryLayout<MYSQL_TIME>.size
        case .decimal, .text, .blob: 256
        }
    }
}
