/// Why a registry call brought no HTTP answer (ruling T15). `detail` is for the log, never for the client.
public enum RegistryFailure: Error, Equatable, Sendable {
    /// The connect (3 s) or the whole exchange (10 s) took too long: 504.
    case timeout(String)
    /// Nothing answered: refused, unknown host, no route: 502.
    case unreachable(String)
    /// Something answered, but not with a usable HTTP reply (reset, TLS failure, a body over the size cap): 502.
    case unusable(String)
    /// Not asked: its circuit breaker is open after consecutive failures (`GuardedRegistryTransport`): 503.
    case circuitOpen
}
