/// A Swift value that can be sent to MariaDB as a typed statement parameter.
public protocol SQLBindable {
    /// The parameter value to bind.
    var sqlValue: SQLValue { get }
}

extension SQLValue: SQLBindable {
    /// The value itself.
    public var sqlValue: SQLValue { self }
}

extension Int: SQLBindable {
    /// Binds as a signed `BIGINT`.
    public var sqlValue: SQLValue { .int(Int64(self)) }
}

extension Int64: SQLBindable {
    /// Binds as a signed `BIGINT`.
    public var sqlValue: SQLValue { .int(self) }
}

extension Int32: SQLBindable {
    /// Binds as a signed `BIGINT`.
    public var sqlValue: SQLValue { .int(Int64(self)) }
}

extension Int16: SQLBindable {
    /// Binds as a signed `BIGINT`.
    public var sqlValue: SQLValue { .int(Int64(self)) }
}

extension UInt: SQLBindable {
    /// Binds as an unsigned `BIGINT`.
    public var sqlValue: SQLValue { .uint(UInt64(self)) }
}

extension UInt64: SQLBindable {
    /// Binds as an unsigned `BIGINT`.
    public var sqlValue: SQLValue { .uint(self) }
}

extension UInt32: SQLBindable {
    /// Binds as an unsigned `BIGINT`.
    public var sqlValue: SQLValue { .uint(UInt64(self)) }
}

extension Bool: SQLBindable {
    /// Binds as the integer 1 or 0 (MariaDB's `BOOLEAN` is `TINYINT(1)`).
    public var sqlValue: SQLValue { .int(self ? 1 : 0) }
}

extension Double: SQLBindable {
    /// Binds as a `DOUBLE`.
    public var sqlValue: SQLValue { .double(self) }
}

extension String: SQLBindable {
    /// Binds as utf8mb4 text.
    public var sqlValue: SQLValue { .text(self) }
}

extension Substring: SQLBindable {
    /// Binds as utf8mb4 text.
    public var sqlValue: SQLValue { .text(String(self)) }
}

extension Array: SQLBindable where Element == UInt8 {
    /// Binds as a `BLOB`.
    public var sqlValue: SQLValue { .blob(self) }
}

extension SQLDate: SQLBindable {
    /// Binds as a `DATE`.
    public var sqlValue: SQLValue { .date(self) }
}

extension SQLDateTime: SQLBindable {
    /// Binds as a `DATETIME` with microseconds.
    public var sqlValue: SQLValue { .dateTime(self) }
}

extension SQLTime: SQLBindable {
    /// Binds as a `TIME` with microseconds.
    public var sqlValue: SQLValue { .time(self) }
}

extension SQLDecimal: SQLBindable {
    /// Binds as an exact `DECIMAL` (sent as its text).
    public var sqlValue: SQLValue { .decimal(string) }
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    /// Binds the wrapped value, or `NULL` for `nil`.
    public var sqlValue: SQLValue {
        switch self {
        case .none: .null
        case .some(let value): value.sqlValue
        }
    }
}
