/// A circuit breaker as a pure value (no clock, no lock): the caller passes the time and keeps it under its own
/// lock. Closed: every call goes through and consecutive failures are counted; at `failureThreshold` it opens.
/// Open: every call is refused at once until `coolDownMilliseconds` have passed since it opened; then the first
/// call is let through as the one trial (half-open) while the others are still refused. The trial's success closes
/// it, its failure opens it again for another cool-down.
public struct CircuitBreaker: Sendable, Equatable {
    /// Where the breaker stands.
    public enum State: Sendable, Equatable {
        /// Calls go through; `failures` consecutive ones have failed.
        case closed(failures: Int)
        /// Calls are refused since `openedAt` (milliseconds).
        case open(openedAt: Int64)
        /// One trial call is under way; the others are refused until it ends.
        case halfOpen
    }

    /// What the breaker says to one call.
    public enum Admission: Sendable, Equatable {
        /// Make the call (closed).
        case allowed
        /// Make the call as the half-open trial; its outcome decides.
        case trial
        /// Do not make the call: answer at once that the dependency is unavailable.
        case refused
    }

    /// Consecutive failures that open a closed breaker (at least 1).
    public let failureThreshold: Int
    /// How long an open breaker refuses before it lets one trial through, in milliseconds.
    public let coolDownMilliseconds: Int64
    /// The current state.
    public private(set) var state: State = .closed(failures: 0)

    /// A closed breaker.
    public init(failureThreshold: Int, coolDownMilliseconds: Int64) {
        self.failureThreshold = max(1, failureThreshold)
        self.coolDownMilliseconds = max(0, coolDownMilliseconds)
    }

    /// Whether a call starting at `now` may go out. An open breaker whose cool-down is over (or whose opening lies
    /// in the future: the wall clock was set back) turns half-open and admits this call as the trial.
    public mutating func admit(now: Int64) -> Admission {
        switch state {
        case .closed:
            return .allowed
        case .halfOpen:
            return .refused
        case .open(let openedAt):
            guard now - openedAt >= coolDownMilliseconds || now < openedAt else { return .refused }
            state = .halfOpen
            return .trial
        }
    }

    /// Records the outcome of an admitted call that ended at `now`.
    public mutating func record(success: Bool, now: Int64) {
        switch (state, success) {
        case (_, true):
            state = .closed(failures: 0)
        case (.closed(let failures), false):
            state = failures + 1 >= failureThreshold ? .open(openedAt: now) : .closed(failures: failures + 1)
        case (.halfOpen, false), (.open, false):
            state = .open(openedAt: now)
        }
    }
}
