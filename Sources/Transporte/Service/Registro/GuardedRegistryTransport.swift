import AppCore
import Logging
import Synchronization

/// A registry transport behind a circuit breaker shared by every worker of the process: after
/// `failureThreshold` consecutive calls without a usable HTTP answer (timeout, nothing listening, a reset, any 5xx)
/// the registry is not asked for `coolDown` seconds and its routes answer 503 at once, so a dead or hanging
/// registry costs the workers nothing instead of a timeout each; then one call tries it again (half-open).
/// A 2xx or 4xx answer counts as the registry working, whatever its body.
public final class GuardedRegistryTransport: RegistryTransport {
    private let transport: any RegistryTransport
    private let clock: any Clock
    private let name: String
    private let logger: Logger
    private let breaker: Mutex<CircuitBreaker>

    /// Guards `transport` (the registry called `name` in the log) with a breaker of `policy`, timed by `clock`.
    public init(_ transport: any RegistryTransport, name: String, breaker: CircuitBreaker, clock: any Clock,
                logger: Logger = Logger(label: "ventanilla.transporte.registry")) {
        self.transport = transport
        self.clock = clock
        self.name = name
        self.logger = logger
        self.breaker = Mutex(breaker)
    }

    /// The breaker's state now (tests, diagnostics).
    public var state: CircuitBreaker.State { breaker.withLock { $0.state } }

    public func fetch(_ key: String) throws(RegistryFailure) -> RegistryReply {
        let admission = breaker.withLock { $0.admit(now: clock.nowMilliseconds()) }
        if admission == .refused { throw .circuitOpen }
        if admission == .trial { logger.notice("registry circuit half-open: trying one call", metadata: ["registry": "\(name)"]) }
        let reply: RegistryReply
        do {
            reply = try transport.fetch(key)
        } catch {
            if error != .circuitOpen { settle(success: false) }
            throw error
        }
        settle(success: reply.status < 500)
        return reply
    }

    /// Records an outcome and logs a change between closed and open.
    private func settle(success: Bool) {
        let (before, after) = breaker.withLock { breaker -> (CircuitBreaker.State, CircuitBreaker.State) in
            let before = breaker.state
            breaker.record(success: success, now: clock.nowMilliseconds())
            return (before, breaker.state)
        }
        switch (before, after) {
        case (.open, .open), (.closed, .closed): break
        case (_, .open): logger.warning("registry circuit open: its routes answer 503 until a trial call succeeds",
                                        metadata: ["registry": "\(name)"])
        case (.halfOpen, .closed), (.open, .closed): logger.notice("registry circuit closed", metadata: ["registry": "\(name)"])
        default: break
        }
    }
}
