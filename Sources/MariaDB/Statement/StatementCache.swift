/// A connection's prepared statements keyed by SQL text, bounded, evicting the least recently used.
struct StatementCache {
    /// The most statements kept open on the server at once.
    let capacity: Int
    private var statements: [String: PreparedStatement] = [:]
    private var clock: UInt64 = 0

    init(capacity: Int) {
        precondition(capacity > 0, "statement cache capacity must be positive")
        self.capacity = capacity
    }

    /// The number of cached statements.
    var count: Int { statements.count }

    /// The cached statement for `sql`, marked as just used.
    mutating func statement(for sql: String) -> PreparedStatement? {
        guard let statement = statements[sql] else { return nil }
        clock += 1
        statement.lastUsed = clock
        return statement
    }

    /// Caches `statement`, closing the least recently used one when full.
    mutating func insert(_ statement: PreparedStatement) {
        if statements.count >= capacity, let oldest = statements.values.min(by: { $0.lastUsed < $1.lastUsed }) {
            statements[oldest.sql] = nil
            oldest.close()
        }
        clock += 1
        statement.lastUsed = clock
        statements[statement.sql] = statement
    }

    /// Closes and forgets the statement for `sql`, if cached.
    mutating func remove(_ sql: String) {
        statements.removeValue(forKey: sql)?.close()
    }

    /// Closes and forgets every statement.
    mutating func removeAll() {
        for statement in statements.values {
            statement.close()
        }
        statements.removeAll()
    }
}
