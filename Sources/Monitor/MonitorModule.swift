import AppCore
import HTTPCore

/// The Monitor module: its settings, its routes and its error format. Built once, shared by every worker.
public struct MonitorModule: Sendable {
    /// The common settings.
    public let settings: ModuleSettings
    /// What handlers need of the settings.
    public let environment: MonitorEnvironment
    /// Token issuing and verification (`MONITOR_JWT_SECRET`).
    public let tokens: MonitorTokens

    /// Reads Monitor's own settings on top of the common ones: `MONITOR_JWT_SECRET` (required, ≥ 32 bytes), `EVIDENCIAS_DIR`, `MONITOR_LOG_FILE`,
    /// `MONITOR_FRONTEND_URL`.
    public init(settings: ModuleSettings, clock: any Clock = SystemClock()) throws {
        self.settings = settings
        let secret = try settings.environment.secret("JWT_SECRET", prefixedOnly: true)
        guard let zone = ZoneRules(identifier: settings.timeZone) else {
            throw ConfigurationError(variable: "APP_TIMEZONE", problem: "names an unknown time zone")
        }
        tokens = MonitorTokens(secret: secret, clock: clock)
        environment = MonitorEnvironment(
            zone: zone,
            evidenceDirectory: settings.environment.string("EVIDENCIAS_DIR", default: settings.uploadRoot + "/evidencias"),
            bodyLimits: settings.bodyLimits, clock: clock, logFile: settings.logFile.map { ApplicationLogFile(path: $0) },
            frontendURL: settings.environment.string("FRONTEND_URL", default: MonitorEnvironment.defaultFrontendURL))
    }

    /// The routes, frozen. As in the original (Express parses JSON before routing), bodies are parsed before
    /// the route is looked up, so a malformed body is a 400 on any path.
    public func makeResponder() -> Responder<MonitorContext> {
        var router = Router<MonitorContext>()
        MonitorRoutes.register(in: &router)
        return router.freeze(middleware: [
            RequestIDMiddleware(),
            AccessLogMiddleware(),
            CORSMiddleware(allowOrigin: settings.corsAllowOrigin),
            BodyParsingMiddleware(limits: settings.bodyLimits),
        ], errors: MonitorErrorRenderer())
    }
}
