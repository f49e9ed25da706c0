internal import Glibc
internal import Logging

/// Ruling T16, the one way a write transaction runs in every module: a deadlock or Galera certification
/// failure (1213) or a lock wait timeout (1205) rolls the whole transaction back, and it is run again from the
/// start after a jittered exponential backoff, at most `attempts` times in all; then the error stands.
///
/// `MariaDBConnection.transaction(_:)` runs every transaction through it, so a body must be re-runnable: it may
/// only touch the database (files and mail happen after commit, ruling 2) and must not keep state from an
/// attempt that was rolled back.
///
/// Always within nginx's `fastcgi_read_timeout` (60 s, `nginx/http.conf`): with `lockWaitSeconds` set (Transporte,
/// `TRANSPORTE_LOCK_WAIT_SECONDS`) each attempt waits for a row lock at most that long, so the worst case is
/// `attempts × lockWaitSeconds` plus the backoffs (`worstCaseSeconds`, ≈ 40.6 s at 10 s); without it (Monitor,
/// Egresos: the connection's `max_statement_time` of 30 s stops a lock wait before InnoDB's 50 s) no attempt
/// starts once `startBudgetSeconds` have gone by since the first, so the last one also ends before nginx's limit.
public struct TransactionRetry {
    /// Attempts in all, the first included (T16: at most 5).
    public static let defaultAttempts = 5
    /// Seconds a Transporte statement waits for a row lock before 1205 (`TRANSPORTE_LOCK_WAIT_SECONDS`).
    public static let defaultLockWaitSeconds = 8
    /// The most `TRANSPORTE_LOCK_WAIT_SECONDS` may say: 5 × 10 s and the backoffs stay under 60 s.
    public static let maximumLockWaitSeconds = 10
    /// The first backoff's upper bound; each next one doubles it.
    public static let baseDelayMilliseconds = 25
    /// No further attempt starts after this many seconds: one more statement timeout (30 s) still ends under 60 s.
    public static let startBudgetSeconds = 20.0

    /// The connection the transaction runs on.
    public let connection: MariaDBConnection
    /// Attempts in all, the first included.
    public var attempts = Self.defaultAttempts
    /// When set, the session's `innodb_lock_wait_timeout` for every attempt (kept across reconnects).
    public var lockWaitSeconds: Int?

    /// A retry over `connection`; `lockWaitSeconds` nil leaves the session's lock wait as it is.
    public init(connection: MariaDBConnection, attempts: Int = Self.defaultAttempts, lockWaitSeconds: Int? = nil) {
        self.connection = connection
        self.attempts = attempts
        self.lockWaitSeconds = lockWaitSeconds
    }

    /// The longest a call can take waiting for locks and backing off (statement work aside), when
    /// `lockWaitSeconds` bounds each attempt.
    public var worstCaseSeconds: Double {
        Double(attempts * (lockWaitSeconds ?? Self.maximumLockWaitSeconds))
            + Double((1..<attempts).reduce(0) { $0 + Self.baseDelayMilliseconds << ($1 - 1) }) / 1000
    }

    /// Whether `error` rolled back the whole transaction because of lock contention or a certification
    /// conflict, so a rerun may succeed. A duplicate on a history's `…_seq` unique key (Monitor 0007, Transporte
    /// 0017) counts too: the number was read from a snapshot older than a concurrent commit, and a rerun reads a
    /// fresh one (the transaction itself is rolled back by `transactionAttempt` before the rerun).
    public static func isRetryable(_ error: MariaDBError) -> Bool {
        error.kind == .deadlock || error.kind == .lockWaitTimeout
            || (error.kind == .duplicateKey && error.message.hasSuffix("_seq'"))
    }

    /// The backoff after failed attempt `attempt` (1-based), in microseconds: uniformly random between half and
    /// all of `baseDelayMilliseconds × 2^(attempt-1)`, so the transactions that collided do not meet again in step.
    public static func delayMicroseconds(after attempt: Int) -> Int {
        let ceiling = baseDelayMilliseconds << (attempt - 1) * 1000
        return Int.random(in: ceiling / 2...ceiling)
    }

    /// Sleeps the backoff after failed attempt `attempt`.
    static func backOff(after attempt: Int) {
        usleep(useconds_t(delayMicroseconds(after: attempt)))
    }

    /// Runs `body` in one transaction, again from the start while it fails retryably and attempts remain.
    /// Inside a transaction already open, `body` just joins it: only the outer transaction's owner may rerun it.
    /// `onAttempt` is told each attempt's number before it runs (tests count them).
    public func run<T>(onAttempt: (Int) -> Void = { _ in }, _ body: () throws -> T) throws -> T {
        if connection.inTransaction { return try connection.transactionAttempt(body) }
        let clock = ContinuousClock()
        let start = clock.now
        var attempt = 1
        while true {
            onAttempt(attempt)
            do {
                if let lockWaitSeconds {
                    // Kept across reconnects: a reconnect inside the attempt must not bring back InnoDB's 50 s.
                    try connection.keepSessionVariable("innodb_lock_wait_timeout", lockWaitSeconds)
                }
                return try connection.transactionAttempt(body)
            } catch let error as MariaDBError where Self.isRetryable(error) && attempt < attempts
                        && clock.now - start < .seconds(Self.startBudgetSeconds) {
                connection.logger.notice("MariaDB transaction rolled back by contention; running it again", metadata: [
                    "code": "\(error.code.map(String.init) ?? "-")", "attempt": "\(attempt)",
                ])
                Self.backOff(after: attempt)
                attempt += 1
            }
        }
    }
}
