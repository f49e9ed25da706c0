internal import CMariaDB
public import Logging
public import Resilience

/// One blocking connection to MariaDB, with its prepared-statement cache.
///
/// Deliberately not `Sendable`: each worker thread creates its own connection on that thread and is the only
/// one to use it. The connection opens lazily on first use, and after a lost connection (server restart,
/// `KILL`, timeout) the next call reconnects transparently; a read (`query`) outside a transaction that hits a
/// lost connection is retried once on a fresh one.
public final class MariaDBConnection {
    /// Where and how this connection connects.
    public let configuration: MariaDBConfiguration
    /// The logger for reconnects and failures (statement text only, never bound values).
    public var logger: Logger
    /// Shared with the process's other connections to the same server: fails connects at once while it is down.
    public let breaker: ConnectionBreaker?
    /// What the process knows of each node of `configuration.endpoints` (nil with a single node).
    public let nodeHealth: MariaDBNodeHealth?

    var mysql: UnsafeMutablePointer<MYSQL>?
    /// The index in `configuration.endpoints` of the node `mysql` is connected to.
    var currentNodeIndex: Int?
    var statements: StatementCache
    private var locals: [ObjectIdentifier: AnyObject] = [:]
    /// Session variables set again on every (re)connect (`keepSessionVariable`), in the order first kept.
    var keptSessionVariables: [(name: String, value: Int)] = []
    var transactionState: TransactionState = .none
    /// Why the running transaction is `.aborted` when a statement's error ended it (a 1213), so every later
    /// statement and the attempt itself end with that error, which `TransactionRetry` reruns; nil for a lost
    /// connection (`transactionAbortedError`).
    var transactionAbortCause: MariaDBError?

    /// Where the connection stands with respect to `transaction(_:)`.
    enum TransactionState {
        /// No transaction is open.
        case none
        /// Inside `transaction(_:)`, the server-side transaction is open.
        case active
        /// Inside `transaction(_:)`, but the server already rolled it back: the connection was lost, or a
        /// statement failed with 1213 (InnoDB's deadlock victim, or a Galera brute-force abort or certification
        /// failure), which undoes the whole transaction. `transactionAbortCause` says which.
        case aborted
    }

    /// Creates an unconnected connection; nothing touches the network until the first call or `connect()`.
    /// Connections of one process to one server (or one list of nodes) should share one `breaker` and one
    /// `nodeHealth`; without the latter, a connection to several nodes keeps its own.
    public init(configuration: MariaDBConfiguration, logger: Logger = Logger(label: "ventanilla.mariadb"),
                statementCacheCapacity: Int = 128, breaker: ConnectionBreaker? = nil, nodeHealth: MariaDBNodeHealth? = nil) {
        self.configuration = configuration
        self.logger = logger
        self.breaker = breaker
        let nodeCount = configuration.endpoints.count
        self.nodeHealth = nodeCount > 1 ? nodeHealth ?? MariaDBNodeHealth(nodeCount: nodeCount) : nil
        statements = StatementCache(capacity: statementCacheCapacity)
    }

    deinit {
        close()
    }

    /// The one `Value` this connection's owner keeps beside it (a worker's cache of rows it read), made by `make`
    /// on first use and kept as long as the connection; confined to the connection's thread like the connection.
    public func local<Value: AnyObject>(_ make: () -> Value) -> Value {
        if let existing = locals[ObjectIdentifier(Value.self)] as? Value { return existing }
        let value = make()
        locals[ObjectIdentifier(Value.self)] = value
        return value
    }

    /// The number of statements this connection keeps prepared (its statement cache).
    public var cachedStatementCount: Int { statements.count }

    /// Whether a server connection is currently open (it may still turn out to be dead on next use).
    public var isConnected: Bool { mysql != nil }

    /// Whether a `transaction(_:)` body is running with its transaction open (false after a connection loss).
    public var inTransaction: Bool { transactionState == .active }

    /// The node this connection is connected to (one of `configuration.endpoints`), nil when not connected.
    public var currentNode: MariaDBNode? {
        guard mysql != nil, let currentNodeIndex else { return nil }
        return configuration.endpoints[currentNodeIndex]
    }

    /// The server's id for this connection (as in `SHOW PROCESSLIST` and `KILL`), nil when not connected.
    public var serverThreadID: UInt? {
        mysql.map { UInt(mysql_thread_id($0)) }
    }

    /// Runs a statement that returns rows and returns those of its first result set.
    ///
    /// On a lost connection outside a transaction, it reconnects, prepares again and retries once, so only
    /// use it for statements that are safe to repeat.
    public func query(_ query: SQLQuery) throws(MariaDBError) -> [SQLRow] {
        try withStatement(query, retryOnConnectionLoss: true) { statement throws(MariaDBError) in
            try statement.execute(query.binds).rows
        }
    }

    /// Runs a statement that returns rows and hands each row of its first result set to `body` in place, in result
    /// order, as an `SQLRowView` over the statement's bound buffers: no `SQLRow`, `SQLValue` or `String` is built,
    /// so a caller can write what it needs (JSON, say) straight from the fetched bytes. Returns the number of rows.
    ///
    /// Retried like `query` on a lost connection outside a transaction; that can only happen before `body` saw a
    /// row, since the whole result is on the client before the first one is handed over.
    @discardableResult
    public func forEachRow(_ query: SQLQuery,
                           _ body: (borrowing SQLRowView) throws(MariaDBError) -> Void) throws(MariaDBError) -> Int {
        try withStatement(query, retryOnConnectionLoss: true) { statement throws(MariaDBError) in
            var count = 0
            _ = try statement.execute(query.binds) { (row: borrowing SQLRowView) throws(MariaDBError) in
                count += 1
                try body(row)
            }
            return count
        }
    }

    /// Runs a statement that returns rows and returns the first row, if any.
    public func queryFirst(_ query: SQLQuery) throws(MariaDBError) -> SQLRow? {
        try self.query(query).first
    }

    /// Runs a statement that changes data (never retried after a lost connection: it may have been applied before
    /// the connection broke; retried in autocommit mode after a 1213, which rolled it back whole).
    @discardableResult
    public func execute(_ query: SQLQuery) throws(MariaDBError) -> SQLExecutionResult {
        try retryingAutocommitDeadlock(query.sql) { () throws(MariaDBError) in
            try withStatement(query, retryOnConnectionLoss: false) { statement throws(MariaDBError) in
                let outcome = try statement.execute(query.binds)
                return SQLExecutionResult(affectedRows: outcome.affectedRows, lastInsertID: outcome.lastInsertID)
            }
        }
    }

    /// Runs trusted SQL text over the text protocol, possibly several `;`-separated statements, discarding
    /// every result; for migrations and statements that cannot be prepared (such as `CREATE PROCEDURE`).
    public func executeText(_ sql: String) throws(MariaDBError) {
        try failIfTransactionAborted()
        try runTextNoting(sql, on: try connectedHandle())
    }

    /// Runs `sql` over the text protocol on the open handle `mysql`, noting a failure (`noteFailure`).
    func runTextNoting(_ sql: String, on mysql: UnsafeMutablePointer<MYSQL>) throws(MariaDBError) {
        do {
            try Self.runText(sql, on: mysql)
        } catch {
            noteFailure(error)
            throw error
        }
    }

    /// What a failed statement means for the connection: a lost connection is forgotten (`handleConnectionLoss`);
    /// a 1213 inside `transaction(_:)` means the server rolled the whole transaction back, so it turns `.aborted`
    /// with that cause. Without this, a caller that swallowed the error (a `try?` restoring a session variable)
    /// would run its next statements in autocommit mode, as if its earlier work were still there.
    func noteFailure(_ error: MariaDBError) {
        if error.kind == .connectionLost {
            handleConnectionLoss(error)
        } else if error.kind == .deadlock, transactionState == .active {
            transactionState = .aborted
            transactionAbortCause = error
        }
    }

    /// Checks the server answers `SELECT 1`, reconnecting if needed; false when it does not.
    public func ping() -> Bool {
        do {
            _ = try query("SELECT 1")
            return true
        } catch {
            return false
        }
    }

    /// Closes every cached statement and the connection; a later call connects again.
    public func close() {
        statements.removeAll()
        if let mysql {
            mysql_close(mysql)
            self.mysql = nil
        }
        transactionState = .none
        transactionAbortCause = nil
    }

    /// Runs `body` with a statement prepared for `query` (from the cache), reconnecting and retrying once on
    /// a lost connection when allowed, and once with a fresh statement when the server asks to re-prepare.
    private func withStatement<T>(_ query: SQLQuery, retryOnConnectionLoss: Bool,
                                  _ body: (PreparedStatement) throws(MariaDBError) -> T) throws(MariaDBError) -> T {
        try failIfTransactionAborted()
        var retriedConnection = false
        var reprepared = false
        while true {
            let mayRetry = retryOnConnectionLoss && !retriedConnection && transactionState == .none
            do {
                guard query.isReusable else {
                    // Prepared for this execution only, and closed after it (see `SQLQuery.isReusable`).
                    let statement = try PreparedStatement(sql: query.sql, mysql: try connectedHandle())
                    defer { statement.close() }
                    return try body(statement)
                }
                let statement = try preparedStatement(for: query.sql)
                return try body(statement)
            } catch {
                noteFailure(error)
                if error.kind == .connectionLost {
                    if mayRetry {
                        retriedConnection = true
                        logger.notice("MariaDB connection lost; reconnecting to retry a read", metadata: ["error": "\(error)"])
                        continue
                    }
                } else if error.code == Int32(ER_NEED_REPREPARE), !reprepared {
                    // The statement was not executed: preparing it again is always safe.
                    statements.remove(query.sql)
                    reprepared = true
                    continue
                }
                // Kind, code and SQL text only: the server message can quote data (a duplicate e-mail, say).
                logger.debug("MariaDB statement failed", metadata: [
                    "error": "\(error)", "code": "\(error.code.map(String.init) ?? "-")", "query": "\(query.sql)",
                ])
                throw error
            }
        }
    }

    /// The cached statement for `sql`, or a newly prepared (and cached) one.
    private func preparedStatement(for sql: String) throws(MariaDBError) -> PreparedStatement {
        let mysql = try connectedHandle()
        if let statement = statements.statement(for: sql) {
            return statement
        }
        let statement = try PreparedStatement(sql: sql, mysql: mysql)
        statements.insert(statement)
        return statement
    }

    /// Forgets a broken connection: closes its statements and handle; an open transaction becomes aborted. With
    /// several nodes, the node is put aside for its back-off (`nodeFailed`; not for a connection the server
    /// merely closed while idle), so the next connect goes to the next one.
    func handleConnectionLoss(_ error: MariaDBError, nodeFailed: Bool = true) {
        logger.warning("MariaDB connection lost", metadata: [
            "error": "\(String(reflecting: error))", "node": "\(currentNode.map(String.init(describing:)) ?? "-")",
        ])
        if nodeFailed, let nodeHealth, let currentNodeIndex, mysql != nil {
            nodeHealth.nodeLost(currentNodeIndex, error)
        }
        statements.removeAll()
        if let mysql {
            mysql_close(mysql)
            self.mysql = nil
        }
        if transactionState == .active {
            transactionState = .aborted
        }
    }

    /// Throws when the running `transaction(_:)` lost its connection: its earlier work is gone, so later
    /// statements must not run in autocommit mode as if nothing happened.
    func failIfTransactionAborted() throws(MariaDBError) {
        if transactionState == .aborted {
            throw transactionAbortCause ?? Self.transactionAbortedError
        }
    }

    static let transactionAbortedError = MariaDBError(
        kind: .connectionLost,
        message: "the connection was lost inside a transaction; the server rolled it back")
}
