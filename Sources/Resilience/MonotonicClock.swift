internal import Glibc

/// The system's monotonic clock, the default time of a `SharedCircuitBreaker`: it never jumps when the wall clock
/// is set.
public enum MonotonicClock {
    /// Milliseconds on `CLOCK_MONOTONIC`.
    @Sendable
    public static func milliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1_000 + Int64(now.tv_nsec) / 1_000_000
    }
}
