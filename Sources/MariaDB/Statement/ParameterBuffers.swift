internal import CMariaDB

/// Stable heap storage for one statement's parameter binds: the `MYSQL_BIND` array, lengths and value bytes.
///
/// libmariadb keeps the `buffer` and `length` pointers from `mysql_stmt_bind_param` until `mysql_stmt_execute`
/// has sent them, so they must not be Swift temporaries; this storage lives as long as its statement and is reused.
final class ParameterBuffers {
    /// The number of parameters.
    let count: Int
    /// The bind array passed to `mysql_stmt_bind_param`.
    let binds: UnsafeMutablePointer<MYSQL_BIND>
    private let lengths: UnsafeMutablePointer<UInt>
    private var storage: UnsafeMutableRawPointer
    /// The bytes of value storage held now.
    private(set) var storageCapacity: Int

    /// Parameter value bytes above this size are released after use instead of kept for the next execution.
    static let retainedCapacity = 64 * 1024

    init(count: Int) {
        self.count = count
        binds = .allocate(capacity: count)
        binds.initialize(repeating: MYSQL_BIND(), count: count)
        lengths = .allocate(capacity: count)
        lengths.initialize(repeating: 0, count: count)
        storageCapacity = max(256, count * 16)
        storage = .allocate(byteCount: storageCapacity, alignment: 16)
    }

    deinit {
        binds.deinitialize(count: count)
        binds.deallocate()
        lengths.deallocate()
        storage.deallocate()
    }

    /// Fills the bind array from `values` (exactly `count` of them), copying every value into owned storage.
    func fill(with values: [SQLValue]) {
        precondition(values.count == count, "parameter count mismatch")
        reserve(values.reduce(0) { $0 + Self.alignedSize(of: $1) })
        var offset = 0
        for (index, value) in values.enumerated() {
            let target = storage + offset
            var bind = MYSQL_BIND()
            bind.length = lengths + index
            switch value {
            case .null:
                bind.buffer_type = MYSQL_TYPE_NULL
            case .int(let number):
                target.storeBytes(of: number, as: Int64.self)
                bind.buffer_type = MYSQL_TYPE_LONGLONG
            case .uint(let number):
                target.storeBytes(of: number, as: UInt64.self)
                bind.buffer_type = MYSQL_TYPE_LONGLONG
                bind.is_unsigned = 1
            case .double(let number):
                target.storeBytes(of: number, as: Double.self)
                bind.buffer_type = MYSQL_TYPE_DOUBLE
            case .decimal(let text):
                bind.buffer_type = MYSQL_TYPE_NEWDECIMAL
                lengths[index] = UInt(Self.copyUTF8(text, to: target))
            case .text(let text):
                bind.buffer_type = MYSQL_TYPE_STRING
                lengths[index] = UInt(Self.copyUTF8(text, to: target))
            case .blob(let bytes):
                bind.buffer_type = MYSQL_TYPE_BLOB
                bytes.withUnsafeBytes { source in
                    if let base = source.baseAddress {
                        target.copyMemory(from: base, byteCount: source.count)
                    }
                }
                lengths[index] = UInt(bytes.count)
            case .date(let date):
                bind.buffer_type = MYSQL_TYPE_DATE
                target.storeBytes(of: MYSQLTimeConversion.mysqlTime(date), as: MYSQL_TIME.self)
            case .dateTime(let dateTime):
                bind.buffer_type = MYSQL_TYPE_DATETIME
                target.storeBytes(of: MYSQLTimeConversion.mysqlTime(dateTime), as: MYSQL_TIME.self)
            case .time(let time):
                bind.buffer_type = MYSQL_TYPE_TIME
                target.storeBytes(of: MYSQLTimeConversion.mysqlTime(time), as: MYSQL_TIME.self)
            }
            bind.buffer = target
            bind.buffer_length = lengths[index]
            binds[index] = bind
            offset += Self.alignedSize(of: value)
        }
    }

    /// Gives back storage grown for an unusually large parameter (a big blob, say).
    func releaseOversizedStorage() {
        guard storageCapacity > Self.retainedCapacity else { return }
        storage.deallocate()
        storageCapacity = max(256, count * 16)
        storage = .allocate(byteCount: storageCapacity, alignment: 16)
    }

    private func reserve(_ byteCount: Int) {
        guard byteCount > storageCapacity else { return }
        storage.deallocate()
        storageCapacity = max(byteCount, storageCapacity * 2)
        storage = .allocate(byteCount: storageCapacity, alignment: 16)
    }

    /// The bytes a value takes in storage, rounded up to 16 so every `MYSQL_TIME`/`Int64` stays aligned.
    private static func alignedSize(of value: SQLValue) -> Int {
        let size = switch value {
        case .null: 0
        case .int, .uint, .double: 8
        case .decimal(let text), .text(let text): text.utf8.count
        case .blob(let bytes): bytes.count
        case .date, .dateTime, .time: MemoryLayout<MYSQL_TIME>.size
        }
        return (size + 15) & ~15
    }

    private static func copyUTF8(_ text: String, to target: UnsafeMutableRawPointer) -> Int {
        var text = text
        return text.withUTF8 { source in
            if let base = source.baseAddress {
                target.copyMemory(from: base, byteCount: source.count)
            }
            return source.count
        }
    }
}
