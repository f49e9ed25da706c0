internal import Glibc
import Synchronization

/// A circuit breaker shared by every connection of one process to one server, so that while the server is down
/// the workers do not each wait out a connect attempt (over TCP to a host that does not answer, that is the
/// whole connect timeout per request).
///
/// Closed, every connect is attempted. A failed connect opens it: for a cooldown, connects fail at once with
/// the failure that opened it. After the cooldown one caller probes (half-open) while the others still fail at
/// once; the probe's success closes the breaker, its failure opens it again for twice the cooldown, up to
/// `maximumCooldownMilliseconds`. So a server that comes back is reached within that maximum, and a restart
/// costs the clients one connect attempt per cooldown instead of one per request.
public final class ConnectionBreaker: Sendable {
    /// Where the breaker stands.
    public enum State: Sendable, Equatable {
        /// Connects are attempted.
        case closed
        /// Connects fail at once until `until` (milliseconds on the breaker's clock).
        case open(until: Int64)
        /// One caller is probing since `since`; the others fail at once.
        case probing(since: Int64)
    }

    /// What a caller about to connect may do.
    public enum Decision: Sendable {
        /// Connect, and report the outcome with `recordSuccess()` or `recordFailure(_:)`.
        case attempt
        /// Do not connect: fail with this error (the one that opened the breaker).
        case refuse(MariaDBError)
    }

    private struct Guarded {
        var state: State = .closed
        var cooldown: Int64 = 0
        var lastFailure: MariaDBError?
    }

    /// The cooldown after the first failure (milliseconds).
    public let initialCooldownMilliseconds: Int64
    /// The longest cooldown (milliseconds): how long a server that is back may go unnoticed.
    public let maximumCooldownMilliseconds: Int64
    /// How long a probe may take before another caller may probe instead (a probe that never reported).
    public let probeTimeoutMilliseconds: Int64
    private let now: @Sendable () -> Int64
    private let guarded = Mutex(Guarded())

    /// Creates a closed breaker. `now` gives milliseconds on a monotonic clock (the default); tests pass their own.
    public init(initialCooldownMilliseconds: Int64 = 100, maximumCooldownMilliseconds: Int64 = 1_000,
                probeTimeoutMilliseconds: Int64 = 10_000, now: @escaping @Sendable () -> Int64 = ConnectionBreaker.monotonicMilliseconds) {
        self.initialCooldownMilliseconds = initialCooldownMilliseconds
        self.maximumCooldownMilliseconds = max(maximumCooldownMilliseconds, initialCooldownMilliseconds)
        self.probeTimeoutMilliseconds = probeTimeoutMilliseconds
        self.now = now
    }

    /// The current state (for logs and tests).
    public var state: State { guarded.withLock { $0.state } }

    /// Whether a caller may connect now; a caller told `.attempt` must report the outcome.
    public func decide() -> Decision {
        let now = now()
        return guarded.withLock { guarded in
            switch guarded.state {
            case .closed:
                return .attempt
            case .open(let until) where now >= until:
                guarded.state = .probing(since: now)
                return .attempt
            case .probing(let since) where now - since >= probeTimeoutMilliseconds:
                guarded.state = .probing(since: now)
                return .attempt
            case .open, .probing:
                return .refuse(Self.refusal(guarded.lastFailure))
            }
        }
    }

    /// A connect succeeded: the breaker closes and the cooldown starts over.
    public func recordSuccess() {
        guarded.withLock { guarded in
            guarded.state = .closed
            guarded.cooldown = 0
            guarded.lastFailure = nil
        }
    }

    /// A connect failed: the breaker opens (again) for the next cooldown.
    public func recordFailure(_ error: MariaDBError) {
        let now = now()
        guarded.withLock { guarded in
            guarded.cooldown = guarded.cooldown == 0
                ? initialCooldownMilliseconds : min(guarded.cooldown * 2, maximumCooldownMilliseconds)
            guarded.state = .open(until: now + guarded.cooldown)
            guarded.lastFailure = error
        }
    }

    /// The error a refused caller throws: the last real failure, still `.connectionFailed`.
    private static func refusal(_ failure: MariaDBError?) -> MariaDBError {
        var error = failure ?? MariaDBError(kind: .connectionFailed, message: "the server could not be reached")
        error.kind = .connectionFailed
        error.message = "not connecting for a while after: \(error.message)"
        return error
    }

    /// Milliseconds on the system's monotonic clock.
    public static func monotonicMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1_000 + Int64(now.tv_nsec) / 1_000_000
    }
}
