public import Resilience

/// The circuit breaker shared by every connection of one process to its server (or list of nodes: it opens only when
/// none of them can be reached; `MariaDBNodeHealth` keeps track of each), so that while the database is down
/// the workers do not each wait out a connect attempt (over TCP to a host that does not answer, that is the whole
/// connect timeout per request). A failed connect opens it; refused connects fail at once with that failure.
public typealias ConnectionBreaker = SharedCircuitBreaker<MariaDBError>

extension CircuitBreaker.Policy {
    /// The database's connects: one failure opens the breaker for 100 ms; after that one caller probes while the
    /// others still fail at once, and each failed probe doubles the wait, up to 1 s (how long a server that is back
    /// may go unnoticed). So a restart costs the clients one connect attempt per cooldown instead of one per
    /// request. A probe that has not reported in 10 s (longer than any connect timeout) is taken for lost.
    public static let databaseConnect = CircuitBreaker.Policy(
        failureThreshold: 1, cooldownMilliseconds: 100, maximumCooldownMilliseconds: 1_000, trialTimeoutMilliseconds: 10_000)
}

extension MariaDBError {
    /// The error of a connect the breaker refused: the failure that opened it (still `.connectionFailed`, so it
    /// is answered as the database being unavailable), saying that no connect was attempted.
    static func refusedByBreaker(after failure: MariaDBError?) -> MariaDBError {
        var error = failure ?? MariaDBError(kind: .connectionFailed, message: "the server could not be reached")
        error.kind = .connectionFailed
        error.message = "not connecting for a while after: \(error.message)"
        return error
    }
}
