/// A circuit breaker as a pure value (no clock, no lock): the caller passes the time and keeps it under its own
/// lock (`SharedCircuitBreaker` does both). One state machine for every dependency a module can lose (the
/// database's connects, the plate and DUI registries); each caller brings its own `Policy`.
///
/// Closed: every call goes through and consecutive failures are counted; at the policy's `failureThreshold` it
/// opens. Open: every call is refused at once until the cooldown is over; then the first call is let through as
/// the one trial (half-open) while the others are still refused. The trial's success closes it; its failure opens
/// it again, for twice the previous cooldown up to the policy's maximum (a constant cooldown when the two are
/// equal). A trial that has not reported within the policy's `trialTimeoutMilliseconds` is taken for lost, and the
/// next call becomes the trial instead.
public struct CircuitBreaker: Sendable, Equatable {
    /// Where the breaker stands. Times are milliseconds on the caller's clock.
    public enum State: Sendable, Equatable {
        /// Calls go through; `failures` consecutive ones have failed.
        case closed(failures: Int)
        /// Calls are refused; opened at `since`, a trial may go out from `until` on.
        case open(since: Int64, until: Int64)
        /// One trial call is under way since `since`; the others are refused until it reports.
        case halfOpen(since: Int64)
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

    /// How this breaker counts, waits and tries again.
    public let policy: Policy
    /// The current state.
    public private(set) var state: State = .closed(failures: 0)
    /// The length of the current (or last) open period; 0 once a success has closed the breaker, so the next
    /// opening starts again from the policy's first cooldown.
    public private(set) var cooldownMilliseconds: Int64 = 0

    /// A closed breaker following `policy`.
    public init(_ policy: Policy) {
        self.policy = policy
    }

    /// Whether a call starting at `now` may go out. An open breaker whose cooldown is over (or whose opening lies
    /// in the future: a wall clock set back) turns half-open and admits this call as the trial.
    public mutating func admit(now: Int64) -> Admission {
        switch state {
        case .closed:
            return .allowed
        case .open(let since, let until):
            guard now >= until || now < since else { return .refused }
        case .halfOpen(let since):
            guard let timeout = policy.trialTimeoutMilliseconds, now - since >= timeout else { return .refused }
        }
        state = .halfOpen(since: now)
        return .trial
    }

    /// Records the outcome of an admitted call that ended at `now`. A failure below the threshold is counted;
    /// the one that reaches it, and any failure while open or half-open, opens the breaker from `now` for the
    /// next cooldown.
    public mutating func record(success: Bool, now: Int64) {
        if success {
            state = .closed(failures: 0)
            cooldownMilliseconds = 0
            return
        }
        if case .closed(let failures) = state, failures + 1 < policy.failureThreshold {
            state = .closed(failures: failures + 1)
            return
        }
        cooldownMilliseconds = cooldownMilliseconds == 0
            ? policy.cooldownMilliseconds : min(cooldownMilliseconds * 2, policy.maximumCooldownMilliseconds)
        state = .open(since: now, until: now + cooldownMilliseconds)
    }
}
