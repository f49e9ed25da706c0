import AppCore
import Foundation

/// A clock the tests set and move (tokens, expiries, "today" in the module's zone).
public final class TestClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var millis: Int64

    /// A clock stopped at `millis` (UTC milliseconds).
    public init(_ millis: Int64) { self.millis = millis }

    public func nowMilliseconds() -> Int64 { lock.withLock { millis } }

    /// Moves the clock by `seconds`.
    public func advance(seconds: Int) { lock.withLock { millis += Int64(seconds) * 1_000 } }
}

/// Elapsed time and deadlines for tests, on the monotonic clock: a test reads the wall clock only through a
/// `TestClock` (scripts/test's clock tier checks that no test reads `Date()` or `SystemClock()`).
public enum Elapsed {
    /// Seconds spent running `body`, and its result.
    public static func measure<T>(_ body: () throws -> T) rethrows -> (result: T, seconds: Double) {
        let start = ContinuousClock.now
        let result = try body()
        return (result, seconds(since: start))
    }

    /// Seconds since `start`.
    public static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Polls `condition` every `interval` seconds until it holds (true) or `seconds` have passed (false).
    public static func waitUntil(seconds: Double, interval: Double = 0.02, _ condition: () throws -> Bool) rethrows -> Bool {
        let start = ContinuousClock.now
        while try !condition() {
            if Self.seconds(since: start) > seconds { return false }
            usleep(UInt32(interval * 1_000_000))
        }
        return true
    }
}
