internal import CMariaDB

/// Stable heap storage for fetching one result shape: `MYSQL_BIND`s, lengths, NULL and error flags, buffers.
///
/// `mysql_stmt_bind_result` keeps every pointer until the next bind, so all of them come from `.allocate`.
/// Variable-length columns start at 256 bytes and grow when a value is truncated (see `grow(_:to:)`).
final class ResultBuffers {
    /// The column shapes this storage was built for.
    let layout: [ResultColumn]
    /// The shared column names handed to every row.
    let columns: SQLColumns
    /// The bind array passed to `mysql_stmt_bind_result`.
    let binds: UnsafeMutablePointer<MYSQL_BIND>
    /// The number of columns.
    let count: Int
    /// Each column's kind (the layout's, without the names, read once per value by `SQLRowView`).
    let kinds: [SQLColumnKind]
    /// The variable-length columns: the only ones a fetch can truncate (`needsGrowth`).
    let variableLengthColumns: [Int]
    private let lengths: UnsafeMutablePointer<UInt>
    private let nulls: UnsafeMutablePointer<my_bool>
    private let errors: UnsafeMutablePointer<my_bool>
    private let nameBytes: [[UInt8]]
    private var buffers: [UnsafeMutableRawPointer]
    private var capacities: [Int]

    /// Column buffers grown above this size are shrunk back after the result set has been read.
    static let retainedCapacity = 64 * 1024

    init(layout: [ResultColumn]) {
        self.layout = layout
        columns = SQLColumns(names: layout.map(\.name))
        nameBytes = layout.map { Array($0.name.utf8) }
        count = layout.count
        kinds = layout.map(\.kind)
        variableLengthColumns = layout.indices.filter { layout[$0].kind.isVariableLength }
        binds = .allocate(capacity: count)
        binds.initialize(repeating: MYSQL_BIND(), count: count)
        lengths = .allocate(capacity: count)
        lengths.initialize(repeating: 0, count: count)
        nulls = .allocate(capacity: count)
        nulls.initialize(repeating: 0, count: count)
        errors = .allocate(capacity: count)
        errors.initialize(repeating: 0, count: count)
        capacities = layout.map(\.kind.initialCapacity)
        buffers = capacities.map { UnsafeMutableRawPointer.allocate(byteCount: $0, alignment: 16) }
        for index in 0..<count {
            let kind = layout[index].kind
            binds[index].buffer_type = kind.bufferType
            binds[index].is_unsigned = kind == .unsigned ? 1 : 0
            binds[index].length = lengths + index
            binds[index].is_null = nulls + index
            binds[index].error = errors + index
            attachBuffer(index)
        }
    }

    deinit {
        for buffer in buffers {
            buffer.deallocate()
        }
        binds.deinitialize(count: count)
        binds.deallocate()
        lengths.deallocate()
        nulls.deallocate()
        errors.deallocate()
    }

    /// Whether `fields` (the current result's metadata) has exactly this storage's shape: the same count, and
    /// each column the same kind and the same name bytes (compared in place, no `String` is built).
    func matches(_ fields: UnsafeMutablePointer<MYSQL_FIELD>, count fieldCount: Int) -> Bool {
        guard fieldCount == count else { return false }
        for index in 0..<count {
            let field = fields[index]
            guard SQLColumnKind(field: field) == layout[index].kind, let name = field.name else { return false }
            let length = Int(field.name_length)
            let stored = nameBytes[index]
            guard stored.count == length else { return false }
            for offset in 0..<length where stored[offset] != UInt8(bitPattern: name[offset]) {
                return false
            }
        }
        return true
    }

    /// Whether column `index` was truncated in the last fetch and must be grown and fetched again.
    func needsGrowth(_ index: Int) -> Bool {
        kinds[index].isVariableLength && nulls[index] == 0 && Int(lengths[index]) > capacities[index]
    }

    /// Whether column `index` is NULL in the current row (its buffer then still holds an earlier row's bytes).
    @inline(__always)
    func isNull(_ index: Int) -> Bool {
        nulls[index] != 0
    }

    /// The start of column `index`'s buffer: a fixed-size value (integer, double, `MYSQL_TIME`) is read from it.
    @inline(__always)
    func storage(_ index: Int) -> UnsafeRawPointer {
        UnsafeRawPointer(buffers[index])
    }

    /// The full length of column `index` in the last fetch.
    func fetchedLength(_ index: Int) -> Int {
        Int(lengths[index])
    }

    /// Replaces the buffer of column `index` by one of at least `byteCount` bytes (binds must be redone).
    func grow(_ index: Int, to byteCount: Int) {
        replaceBuffer(index, capacity: max(byteCount, capacities[index] * 2))
    }

    /// The bytes the buffer of column `index` holds now.
    func capacity(ofColumn index: Int) -> Int {
        capacities[index]
    }

    /// Shrinks column buffers that grew beyond the retained size; returns whether any changed.
    @discardableResult
    func releaseOversizedBuffers() -> Bool {
        var changed = false
        for index in 0..<count where capacities[index] > Self.retainedCapacity {
            replaceBuffer(index, capacity: layout[index].kind.initialCapacity)
            changed = true
        }
        return changed
    }

    /// The value of column `index` in the current row; the NULL flag is checked before the buffer is read,
    /// because a NULL leaves the previous row's bytes in it.
    func value(at index: Int) -> SQLValue {
        if nulls[index] != 0 {
            return .null
        }
        let buffer = UnsafeRawPointer(buffers[index])
        switch kinds[index] {
        case .signed:
            return .int(buffer.loadUnaligned(as: Int64.self))
        case .unsigned:
            return .uint(buffer.loadUnaligned(as: UInt64.self))
        case .double:
            return .double(buffer.loadUnaligned(as: Double.self))
        case .decimal:
            return .decimal(String(decoding: bytes(index), as: UTF8.self))
        case .text:
            return .text(String(decoding: bytes(index), as: UTF8.self))
        case .blob:
            return .blob(Array(bytes(index)))
        case .date:
            return .date(MYSQLTimeConversion.date(buffer.load(as: MYSQL_TIME.self)))
        case .dateTime:
            return .dateTime(MYSQLTimeConversion.dateTime(buffer.load(as: MYSQL_TIME.self)))
        case .time:
            return .time(MYSQLTimeConversion.time(buffer.load(as: MYSQL_TIME.self)))
        }
    }

    /// The bytes of a variable-length value: exactly `*length` of them (never up to a NUL; never terminated).
    @inline(__always)
    func bytes(_ index: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: buffers[index], count: min(Int(lengths[index]), capacities[index]))
    }

    private func replaceBuffer(_ index: Int, capacity: Int) {
        buffers[index].deallocate()
        buffers[index] = .allocate(byteCount: capacity, alignment: 16)
        capacities[index] = capacity
        attachBuffer(index)
    }

    private func attachBuffer(_ index: Int) {
        binds[index].buffer = buffers[index]
        binds[index].buffer_length = UInt(capacities[index])
    }
}
