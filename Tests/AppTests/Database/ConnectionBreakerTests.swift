import MariaDB
import Resilience
import Testing
import TestSupport

/// The workers' shared connect breaker as the connections use it (its state machine is `CircuitBreakerTests`):
/// a server that cannot be reached is tried once, and the other connections fail at once with that failure.
@Suite("ConnectionBreaker")
struct ConnectionBreakerTests {
    @Test("the database's policy: one failure opens it, 100 ms doubling to 1 s, a lost probe replaced after 10 s")
    func policy() {
        let policy = CircuitBreaker.Policy.databaseConnect
        #expect(policy.failureThreshold == 1)
        #expect(policy.cooldownMilliseconds == 100 && policy.maximumCooldownMilliseconds == 1_000)
        #expect(policy.trialTimeoutMilliseconds == 10_000)
    }

    @Test("a failed connect opens it: the next connection fails at once with that failure, still .connectionFailed")
    func refusedConnectsCarryTheFailure() throws {
        let clock = TestClock(1_000_000)
        let breaker = ConnectionBreaker(.databaseConnect, now: { clock.nowMilliseconds() })
        let configuration = MariaDBConfiguration(socket: "/nonexistent/ventanilla-breaker.sock", user: "nobody", password: "",
                                                 database: "none")
        let first = MariaDBConnection(configuration: configuration, breaker: breaker)
        let tried = #expect(throws: MariaDBError.self) { try first.connect() }
        #expect(tried?.kind == .connectionFailed)
        #expect(breaker.state == .open(since: 1_000_000, until: 1_000_100))

        let second = MariaDBConnection(configuration: configuration, breaker: breaker)
        let refused = #expect(throws: MariaDBError.self) { try second.connect() }
        #expect(refused?.kind == .connectionFailed)
        #expect(refused?.code == tried?.code)
        #expect(refused?.isConnectionProblem == true)
        #expect(refused?.message.hasPrefix("not connecting for a while after: ") == true)
        #expect(breaker.state == .open(since: 1_000_000, until: 1_000_100), "a refused connect is no attempt")

        clock.advance(seconds: 1)
        _ = #expect(throws: MariaDBError.self) { try second.connect() }
        #expect(breaker.state == .open(since: 1_001_000, until: 1_001_200), "the probe failed: twice the cooldown")
    }
}
