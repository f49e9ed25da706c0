extension SQLRow {
    /// A non-NULL signed or unsigned integer column as `Int`.
    public func int(_ column: String) throws(MariaDBError) -> Int {
        try required(column, "integer", optionalInt)
    }

    /// An integer column as `Int`, nil for NULL.
    public func optionalInt(_ column: String) throws(MariaDBError) -> Int? {
        try decode(column, "integer") { value in
            switch value {
            case .int(let number): Int(exactly: number)
            case .uint(let number): Int(exactly: number)
            default: nil
            }
        }
    }

    /// A non-NULL text column.
    public func string(_ column: String) throws(MariaDBError) -> String {
        try required(column, "text", optionalString)
    }

    /// A text column, nil for NULL.
    public func optionalString(_ column: String) throws(MariaDBError) -> String? {
        try decode(column, "text") { value in
            if case .text(let text) = value { return text }
            return nil
        }
    }

    /// A non-NULL `DOUBLE`/`FLOAT` (or integer) column.
    public func double(_ column: String) throws(MariaDBError) -> Double {
        try required(column, "double", optionalDouble)
    }

    /// A `DOUBLE`/`FLOAT` (or integer) column, nil for NULL.
    public func optionalDouble(_ column: String) throws(MariaDBError) -> Double? {
        try decode(column, "double") { value in
            switch value {
            case .double(let number): number
            case .int(let number): Double(number)
            case .uint(let number): Double(number)
            default: nil
            }
        }
    }

    /// A non-NULL integer column read as a boolean (0 is false, anything else true).
    public func bool(_ column: String) throws(MariaDBError) -> Bool {
        try required(column, "boolean", optionalBool)
    }

    /// An integer column read as a boolean, nil for NULL.
    public func optionalBool(_ column: String) throws(MariaDBError) -> Bool? {
        try decode(column, "boolean") { value in
            switch value {
            case .int(let number): number != 0
            case .uint(let number): number != 0
            default: nil
            }
        }
    }

    /// A non-NULL `DATE` column.
    public func date(_ column: String) throws(MariaDBError) -> SQLDate {
        try required(column, "date", optionalDate)
    }

    /// A `DATE` column, nil for NULL.
    public func optionalDate(_ column: String) throws(MariaDBError) -> SQLDate? {
        try decode(column, "date") { value in
            if case .date(let date) = value { return date }
            return nil
        }
    }

    /// A non-NULL `DATETIME`/`TIMESTAMP` column.
    public func dateTime(_ column: String) throws(MariaDBError) -> SQLDateTime {
        try required(column, "dateTime", optionalDateTime)
    }

    /// A `DATETIME`/`TIMESTAMP` column, nil for NULL.
    public func optionalDateTime(_ column: String) throws(MariaDBError) -> SQLDateTime? {
        try decode(column, "dateTime") { value in
            if case .dateTime(let dateTime) = value { return dateTime }
            return nil
        }
    }

    /// A non-NULL `TIME` column.
    public func time(_ column: String) throws(MariaDBError) -> SQLTime {
        try required(column, "time", optionalTime)
    }

    /// A `TIME` column, nil for NULL.
    public func optionalTime(_ column: String) throws(MariaDBError) -> SQLTime? {
        try decode(column, "time") { value in
            if case .time(let time) = value { return time }
            return nil
        }
    }

    /// A non-NULL `DECIMAL` (or integer) column as exact decimal text.
    public func decimalString(_ column: String) throws(MariaDBError) -> String {
        try required(column, "decimal", optionalDecimalString)
    }

    /// A `DECIMAL` (or integer) column as exact decimal text, nil for NULL.
    public func optionalDecimalString(_ column: String) throws(MariaDBError) -> String? {
        try decode(column, "decimal") { value in
            switch value {
            case .decimal(let text): text
            case .int(let number): String(number)
            case .uint(let number): String(number)
            default: nil
            }
        }
    }

    /// A non-NULL binary (or text, as UTF-8) column as bytes.
    public func bytes(_ column: String) throws(MariaDBError) -> [UInt8] {
        try required(column, "bytes", optionalBytes)
    }

    /// A binary (or text, as UTF-8) column as bytes, nil for NULL.
    public func optionalBytes(_ column: String) throws(MariaDBError) -> [UInt8]? {
        try decode(column, "bytes") { value in
            switch value {
            case .blob(let bytes): bytes
            case .text(let text): Array(text.utf8)
            default: nil
            }
        }
    }

    /// Reads `column`: nil for NULL, `convert`'s result otherwise, and a decoding error when it returns nil.
    private func decode<T>(_ column: String, _ expected: String, _ convert: (SQLValue) -> T?) throws(MariaDBError) -> T? {
        let value = try value(column)
        if value.isNull {
            return nil
        }
        guard let converted = convert(value) else {
            throw MariaDBError(kind: .decoding(column: column),
                               message: "column '\(column)' holds \(value.kindName), expected \(expected)")
        }
        return converted
    }

    /// Reads `column` with an optional accessor and turns NULL into a decoding error.
    private func required<T>(_ column: String, _ expected: String,
                             _ read: (String) throws(MariaDBError) -> T?) throws(MariaDBError) -> T {
        guard let value = try read(column) else {
            throw MariaDBError(kind: .decoding(column: column), message: "column '\(column)' is NULL, expected \(expected)")
        }
        return value
    }
}
