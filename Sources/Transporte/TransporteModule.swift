import AppCore
import HTTPCore

/// The Transporte module: its settings, routes and error format. Built once, shared by every worker.
public struct TransporteModule: Sendable {
    /// The common settings.
    public let settings: ModuleSettings
    /// What handlers need of the settings.
    public let environment: TransporteEnvironment
    /// Access and refresh tokens (`TRANSPORTE_JWT_SECRET`, T5).
    public let tokens: TransporteTokens
    /// The catalog names the solicitud record shows, one copy for every worker of the process (issue 16).
    let catalogos = CatalogoNombres()

    /// Reads Transporte's settings on top of the common ones: `TRANSPORTE_JWT_SECRET` (required, at least 32 bytes);
    /// `TRANSPORTE_LOCK_WAIT_SECONDS` (1-10, default 8), how long one attempt of a write transaction waits for a
    /// row lock (T16: five attempts of at most 10 s each stay under nginx's 60 s `fastcgi_read_timeout`); the
    /// registries of T15 (`TransporteRegistries.read`), reached through `registryTransport` (none without it).
    public init(settings: ModuleSettings, clock: any Clock = SystemClock(),
                registryTransport: TransporteRegistries.TransportFactory? = nil) throws {
        self.settings = settings
        let secret = try settings.environment.secret("JWT_SECRET", prefixedOnly: true)
        guard let zone = ZoneRules(identifier: settings.timeZone) else {
            throw ConfigurationError(variable: "APP_TIMEZONE", problem: "names an unknown time zone")
        }
        tokens = TransporteTokens(secret: secret, clock: clock)
        let lockWait = try settings.environment.int("LOCK_WAIT_SECONDS", default: LockWait.defaultSeconds,
                                                    range: 1...LockWait.maximumSeconds)
        environment = TransporteEnvironment(zone: zone, bodyLimits: settings.bodyLimits, clock: clock, lockWaitSeconds: lockWait,
                                            registries: try TransporteRegistries.read(settings.environment, transport: registryTransport,
                                                                                      clock: clock))
    }

    /// The routes, frozen. Routing comes first (FastAPI), then the body is parsed for matched routes.
    public func makeResponder() -> Responder<TransporteContext> {
        var router = Router<TransporteContext>()
        router.group("", middleware: [BodyParsingMiddleware(limits: settings.bodyLimits)]) { router in
            TransporteRoutes.register(in: &router)
        }
        return router.freeze(middleware: [
            RequestIDMiddleware(),
            AccessLogMiddleware(),
            CORSMiddleware(allowOrigin: settings.corsAllowOrigin),
        ], errors: TransporteErrorRenderer())
    }
}
