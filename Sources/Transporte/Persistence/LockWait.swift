import MariaDB

/// The bounds of `TRANSPORTE_LOCK_WAIT_SECONDS` (ruling T16), from the shared `TransactionRetry`, for the
/// module's settings (which do not import the database layer).
enum LockWait {
    /// Seconds one attempt of a write transaction waits for a row lock when the setting is absent.
    static let defaultSeconds = TransactionRetry.defaultLockWaitSeconds
    /// The most the setting may say: five attempts and their backoffs stay under nginx's 60 s.
    static let maximumSeconds = TransactionRetry.maximumLockWaitSeconds
}
