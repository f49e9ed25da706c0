/// How Transporte reaches an external registry (ruling T15): one HTTP GET of `<url>/<key>`. The module declares
/// what it needs; the composition root (App) implements it over libcurl, with the timeouts and the size cap of
/// its `RegistryEndpoint`. A business module never speaks HTTP itself.
public protocol RegistryTransport: Sendable {
    /// The registry's answer for `key` (any HTTP status), or why there is none. Blocks the calling worker for at
    /// most the endpoint's total timeout.
    func fetch(_ key: String) throws(RegistryFailure) -> RegistryReply
}
