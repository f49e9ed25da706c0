import AppCore
import Foundation

/// A clock the tests set and move.
final class AuthClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var millis: Int64

    init(_ millis: Int64) { self.millis = millis }

    func nowMilliseconds() -> Int64 { lock.withLock { millis } }

    /// Moves the clock by `seconds`.
    func advance(seconds: Int) { lock.withLock { millis += Int64(seconds) * 1_000 } }
}
