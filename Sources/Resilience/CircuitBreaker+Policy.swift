extension CircuitBreaker {
    /// How a breaker counts, waits and tries again: each caller states its own.
    public struct Policy: Sendable, Equatable {
        /// Consecutive failures that open a closed breaker (at least 1).
        public let failureThreshold: Int
        /// How long the first opening refuses calls, in milliseconds.
        public let cooldownMilliseconds: Int64
        /// The longest cooldown: each failed trial doubles the previous one up to this (never below
        /// `cooldownMilliseconds`; equal to it, every opening lasts the same).
        public let maximumCooldownMilliseconds: Int64
        /// How long a trial may go without reporting before the next call becomes the trial instead; nil: a
        /// trial is waited for however long it takes (its caller always reports, bounded by its own timeout).
        public let trialTimeoutMilliseconds: Int64?

        /// A policy; out-of-range values are clamped (threshold at least 1, cooldowns not negative, the maximum
        /// not below the first cooldown). Without `maximumCooldownMilliseconds` the cooldown is constant.
        public init(failureThreshold: Int = 1, cooldownMilliseconds: Int64, maximumCooldownMilliseconds: Int64? = nil,
                    trialTimeoutMilliseconds: Int64? = nil) {
            self.failureThreshold = max(1, failureThreshold)
            self.cooldownMilliseconds = max(0, cooldownMilliseconds)
            self.maximumCooldownMilliseconds = max(maximumCooldownMilliseconds ?? self.cooldownMilliseconds,
                                                   self.cooldownMilliseconds)
            self.trialTimeoutMilliseconds = trialTimeoutMilliseconds.map { max(0, $0) }
        }
    }
}
