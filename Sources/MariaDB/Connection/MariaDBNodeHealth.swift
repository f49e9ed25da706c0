public import Resilience

/// What a process remembers about each node of its configuration's list (`MariaDBConfiguration.endpoints`):
/// one circuit breaker per node, shared by every connection of the process, so that once one connection found
/// a node down (refused, lost, not ready) the others skip it without paying its connect timeout, and after the
/// back-off one of them tries it again: the connections that had moved down the list come back to it.
public final class MariaDBNodeHealth: Sendable {
    /// One breaker per node, in the list's order.
    let breakers: [SharedCircuitBreaker<MariaDBError>]

    /// Healthy breakers for `nodeCount` nodes, timed by `now` (milliseconds; tests pass their own clock).
    public init(nodeCount: Int, now: @escaping @Sendable () -> Int64 = MonotonicClock.milliseconds) {
        breakers = (0..<max(nodeCount, 1)).map { _ in SharedCircuitBreaker(.databaseNode, now: now) }
    }

    /// The breaker's state of the node at `index` (logs, tests).
    public func state(ofNode index: Int) -> CircuitBreaker.State {
        breakers[index].state
    }

    /// Records that a connection in use on node `index` was lost (or the node stopped being ready): the node is
    /// skipped for the back-off. Only a healthy node's first loss counts: the other connections that lose theirs
    /// to the same failure at the same moment do not stretch its back-off.
    func nodeLost(_ index: Int, _ failure: MariaDBError) {
        guard index < breakers.count, case .closed = breakers[index].state else { return }
        breakers[index].recordFailure(failure)
    }
}

extension CircuitBreaker.Policy {
    /// One node of a list: one failure puts it aside for 1 s, then one connection tries it again; each failed
    /// try doubles the wait up to 5 s (how long a node that rejoined may wait for its load to come back). A try
    /// that has not reported in 10 s is taken for lost.
    public static let databaseNode = CircuitBreaker.Policy(
        failureThreshold: 1, cooldownMilliseconds: 1_000, maximumCooldownMilliseconds: 5_000, trialTimeoutMilliseconds: 10_000)
}
