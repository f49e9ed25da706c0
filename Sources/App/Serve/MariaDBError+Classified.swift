import HTTPCore
import MariaDB

/// Lets every module answer a lost database with its own 503 without knowing the driver's error type.
extension MariaDBError: ClassifiedError {
    /// Connection problems, a statement past the connection's time limit (`DB_STATEMENT_TIMEOUT_SECONDS`) and a
    /// contention failure still there after `TransactionRetry`'s last attempt (1213 deadlock or certification
    /// failure, 1205 lock wait; ruling T16) are `serviceUnavailable`: the database is too busy right now, nothing
    /// was written, and the client may retry. Everything else is internal.
    public var errorClass: ErrorClass {
        isConnectionProblem || kind == .statementTimeout || TransactionRetry.isRetryable(self)
            ? .serviceUnavailable : .internalError
    }
}
