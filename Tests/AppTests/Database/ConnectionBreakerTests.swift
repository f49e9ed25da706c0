import MariaDB
import Testing
import TestSupport

/// The workers' shared circuit breaker, step by step on the fixed test clock.
@Suite("ConnectionBreaker states")
struct ConnectionBreakerTests {
    let clock = TestClock(1_000_000)
    let down = MariaDBError(code: 2002, sqlState: "HY000", message: "Can't connect through socket")

    /// A breaker on the test clock (milliseconds), 100 ms to 1 s of cooldown, probes time out after 10 s.
    func breaker() -> ConnectionBreaker {
        let clock = clock
        return ConnectionBreaker(initialCooldownMilliseconds: 100, maximumCooldownMilliseconds: 1_000,
                                 probeTimeoutMilliseconds: 10_000, now: { clock.nowMilliseconds() })
    }

    /// A breaker one failure opened, whose cooldown has passed (the next caller probes).
    func cooledDown() -> ConnectionBreaker {
        let breaker = breaker()
        breaker.recordFailure(down)
        clock.advance(seconds: 1)
        return breaker
    }

    func attempts(_ breaker: ConnectionBreaker) -> Bool {
        if case .attempt = breaker.decide() { return true }
        return false
    }

    @Test("closed: every caller connects, however many")
    func closedLetsEveryoneConnect() {
        let breaker = breaker()
        #expect((0..<8).allSatisfy { _ in attempts(breaker) })
        #expect(breaker.state == .closed)
    }

    @Test("a failed connect opens it: the others fail at once with that failure, still .connectionFailed")
    func failureOpens() throws {
        let breaker = breaker()
        #expect(attempts(breaker))
        breaker.recordFailure(down)
        #expect(breaker.state == .open(until: 1_000_100))
        guard case .refuse(let error) = breaker.decide() else {
            Issue.record("an open breaker let a caller connect")
            return
        }
        #expect(error.kind == .connectionFailed)
        #expect(error.code == 2002)
        #expect(error.isConnectionProblem)
    }

    @Test("after the cooldown exactly one caller probes; its success closes the breaker")
    func probeSuccessCloses() {
        let breaker = cooledDown()
        #expect(attempts(breaker))
        #expect(breaker.state == .probing(since: 1_001_000))
        #expect(!(0..<7).contains { _ in attempts(breaker) })
        breaker.recordSuccess()
        #expect(breaker.state == .closed)
        #expect(attempts(breaker) && attempts(breaker))
    }

    @Test("each failed probe doubles the cooldown up to the maximum; a success starts it over")
    func cooldownDoublesToMaximum() {
        let breaker = breaker()
        var cooldowns: [Int64] = []
        for _ in 0..<6 {
            let now = clock.nowMilliseconds()
            breaker.recordFailure(down)
            guard case .open(let until) = breaker.state else {
                Issue.record("not open after a failure")
                return
            }
            cooldowns.append(until - now)
            clock.advance(seconds: 1)
            #expect(attempts(breaker))
        }
        #expect(cooldowns == [100, 200, 400, 800, 1_000, 1_000])
        breaker.recordSuccess()
        breaker.recordFailure(down)
        #expect(breaker.state == .open(until: clock.nowMilliseconds() + 100))
    }

    @Test("a probe that never reports does not keep the breaker shut: another caller probes after the timeout")
    func lostProbeIsReplaced() {
        let breaker = cooledDown()
        #expect(attempts(breaker))
        clock.advance(seconds: 9)
        #expect(!attempts(breaker))
        clock.advance(seconds: 1)
        #expect(attempts(breaker))
    }
}
