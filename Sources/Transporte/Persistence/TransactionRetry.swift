import Glibc
import MariaDB

/// Ruling T16, the one way Transporte runs a write transaction: a deadlock or certification failure (1213) or
/// a lock wait timeout (1205) rolls the whole transaction back, and it is run again from the start after a
/// jittered exponential backoff, at most `attempts` times in all; then the error stands (a 500).
///
/// Always within nginx's `fastcgi_read_timeout` (60 s, `nginx/fastcgi_params.conf`): each attempt waits for a
/// row lock at most `lockWaitSeconds` (set on the session before it starts, instead of InnoDB's default 50 s),
/// so the worst case is `attempts × lockWaitSeconds` plus the backoffs, `worstCaseSeconds` (≈ 40.6 s).
/// Catalog writes (concurrent inserts of one unique value, crossing hierarchy locks), the solicitud correlative
/// (T3) and every state change (T4) go through it.
struct TransactionRetry {
    /// Attempts in all, the first included (T16: at most 5).
    static let defaultAttempts = 5
    /// Seconds a statement waits for a row lock before 1205 (`TRANSPORTE_LOCK_WAIT_SECONDS`).
    static let defaultLockWaitSeconds = 8
    /// The most `TRANSPORTE_LOCK_WAIT_SECONDS` may say: 5 × 10 s and the backoffs stay under 60 s.
    static let maximumLockWaitSeconds = 10
    /// The first backoff's upper bound; each next one doubles it.
    static let baseDelayMilliseconds = 25

    let connection: MariaDBConnection
    var attempts = Self.defaultAttempts
    var lockWaitSeconds = Self.defaultLockWaitSeconds

    /// The longest a call can take waiting for locks and backing off (statement work aside).
    var worstCaseSeconds: Double {
        Double(attempts * lockWaitSeconds)
            + Double((1..<attempts).reduce(0) { $0 + Self.baseDelayMilliseconds << ($1 - 1) }) / 1000
    }

    /// Whether `error` rolled back the whole transaction because of lock contention, so a rerun may succeed.
    static func isRetryable(_ error: MariaDBError) -> Bool {
        error.kind == .deadlock || error.kind == .lockWaitTimeout
    }

    /// The backoff after failed attempt `attempt` (1-based), in microseconds: uniformly random between half and
    /// all of `baseDelayMilliseconds × 2^(attempt-1)`, so the transactions that collided do not meet again in step.
    static func delayMicroseconds(after attempt: Int) -> Int {
        let ceiling = baseDelayMilliseconds << (attempt - 1) * 1000
        return Int.random(in: ceiling / 2...ceiling)
    }

    /// Runs `body` in one transaction, again from the start while it fails retryably and attempts remain.
    /// Inside a transaction already open, `body` just joins it: only the outer transaction's owner may rerun it.
    /// `onAttempt` is told each attempt's number before it runs (tests count them).
    func run<T>(onAttempt: (Int) -> Void = { _ in }, _ body: () throws -> T) throws -> T {
        if connection.inTransaction { return try connection.transaction(body) }
        var attempt = 1
        while true {
            onAttempt(attempt)
            do {
                // Kept across reconnects: a reconnect inside `transaction` must not bring back InnoDB's 50 s.
                try connection.keepSessionVariable("innodb_lock_wait_timeout", lockWaitSeconds)
                return try connection.transaction(body)
            } catch let error as MariaDBError where Self.isRetryable(error) && attempt < attempts {
                usleep(useconds_t(Self.delayMicroseconds(after: attempt)))
                attempt += 1
            }
        }
    }
}
