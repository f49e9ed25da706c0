import Resilience
import Synchronization
import Testing

/// The one circuit breaker, step by step on a hand-moved clock, under the two policies the product uses: the
/// database's connects (`.databaseConnect` in MariaDB: one failure, 100 ms doubling to 1 s, a lost probe replaced
/// after 10 s) and the registries' (T15: N consecutive failures, a constant cooldown, a trial waited for).
@Suite("CircuitBreaker")
struct CircuitBreakerTests {
    /// The database's policy, spelled out here so a change to it in MariaDB fails `ConnectionBreakerTests` too.
    static let connects = CircuitBreaker.Policy(failureThreshold: 1, cooldownMilliseconds: 100,
                                                maximumCooldownMilliseconds: 1_000, trialTimeoutMilliseconds: 10_000)

    /// A clock the test moves by hand (milliseconds).
    final class ManualClock: Sendable {
        private let value: Mutex<Int64>
        init(_ start: Int64) { value = Mutex(start) }
        var now: Int64 { value.withLock { $0 } }
        func advance(_ milliseconds: Int64) { value.withLock { $0 += milliseconds } }
    }

    // MARK: The registries' policy (T15)

    @Test("closed → open at the threshold of consecutive failures; a success in between starts the count again")
    func opensAtThreshold() {
        var breaker = CircuitBreaker(.init(failureThreshold: 3, cooldownMilliseconds: 30_000))
        #expect(breaker.admit(now: 0) == .allowed)
        breaker.record(success: false, now: 0)
        breaker.record(success: false, now: 1)
        #expect(breaker.state == .closed(failures: 2))
        breaker.record(success: true, now: 2)
        #expect(breaker.state == .closed(failures: 0))
        for t in 3...5 { breaker.record(success: false, now: Int64(t)) }
        #expect(breaker.state == .open(since: 5, until: 30_005))
        #expect(breaker.admit(now: 6) == .refused)
        #expect(breaker.admit(now: 30_004) == .refused, "still inside the cooldown")
    }

    @Test("open → half-open after the cooldown: one trial, the others refused; its success closes, its failure reopens for the same cooldown")
    func halfOpen() {
        var breaker = CircuitBreaker(.init(failureThreshold: 1, cooldownMilliseconds: 30_000))
        breaker.record(success: false, now: 1_000)
        #expect(breaker.state == .open(since: 1_000, until: 31_000))
        #expect(breaker.admit(now: 31_000) == .trial)
        #expect(breaker.state == .halfOpen(since: 31_000))
        #expect(breaker.admit(now: 31_001) == .refused, "one trial at a time")
        #expect(breaker.admit(now: 10_000_000) == .refused, "without a trial timeout the trial is waited for")
        breaker.record(success: false, now: 31_500)
        #expect(breaker.state == .open(since: 31_500, until: 61_500), "a failed trial opens it for a whole new cooldown")
        #expect(breaker.admit(now: 61_499) == .refused)
        #expect(breaker.admit(now: 61_500) == .trial)
        breaker.record(success: true, now: 61_600)
        #expect(breaker.state == .closed(failures: 0))
        #expect(breaker.admit(now: 61_601) == .allowed)
    }

    @Test("a wall clock set back before the opening lets the trial through instead of refusing for ever")
    func clockSetBack() {
        var breaker = CircuitBreaker(.init(failureThreshold: 1, cooldownMilliseconds: 30_000))
        breaker.record(success: false, now: 100_000)
        #expect(breaker.admit(now: 50_000) == .trial)
    }

    @Test("a policy out of range is clamped: at least one failure, no negative cooldown, the maximum never below the first")
    func policyClamped() {
        let policy = CircuitBreaker.Policy(failureThreshold: 0, cooldownMilliseconds: -5, maximumCooldownMilliseconds: -10)
        #expect(policy.failureThreshold == 1 && policy.cooldownMilliseconds == 0 && policy.maximumCooldownMilliseconds == 0)
        #expect(CircuitBreaker.Policy(cooldownMilliseconds: 300, maximumCooldownMilliseconds: 100).maximumCooldownMilliseconds == 300)
    }

    // MARK: The database's connects, shared by the workers

    /// A shared breaker with the connects' policy on `clock`.
    func shared(_ clock: ManualClock) -> SharedCircuitBreaker<String> {
        SharedCircuitBreaker(Self.connects, now: { clock.now })
    }

    func admits(_ breaker: SharedCircuitBreaker<String>) -> Bool {
        if case .refused = breaker.admit() { return false }
        return true
    }

    @Test("closed: every caller goes through, however many")
    func closedLetsEveryoneThrough() {
        let breaker = shared(ManualClock(1_000_000))
        #expect((0..<8).allSatisfy { _ in admits(breaker) })
        #expect(breaker.state == .closed(failures: 0))
    }

    @Test("one failure opens it: the others are refused at once and told that failure; a success forgets it")
    func failureOpensAndIsTold() {
        let clock = ManualClock(1_000_000)
        let breaker = shared(clock)
        let transition = breaker.recordFailure("socket gone")
        #expect(transition.opened && !transition.closed)
        #expect(breaker.state == .open(since: 1_000_000, until: 1_000_100))
        guard case .refused(let failure) = breaker.admit() else {
            Issue.record("an open breaker let a caller through")
            return
        }
        #expect(failure == "socket gone")
        clock.advance(100)
        guard case .trial = breaker.admit() else {
            Issue.record("no trial after the cooldown")
            return
        }
        #expect(breaker.recordSuccess().closed)
        #expect(!breaker.recordFailure("again").closed)
        if case .refused(let failure) = breaker.admit() { #expect(failure == "again") }
    }

    @Test("after the cooldown exactly one caller probes; its success closes the breaker")
    func probeSuccessCloses() {
        let clock = ManualClock(1_000_000)
        let breaker = shared(clock)
        breaker.recordFailure("down")
        clock.advance(1_000)
        #expect(admits(breaker))
        #expect(breaker.state == .halfOpen(since: 1_001_000))
        #expect(!(0..<7).contains { _ in admits(breaker) })
        breaker.recordSuccess()
        #expect(breaker.state == .closed(failures: 0))
        #expect(admits(breaker) && admits(breaker))
    }

    @Test("each failed probe doubles the cooldown up to the maximum; a success starts it over")
    func cooldownDoublesToMaximum() {
        let clock = ManualClock(1_000_000)
        let breaker = shared(clock)
        var cooldowns: [Int64] = []
        for _ in 0..<6 {
            let now = clock.now
            breaker.recordFailure("down")
            guard case .open(let since, let until) = breaker.state, since == now else {
                Issue.record("not open from now after a failure")
                return
            }
            cooldowns.append(until - now)
            clock.advance(1_000)
            #expect(admits(breaker))
        }
        #expect(cooldowns == [100, 200, 400, 800, 1_000, 1_000])
        breaker.recordSuccess()
        breaker.recordFailure("down")
        #expect(breaker.state == .open(since: clock.now, until: clock.now + 100))
    }

    @Test("a probe that never reports does not keep the breaker shut: another caller probes after the timeout")
    func lostProbeIsReplaced() {
        let clock = ManualClock(1_000_000)
        let breaker = shared(clock)
        breaker.recordFailure("down")
        clock.advance(1_000)
        #expect(admits(breaker))
        clock.advance(9_000)
        #expect(!admits(breaker))
        clock.advance(1_000)
        #expect(admits(breaker))
    }

    @Test("a late failure of a call admitted while closed reopens it from now without a log-worthy change")
    func lateFailureWhileOpen() {
        let clock = ManualClock(0)
        let breaker = SharedCircuitBreaker<String>(.init(failureThreshold: 1, cooldownMilliseconds: 30_000), now: { clock.now })
        #expect(breaker.recordFailure("first").opened)
        clock.advance(10)
        let late = breaker.recordFailure("late")
        #expect(!late.opened && !late.closed)
        #expect(breaker.state == .open(since: 10, until: 30_010))
    }
}
