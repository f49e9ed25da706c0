import Synchronization

/// A `CircuitBreaker` shared by every worker thread of a process: the state under a lock, the time from one clock,
/// and the failure that opened it, so a refused caller can say why. The database's connects (one per module
/// process, `MariaDB.ConnectionBreaker`) and each external registry (Transporte) use one each, with their own policy.
public final class SharedCircuitBreaker<Failure: Sendable>: Sendable {
    /// What the breaker says to one caller.
    public enum Admission: Sendable {
        /// Make the call (closed); report its outcome.
        case allowed
        /// Make the call as the one half-open trial; report its outcome.
        case trial
        /// Do not make the call; `lastFailure` is the failure recorded last (nil when none was).
        case refused(lastFailure: Failure?)
    }

    /// A recorded outcome's effect, for the callers that log a change of state.
    public struct Transition: Sendable, Equatable {
        /// The state before the outcome was recorded.
        public let before: CircuitBreaker.State
        /// The state after it.
        public let after: CircuitBreaker.State

        /// The breaker opened (from closed or from a trial), as opposed to an outcome that left it as it was.
        public var opened: Bool {
            switch (before, after) {
            case (.open, .open): false
            case (_, .open): true
            default: false
            }
        }

        /// The breaker closed after having been open or half-open.
        public var closed: Bool {
            switch (before, after) {
            case (.closed, _): false
            case (_, .closed): true
            default: false
            }
        }
    }

    private struct Guarded {
        var breaker: CircuitBreaker
        var lastFailure: Failure?
    }

    /// The policy it follows.
    public let policy: CircuitBreaker.Policy
    private let now: @Sendable () -> Int64
    private let guarded: Mutex<Guarded>

    /// A closed breaker following `policy`, timed by `now` (milliseconds; tests pass their own clock).
    public init(_ policy: CircuitBreaker.Policy, now: @escaping @Sendable () -> Int64 = MonotonicClock.milliseconds) {
        self.policy = policy
        self.now = now
        guarded = Mutex(Guarded(breaker: CircuitBreaker(policy), lastFailure: nil))
    }

    /// The current state (logs, tests).
    public var state: CircuitBreaker.State { guarded.withLock { $0.breaker.state } }

    /// Whether a call may go out now. A caller told `.allowed` or `.trial` must report the outcome.
    public func admit() -> Admission {
        let now = now()
        return guarded.withLock { guarded in
            switch guarded.breaker.admit(now: now) {
            case .allowed: .allowed
            case .trial: .trial
            case .refused: .refused(lastFailure: guarded.lastFailure)
            }
        }
    }

    /// An admitted call succeeded: the breaker closes and its cooldown starts over.
    @discardableResult
    public func recordSuccess() -> Transition {
        record(success: true, failure: nil)
    }

    /// An admitted call failed with `failure`, which refused callers are given until the next one.
    @discardableResult
    public func recordFailure(_ failure: Failure) -> Transition {
        record(success: false, failure: failure)
    }

    private func record(success: Bool, failure: Failure?) -> Transition {
        let now = now()
        return guarded.withLock { guarded in
            let before = guarded.breaker.state
            guarded.breaker.record(success: success, now: now)
            // A success forgets the failure: a later refusal names only what failed after it.
            guarded.lastFailure = failure
            return Transition(before: before, after: guarded.breaker.state)
        }
    }
}
