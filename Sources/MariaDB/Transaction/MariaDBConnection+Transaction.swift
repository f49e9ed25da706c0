internal import CMariaDB
internal import Logging

extension MariaDBConnection {
    /// Runs `body` in a write transaction through `TransactionRetry` (ruling T16): a deadlock or certification
    /// failure (1213) or a lock wait timeout (1205) reruns `body` from the start after a backoff, at most five
    /// attempts in all. A nested call just runs its body inside the outer transaction, which only its owner reruns.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try TransactionRetry(connection: self).run(body)
    }

    /// Runs `body` in one transaction attempt: `START TRANSACTION`, then `COMMIT`, or `ROLLBACK` and rethrow when
    /// `body` throws. A nested call just runs its body inside the outer transaction.
    ///
    /// If the connection is lost meanwhile, the server has rolled back: `inTransaction` turns false, every
    /// further statement in `body` throws `.connectionLost`, and so does this call, even when `body` swallowed
    /// the error. A connection lost during `COMMIT` throws `.connectionLost` with `isCommitOutcomeUnknown` (the
    /// server may have committed). A deadlock or certification failure (`.deadlock`, 1213) rolls back the whole
    /// transaction: like a lost connection, it turns the transaction aborted, so later statements throw it and so
    /// does this call, even when `body` swallowed it or threw something else; `TransactionRetry` reruns it.
    func transactionAttempt<T>(_ body: () throws -> T) throws -> T {
        switch transactionState {
        case .active:
            return try body()
        case .aborted:
            throw transactionAbortCause ?? Self.transactionAbortedError
        case .none:
            break
        }
        try begin()
        transactionState = .active
        let result: T
        do {
            result = try body()
        } catch {
            // A body that turned the 1213 which ended the transaction into an error of its own still ends with
            // the 1213, so the transaction is rerun rather than answered as that error.
            let cause = transactionAbortCause
            rollbackQuietly()
            throw cause ?? error
        }
        if transactionState == .aborted {
            // `body` swallowed the error that ended the transaction: the attempt still ends with it.
            let cause = transactionAbortCause ?? Self.transactionAbortedError
            rollbackQuietly()
            throw cause
        }
        do {
            // A body whose last statement ended the transaction (a procedure ending with COMMIT, Transporte's
            // creation) has nothing left to commit: the server says so in its last answer's status, and the COMMIT
            // would be a round trip that does nothing.
            if serverHasTransaction {
                try finish("COMMIT")
            }
        } catch {
            rollbackQuietly()
            guard error.kind == .connectionLost else { throw error }
            // The server may have committed before the connection broke: neither a success nor a rollback can
            // be reported, and the statement must not be sent again (it could be applied twice).
            var unknown = error
            unknown.isCommitOutcomeUnknown = true
            logger.error("MariaDB COMMIT outcome unknown: the connection was lost during COMMIT; the request is not acknowledged",
                         metadata: ["error": "\(String(reflecting: error))"])
            throw unknown
        }
        transactionState = .none
        return result
    }

    /// Starts the transaction; nothing has happened yet, so a lost connection is reconnected and retried once.
    private func begin() throws(MariaDBError) {
        for attempt in 1...2 {
            let mysql = try connectedHandle()
            do {
                try Self.runText("START TRANSACTION", on: mysql)
                return
            } catch {
                guard error.kind == .connectionLost, attempt == 1 else {
                    throw error
                }
                handleConnectionLoss(error)
                logger.notice("MariaDB connection lost; reconnecting to start a transaction")
            }
        }
    }

    /// Whether the server's last answer on this connection said a transaction is open (`SERVER_STATUS_IN_TRANS`,
    /// set from `START TRANSACTION` on until its COMMIT or ROLLBACK). True when not connected: the COMMIT then
    /// reports the loss.
    var serverHasTransaction: Bool {
        guard let mysql else { return true }
        return mysql.pointee.server_status & UInt32(SERVER_STATUS_IN_TRANS) != 0
    }

    /// Sends `COMMIT` (or `ROLLBACK`) on the open connection, never reconnecting.
    private func finish(_ sql: String) throws(MariaDBError) {
        guard let mysql else {
            throw Self.transactionAbortedError
        }
        try runTextNoting(sql, on: mysql)
    }

    /// Rolls back after a failure, keeping the original error: a failing rollback is only logged.
    private func rollbackQuietly() {
        // After a 1213 the server has rolled back already; the ROLLBACK only ends the transaction's state there.
        if transactionState != .none, mysql != nil {
            do {
                try finish("ROLLBACK")
            } catch {
                logger.warning("MariaDB rollback failed", metadata: ["error": "\(String(reflecting: error))"])
            }
        }
        transactionState = .none
        transactionAbortCause = nil
    }
}

extension MariaDBConnection {
    /// Runs one autocommit write statement, again after a backoff when it fails with 1213: a deadlock or a
    /// certification failure rolled the statement back whole, so a rerun applies it once. Not inside a
    /// transaction (only its owner may rerun it) and not a `CALL`, whose earlier statements may have committed.
    func retryingAutocommitDeadlock<T>(_ sql: String,
                                       _ body: () throws(MariaDBError) -> T) throws(MariaDBError) -> T {
        guard transactionState == .none, !Self.isProcedureCall(sql) else { return try body() }
        var attempt = 1
        while true {
            do {
                return try body()
            } catch {
                // (Not `catch where …`: with typed throws that crashes Swift 6.3.1's SIL optimizer.)
                guard error.kind == .deadlock, attempt < TransactionRetry.defaultAttempts else { throw error }
                logger.notice("MariaDB statement rolled back by a deadlock; running it again",
                              metadata: ["attempt": "\(attempt)"])
                TransactionRetry.backOff(after: attempt)
                attempt += 1
            }
        }
    }

    /// Whether `sql` calls a stored procedure.
    static func isProcedureCall(_ sql: String) -> Bool {
        sql.drop { $0 == " " || $0 == "\n" || $0 == "\t" }.prefix(5).uppercased() == "CALL "
    }
}
