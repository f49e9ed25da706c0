import AppCore
import Logging
import Resilience

/// A registry transport behind a circuit breaker shared by every worker of the process: after
/// `failureThreshold` consecutive calls without a usable HTTP answer (timeout, nothing listening, a reset, any 5xx)
/// the registry is not asked for `coolDown` seconds and its routes answer 503 at once, so a dead or hanging
/// registry costs the workers nothing instead of a timeout each; then one call tries it again (half-open).
/// A 2xx or 4xx answer counts as the registry working, whatever its body.
public final class GuardedRegistryTransport: RegistryTransport {
    private let transport: any RegistryTransport
    private let name: String
    private let logger: Logger
    private let breaker: SharedCircuitBreaker<RegistryFailure>

    /// Guards `transport` (the registry called `name` in the log) with a breaker following `policy`, timed by
    /// `clock` (the wall clock: a clock set back before an opening lets the trial through, see `CircuitBreaker`).
    public init(_ transport: any RegistryTransport, name: String, policy: CircuitBreaker.Policy, clock: any Clock,
                logger: Logger = Logger(label: "ventanilla.transporte.registry")) {
        self.transport = transport
        self.name = name
        self.logger = logger
        breaker = SharedCircuitBreaker(policy, now: { clock.nowMilliseconds() })
    }

    /// The breaker's state now (tests, diagnostics).
    public var state: CircuitBreaker.State { breaker.state }

    public func fetch(_ key: String) throws(RegistryFailure) -> RegistryReply {
        switch breaker.admit() {
        case .refused: throw .circuitOpen
        case .trial: logger.notice("registry circuit half-open: trying one call", metadata: ["registry": "\(name)"])
        case .allowed: break
        }
        let reply: RegistryReply
        do {
            reply = try transport.fetch(key)
        } catch {
            if error != .circuitOpen { log(breaker.recordFailure(error)) }
            throw error
        }
        if reply.status < 500 {
            log(breaker.recordSuccess())
        } else {
            log(breaker.recordFailure(.unusable("HTTP \(reply.status)")))
        }
        return reply
    }

    /// Logs a change between closed and open.
    private func log(_ transition: SharedCircuitBreaker<RegistryFailure>.Transition) {
        if transition.opened {
            logger.warning("registry circuit open: its routes answer 503 until a trial call succeeds", metadata: ["registry": "\(name)"])
        } else if transition.closed {
            logger.notice("registry circuit closed", metadata: ["registry": "\(name)"])
        }
    }
}
