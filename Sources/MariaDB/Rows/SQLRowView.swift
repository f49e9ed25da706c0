internal import CMariaDB

/// One fetched row read in place from its statement's bound result buffers (`MariaDBConnection.forEachRow`):
/// each column's kind, NULL flag, scalar or raw bytes, without building an `SQLValue`, a `String` or an array.
///
/// Valid only inside the call that hands it over: the next fetch overwrites the buffers, so it is noncopyable and
/// lent (`borrowing`), and `bytes(_:)` must not outlive the call either. Columns are addressed by position; resolve
/// names once per result (`columns.index(of:)`), not per row. Reading a column as another kind than `kind(_:)`
/// says is a programming error (checked in debug builds; a date read from a non-date column traps always).
public struct SQLRowView: ~Copyable {
    let buffers: ResultBuffers
    /// The number of rows of the result set this row belongs to.
    public let resultRowCount: Int

    init(buffers: ResultBuffers, resultRowCount: Int) {
        self.buffers = buffers
        self.resultRowCount = resultRowCount
    }

    /// The result's column names (the same instance for every row of every execution of one statement shape).
    public var columns: SQLColumns { buffers.columns }

    /// The number of columns.
    public var count: Int { buffers.count }

    /// How column `column` is read.
    @inline(__always)
    public func kind(_ column: Int) -> SQLColumnKind {
        buffers.kinds[column]
    }

    /// Whether column `column` is SQL NULL (check it first: a NULL column's buffer holds an earlier row's bytes).
    @inline(__always)
    public func isNull(_ column: Int) -> Bool {
        buffers.isNull(column)
    }

    /// A `.signed` column's value.
    public func int64(_ column: Int) -> Int64 {
        assert(kind(column) == .signed, "column \(column) is \(kind(column)), not signed")
        return buffers.storage(column).loadUnaligned(as: Int64.self)
    }

    /// An `.unsigned` column's value.
    public func uint64(_ column: Int) -> UInt64 {
        assert(kind(column) == .unsigned, "column \(column) is \(kind(column)), not unsigned")
        return buffers.storage(column).loadUnaligned(as: UInt64.self)
    }

    /// A `.double` column's value.
    public func double(_ column: Int) -> Double {
        assert(kind(column) == .double, "column \(column) is \(kind(column)), not double")
        return buffers.storage(column).loadUnaligned(as: Double.self)
    }

    /// The bytes of a `.text` (UTF-8), `.decimal` (ASCII digits) or `.blob` column: exactly the value's length,
    /// never NUL-terminated, valid only during the call that lent the row.
    public func bytes(_ column: Int) -> UnsafeRawBufferPointer {
        assert(kind(column).isVariableLength, "column \(column) is \(kind(column)), not text, decimal or blob")
        return buffers.bytes(column)
    }

    /// A `.date` column's value.
    public func date(_ column: Int) -> SQLDate {
        MYSQLTimeConversion.date(temporal(column, .date))
    }

    /// A `.dateTime` column's value.
    public func dateTime(_ column: Int) -> SQLDateTime {
        MYSQLTimeConversion.dateTime(temporal(column, .dateTime))
    }

    /// A `.time` column's value.
    public func time(_ column: Int) -> SQLTime {
        MYSQLTimeConversion.time(temporal(column, .time))
    }

    /// Column `column` as an `SQLValue` (what `SQLRow` holds), for the odd column a caller wants as a value.
    public func value(_ column: Int) -> SQLValue {
        buffers.value(at: column)
    }

    /// The row as an `SQLRow` (its values copied out of the buffers).
    func sqlRow() -> SQLRow {
        var values: [SQLValue] = []
        values.reserveCapacity(buffers.count)
        for index in 0..<buffers.count {
            values.append(buffers.value(at: index))
        }
        return SQLRow(columns: buffers.columns, values: values)
    }

    /// The `MYSQL_TIME` of a temporal column; the kind is checked always, since the buffer of another kind is
    /// smaller than a `MYSQL_TIME`.
    private func temporal(_ column: Int, _ expected: SQLColumnKind) -> MYSQL_TIME {
        precondition(kind(column) == expected, "column \(column) is \(kind(column)), not \(expected)")
        return buffers.storage(column).load(as: MYSQL_TIME.self)
    }
}
