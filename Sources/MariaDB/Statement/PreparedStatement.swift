internal import CMariaDB

/// What one execution of a statement produced.
struct StatementOutcome {
    /// The rows of the first result set (empty when the statement returned none).
    var rows: [SQLRow]
    /// Affected rows of the first status result (0 when there was none).
    var affectedRows: Int
    /// The generated `AUTO_INCREMENT` id of the first status result (0 when none).
    var lastInsertID: Int
}

/// One server-side prepared statement (`MYSQL_STMT`) with its parameter and result buffers.
///
/// Owned by exactly one connection and used on that connection's thread only.
final class PreparedStatement {
    /// The SQL text it was prepared from (the cache key).
    let sql: String
    /// The number of `?` placeholders.
    let parameterCount: Int
    /// A recency stamp for the statement cache.
    var lastUsed: UInt64 = 0

    private var handle: UnsafeMutablePointer<MYSQL_STMT>?
    private let parameters: ParameterBuffers?
    private var results: ResultBuffers?

    /// Prepares `sql` on `mysql`.
    init(sql: String, mysql: UnsafeMutablePointer<MYSQL>) throws(MariaDBError) {
        guard let handle = mysql_stmt_init(mysql) else {
            throw MariaDBError(kind: .other, message: "mysql_stmt_init failed (out of memory)", query: sql)
        }
        let failed = sql.withCString { mysql_stmt_prepare(handle, $0, UInt(sql.utf8.count)) } != 0
        if failed {
            let error = Self.error(of: handle, sql: sql)
            mysql_stmt_close(handle)
            throw error
        }
        self.sql = sql
        self.handle = handle
        parameterCount = Int(mysql_stmt_param_count(handle))
        parameters = parameterCount > 0 ? ParameterBuffers(count: parameterCount) : nil
    }

    deinit {
        close()
    }

    /// Frees the server-side statement; safe to call more than once and after the connection broke.
    func close() {
        if let handle {
            mysql_stmt_close(handle)
            self.handle = nil
        }
    }

    /// Executes with `values` bound, reads the first result set (if any) as `SQLRow`s and drains every later one.
    func execute(_ values: [SQLValue]) throws(MariaDBError) -> StatementOutcome {
        var rows: [SQLRow] = []
        var outcome = try execute(values) { (row: borrowing SQLRowView) throws(MariaDBError) in
            if rows.isEmpty { rows.reserveCapacity(row.resultRowCount) }
            rows.append(row.sqlRow())
        }
        outcome.rows = rows
        return outcome
    }

    /// Executes with `values` bound, hands each row of the first result set (if any) to `visit` in place, in
    /// result order, and drains every later result; the outcome's `rows` stay empty. The set is stored whole on
    /// the client (`mysql_stmt_store_result`) before the first row is handed over.
    func execute(_ values: [SQLValue],
                 visiting visit: (borrowing SQLRowView) throws(MariaDBError) -> Void) throws(MariaDBError) -> StatementOutcome {
        guard let handle else {
            throw MariaDBError(kind: .connectionLost, code: Int32(CR_STMT_CLOSED), message: "statement is closed", query: sql)
        }
        guard values.count == parameterCount else {
            throw MariaDBError(kind: .other,
                               message: "statement has \(parameterCount) placeholders but \(values.count) values were bound",
                               query: sql)
        }
        if let parameters {
            parameters.fill(with: values)
            defer { parameters.releaseOversizedStorage() }
            // The storage stays valid until execute has sent it: both calls happen inside this scope.
            if mysql_stmt_bind_param(handle, parameters.binds) != 0 || mysql_stmt_execute(handle) != 0 {
                throw Self.error(of: handle, sql: sql)
            }
        } else if mysql_stmt_execute(handle) != 0 {
            throw Self.error(of: handle, sql: sql)
        }

        var outcome = StatementOutcome(rows: [], affectedRows: 0, lastInsertID: 0)
        var sawRows = false
        var sawStatus = false
        while true {
            if mysql_stmt_field_count(handle) > 0 {
                if sawRows {
                    try discardResultSet(handle)
                } else {
                    try readResultSet(handle, visit)
                    sawRows = true
                }
            } else if !sawStatus {
                let affected = mysql_stmt_affected_rows(handle)
                outcome.affectedRows = affected == UInt64.max ? 0 : Int(clamping: affected)
                outcome.lastInsertID = Int(clamping: mysql_stmt_insert_id(handle))
                sawStatus = true
            }
            // 0: another result follows; -1: none left; > 0: error.
            let next = mysql_stmt_next_result(handle)
            if next == -1 {
                break
            }
            if next > 0 {
                throw Self.error(of: handle, sql: sql)
            }
        }
        return outcome
    }

    /// Buffers the current result set, binds typed buffers and hands every fetched row to `visit`.
    private func readResultSet(_ handle: UnsafeMutablePointer<MYSQL_STMT>,
                               _ visit: (borrowing SQLRowView) throws(MariaDBError) -> Void) throws(MariaDBError) {
        guard mysql_stmt_store_result(handle) == 0 else {
            throw Self.error(of: handle, sql: sql)
        }
        defer {
            mysql_stmt_free_result(handle)
            results?.releaseOversizedBuffers()
        }
        let buffers = try resultBuffers(handle)
        guard mysql_stmt_bind_result(handle, buffers.binds) == 0 else {
            throw Self.error(of: handle, sql: sql)
        }
        let row = SQLRowView(buffers: buffers, resultRowCount: Int(clamping: mysql_stmt_num_rows(handle)))
        while true {
            let status = mysql_stmt_fetch(handle)
            if status == MYSQL_NO_DATA {
                break
            }
            guard status == 0 || status == MYSQL_DATA_TRUNCATED else {
                throw Self.error(of: handle, sql: sql)
            }
            var rebind = false
            for index in buffers.variableLengthColumns where buffers.needsGrowth(index) {
                // `*length` holds the full length: grow, fetch just this column again, rebind later.
                buffers.grow(index, to: buffers.fetchedLength(index))
                guard mysql_stmt_fetch_column(handle, buffers.binds + index, UInt32(index), 0) == 0 else {
                    throw Self.error(of: handle, sql: sql)
                }
                rebind = true
            }
            try visit(row)
            if rebind, mysql_stmt_bind_result(handle, buffers.binds) != 0 {
                throw Self.error(of: handle, sql: sql)
            }
        }
    }

    /// Reads and drops a result set nobody asked for (such as the status set that ends a `CALL`).
    private func discardResultSet(_ handle: UnsafeMutablePointer<MYSQL_STMT>) throws(MariaDBError) {
        guard mysql_stmt_store_result(handle) == 0 else {
            throw Self.error(of: handle, sql: sql)
        }
        mysql_stmt_free_result(handle)
    }

    /// The buffers for the current result's shape: reused when it matches the previous one, rebuilt otherwise.
    private func resultBuffers(_ handle: UnsafeMutablePointer<MYSQL_STMT>) throws(MariaDBError) -> ResultBuffers {
        guard let metadata = mysql_stmt_result_metadata(handle) else {
            throw Self.error(of: handle, sql: sql)
        }
        defer { mysql_free_result(metadata) }
        let fieldCount = Int(mysql_num_fields(metadata))
        guard let fields = mysql_fetch_fields(metadata) else {
            throw Self.error(of: handle, sql: sql)
        }
        // The usual case, the shape of the previous execution, is checked without building the names.
        if let results, results.matches(fields, count: fieldCount) {
            return results
        }
        var layout: [ResultColumn] = []
        layout.reserveCapacity(fieldCount)
        for index in 0..<fieldCount {
            let field = fields[index]
            let name = field.name.map { String(cString: $0) } ?? ""
            layout.append(ResultColumn(name: name, kind: SQLColumnKind(field: field)))
        }
        let buffers = ResultBuffers(layout: layout)
        results = buffers
        return buffers
    }

    /// The statement's current error, classified.
    static func error(of handle: UnsafeMutablePointer<MYSQL_STMT>, sql: String) -> MariaDBError {
        let code = Int32(bitPattern: mysql_stmt_errno(handle))
        let state = String(cString: mysql_stmt_sqlstate(handle))
        let message = String(cString: mysql_stmt_error(handle))
        if code == 0 {
            return MariaDBError(kind: .other, sqlState: nil, message: message.isEmpty ? "unknown statement error" : message, query: sql)
        }
        return MariaDBError(code: code, sqlState: state == "00000" ? nil : state, message: message, query: sql)
    }
}
