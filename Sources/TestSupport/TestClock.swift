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
