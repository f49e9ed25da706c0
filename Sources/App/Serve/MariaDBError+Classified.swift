import HTTPCore
import MariaDB

/// Lets every module answer a lost database with its own 503 without knowing the driver's error type.
extension MariaDBError: ClassifiedError {
    /// Connection problems are `serviceUnavailable`; everything else is internal.
    public var errorClass: ErrorClass { isConnectionProblem ? .serviceUnavailable : .internalError }
}
