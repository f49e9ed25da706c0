import AppCore
import HTTPCore

/// The Egresos module: its settings, routes and error format. Built once, shared by every worker.
public struct EgresosModule: Sendable {
    /// The common settings.
    public let settings: ModuleSettings
    /// Egresos' own settings (§14).
    public let egresos: EgresosSettings
    /// Staff and supplier token verification, supplier session issuing.
    public let auth: EgresosAuthentication
    /// The profitability reports built at once by this process, every worker counted (issue 16: each holds
    /// megabytes while it is built, and more of them than cores finish none sooner).
    let reportBuilds = ConcurrencyLimit.perCore()

    /// Reads Egresos' settings on top of the common ones (`EgresosSettings`); a missing or unusable value is a
    /// `ConfigurationError`. Every endpoint's rule strings are parsed here, once (a malformed one is a
    /// `RuleParseError`: the module does not start).
    /// `fileStore` makes the `s3` file storage (issue 18).
    public init(settings: ModuleSettings, clock: any Clock = SystemClock(), fileStore: StorageSettings.Factory? = nil) throws {
        try EgresosEndpointRules.checkDeclared()
        self.settings = settings
        egresos = try EgresosSettings(environment: settings.environment, fileStore: fileStore)
        auth = EgresosAuthentication(settings: egresos, clock: clock)
    }

    /// The routes, frozen. Processing order of egresos.md §1.1: route match, then body parsing, then the rest.
    public func makeResponder() -> Responder<EgresosContext> {
        var router = Router<EgresosContext>()
        router.group("", middleware: [BodyParsingMiddleware(limits: settings.bodyLimits)]) { router in
            EgresosRoutes.register(in: &router)
        }
        return router.freeze(middleware: [
            RequestIDMiddleware(),
            AccessLogMiddleware(),
            CORSMiddleware(allowOrigin: settings.corsAllowOrigin,
                           allowMethods: [.get, .post, .put, .delete, .options],
                           allowHeaders: ["Authorization", "Content-Type", "Accept-Language"]),
        ], errors: EgresosErrorRenderer())
    }
}
