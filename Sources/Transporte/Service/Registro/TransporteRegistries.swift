import AppCore
import Resilience

/// The plate and DUI registries of ruling T15 as the module was configured: `TRANSPORTE_PLACA_API_URL` and
/// `TRANSPORTE_DUI_API_URL` (each with its optional bearer `…_TOKEN`), reached through the transport the
/// composition root gives. An unset URL leaves that registry unconfigured: its routes answer 503.
public struct TransporteRegistries: Sendable {
    /// Makes the transport of one configured endpoint (App: libcurl).
    public typealias TransportFactory = @Sendable (RegistryEndpoint) -> any RegistryTransport

    /// The plate registry, nil when not configured.
    public let placa: (any RegistryTransport)?
    /// The DUI registry, nil when not configured.
    public let dui: (any RegistryTransport)?
    /// `TRANSPORTE_PLACA_API_PROPIETARIO_FILTRO`: when set, `consulta-placa` and `crear-por-placa` refuse (403) a
    /// vehicle whose registered owner does not contain this text (case-insensitive).
    public let propietarioFiltro: String?

    /// Registries from their parts.
    public init(placa: (any RegistryTransport)?, dui: (any RegistryTransport)?, propietarioFiltro: String? = nil) {
        self.placa = placa
        self.dui = dui
        self.propietarioFiltro = propietarioFiltro
    }

    /// Consecutive failures that open a registry's breaker, by default.
    static let breakerFailures = 5
    /// Seconds an open breaker refuses before its trial call, by default.
    static let breakerCoolDownSeconds = 30

    /// No registry configured.
    public static let none = TransporteRegistries(placa: nil, dui: nil)

    /// Reads the settings: `PLACA_API_URL`, `PLACA_API_TOKEN`, `DUI_API_URL`, `DUI_API_TOKEN` (URLs `http://` or
    /// `https://`), `PLACA_API_PROPIETARIO_FILTRO`, and `REGISTRY_TIMEOUT_MS` (100-10000, default 10000: the
    /// whole exchange; the connect timeout is 3 s or this, whichever is shorter). Without `transport` no
    /// registry is configured. The breakers: `REGISTRY_BREAKER_FAILURES` consecutive failures (1-100, default 5)
    /// open one, for `REGISTRY_BREAKER_COOLDOWN_SECONDS` (1-3600, default 30) on `clock`.
    static func read(_ environment: Environment, transport: TransportFactory?, clock: any Clock = SystemClock()) throws -> TransporteRegistries {
        let total = try environment.int("REGISTRY_TIMEOUT_MS", default: RegistryEndpoint.totalTimeoutMilliseconds,
                                        range: 100...RegistryEndpoint.totalTimeoutMilliseconds)
        let failures = try environment.int("REGISTRY_BREAKER_FAILURES", default: Self.breakerFailures, range: 1...100)
        let coolDown = try environment.int("REGISTRY_BREAKER_COOLDOWN_SECONDS", default: Self.breakerCoolDownSeconds, range: 1...3_600)
        func endpoint(_ name: String) throws -> (any RegistryTransport)? {
            guard let url = environment.string(name + "_API_URL") else { return nil }
            guard url.hasPrefix("http://") || url.hasPrefix("https://"), url.utf8.count > 8 else {
                throw ConfigurationError(variable: environment.nameInUse(name + "_API_URL"), problem: "must be an http:// or https:// URL")
            }
            guard let made = transport?(RegistryEndpoint(url: url, token: environment.string(name + "_API_TOKEN"),
                                                         totalTimeoutMilliseconds: total)) else { return nil }
            // T15: a constant cooldown, and a trial waited for as long as it takes (the call's own timeout bounds it).
            let policy = CircuitBreaker.Policy(failureThreshold: failures, cooldownMilliseconds: Int64(coolDown) * 1_000)
            return GuardedRegistryTransport(made, name: name.lowercased(), policy: policy, clock: clock)
        }
        return TransporteRegistries(placa: try endpoint("PLACA"), dui: try endpoint("DUI"),
                                    propietarioFiltro: environment.string("PLACA_API_PROPIETARIO_FILTRO"))
    }
}
