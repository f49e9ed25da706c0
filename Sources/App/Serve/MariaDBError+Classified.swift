import HTTPCore
import MariaDB

/// Lets every module answer a lost database with its own 503 without knowing the driver's error type.
extension MariaDBError: ClassifiedError {
    /// Connection problems and a statement past the connection's time limit (`DB_STATEMENT_TIMEOUT_SECONDS`: the
    /// database is too slow or a row is held too long right now, and the client may retry) are `serviceUnavailable`;
    /// everything else is internal.
    public var errorClass: ErrorClass {
        isConnectionProblem || kind == .statementTimeout ? .serviceUnavailable : .internalError
    }
}
