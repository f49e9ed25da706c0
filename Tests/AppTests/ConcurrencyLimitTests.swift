import AppCore
import Dispatch
import Synchronization
import Testing

@Suite("AppCore: a limit on callers at once across threads")
struct ConcurrencyLimitTests {
    /// How many callers are inside at once, and the most seen.
    final class Occupancy: Sendable {
        private let counts = Mutex((inside: 0, most: 0))

        func enter() { counts.withLock { $0.inside += 1; $0.most = max($0.most, $0.inside) } }
        func leave() { counts.withLock { $0.inside -= 1 } }
        var most: Int { counts.withLock { $0.most } }
    }

    @Test("sixteen threads through a limit of two: never more than two inside, every caller served")
    func bound() {
        let limit = ConcurrencyLimit(2)
        let occupancy = Occupancy()
        let served = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            let value = limit.run { () -> Int in
                occupancy.enter()
                defer { occupancy.leave() }
                // Some work inside, so the callers overlap.
                return (0..<20_000).reduce(index) { ($0 &* 31) &+ $1 }
            }
            _ = value
            served.withLock { $0 += 1 }
        }
        #expect(occupancy.most <= 2)
        #expect(served.withLock { $0 } == 16)
    }

    @Test("a caller that throws frees its slot: a limit of one serves the next caller")
    func throwingCallerFreesItsSlot() {
        struct Refused: Error {}
        let limit = ConcurrencyLimit(1)
        #expect(throws: Refused.self) { try limit.run { () throws -> Int in throw Refused() } }
        #expect(limit.run { 7 } == 7)
        #expect(ConcurrencyLimit(0).limit == 1)
        #expect(ConcurrencyLimit.perCore().limit >= 2)
    }
}
