/// An error from the MariaDB layer: a server or client error code, classified into a `Kind`.
///
/// `description` is deliberately generic (safe for logs and responses); the server message, SQLSTATE and the
/// statement text are only in `debugDescription` and the fields.
public struct MariaDBError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What went wrong, as far as callers need to decide what to do.
    public enum Kind: Sendable, Hashable {
        /// A unique or primary key already holds the value (1062, 1586).
        case duplicateKey
        /// A foreign key rejected the insert, update or delete (1451, 1452, 1216, 1217).
        case foreignKeyViolation
        /// InnoDB chose this transaction as a deadlock victim and rolled it back (1213); retry the transaction.
        case deadlock
        /// A row lock was not granted within `innodb_lock_wait_timeout` (1205).
        case lockWaitTimeout
        /// The server killed the statement at the connection's `max_statement_time` (1969); nothing it did remains
        /// (a write inside a transaction: the statement only), and the connection is still usable.
        case statementTimeout
        /// An established connection broke (server gone, restarted, killed, statement handles lost).
        case connectionLost
        /// No connection could be established (server down, socket missing, access denied, unknown database).
        case connectionFailed
        /// A value is longer than its column allows (1406).
        case dataTooLong
        /// A value is not acceptable for its column: wrong format, out of range, NULL for NOT NULL, CHECK failed.
        case invalidValue
        /// A stored procedure raised `SIGNAL` (1644); its `MESSAGE_TEXT` is in `message`.
        case signal
        /// A result column is missing or does not hold the requested type.
        case decoding(column: String)
        /// Anything else (syntax errors, unknown tables, client misuse, ...).
        case other
    }

    /// The classification.
    public var kind: Kind
    /// The server (`ER_*`, 1000...) or client (`CR_*`, 2000...) error code, when there is one.
    public var code: Int32?
    /// The five-character SQLSTATE, when the server sent one.
    public var sqlState: String?
    /// The server or client message (for `.signal`, the procedure's `MESSAGE_TEXT`); may contain data.
    public var message: String
    /// The SQL text (with `?` placeholders, never bound values) that failed, when known.
    public var query: String?
    /// The connection was lost during `COMMIT`: the transaction may or may not have been committed, and the client
    /// must not be told it was (kind `.connectionLost`, so answered as the database being unavailable).
    public var isCommitOutcomeUnknown = false

    /// Creates an error of a given kind.
    public init(kind: Kind, code: Int32? = nil, sqlState: String? = nil, message: String, query: String? = nil) {
        self.kind = kind
        self.code = code
        self.sqlState = sqlState
        self.message = message
        self.query = query
    }

    /// Creates an error from a server or client error code, classifying it with `kind(forCode:)`.
    public init(code: Int32, sqlState: String?, message: String, query: String? = nil) {
        self.init(kind: Self.kind(forCode: code), code: code, sqlState: sqlState, message: message, query: query)
    }

    /// Whether the error means the connection is unusable or could not be made (lost or failed).
    public var isConnectionProblem: Bool {
        kind == .connectionLost || kind == .connectionFailed
    }

    /// A generic summary without the server message or the query.
    public var description: String {
        "MariaDB error: \(kind.summary)"
    }

    /// Every detail: kind, code, SQLSTATE, server message and query text.
    public var debugDescription: String {
        var text = "MariaDBError(kind: \(kind.summary)"
        if let code { text += ", code: \(code)" }
        if let sqlState { text += ", sqlState: \(sqlState)" }
        text += ", message: \"\(message)\""
        if let query { text += ", query: \"\(query)\"" }
        if isCommitOutcomeUnknown { text += ", commit outcome unknown" }
        return text + ")"
    }
}

extension MariaDBError.Kind {
    /// A short human-readable name that never contains data.
    var summary: String {
        switch self {
        case .duplicateKey: "duplicate key"
        case .foreignKeyViolation: "foreign key violation"
        case .deadlock: "deadlock"
        case .lockWaitTimeout: "lock wait timeout"
        case .statementTimeout: "statement time limit exceeded"
        case .connectionLost: "connection lost"
        case .connectionFailed: "connection failed"
        case .dataTooLong: "data too long"
        case .invalidValue: "invalid value"
        case .signal: "signal from stored procedure"
        case .decoding(let column): "cannot decode column '\(column)'"
        case .other: "database error"
        }
    }
}
