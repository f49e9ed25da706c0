import Glibc

/// The current time; a protocol so tests can pin it.
public protocol Clock: Sendable {
    /// Unix time in milliseconds.
    func nowMilliseconds() -> Int64
}

extension Clock {
    /// Unix time in whole seconds.
    public func nowSeconds() -> Int { Int(nowMilliseconds() / 1_000) }
}

/// The system clock.
public struct SystemClock: Clock {
    /// The system clock.
    public init() {}

    /// Unix time in milliseconds from `CLOCK_REALTIME`.
    public func nowMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000 + Int64(now.tv_nsec / 1_000_000)
    }
}
