import AppCore
import HTTPCore

/// The Monitor module: its settings, its routes and its error format. Built once, shared by every worker.
public struct MonitorModule: Sendable {
    /// The common settings.
    public let settings: ModuleSettings
    /// Where evidence files live (nginx serves it read-only at `/evidencias/`, ruling M7).
    public let evidenceDirectory: String

    /// Reads Monitor's own settings on top of the common ones.
    public init(settings: ModuleSettings) throws {
        self.settings = settings
        evidenceDirectory = settings.environment.string("EVIDENCIAS_DIR", default: settings.uploadRoot + "/evidencias")
    }

    /// The routes, frozen. As in the original (Express parses JSON before routing), bodies are parsed before
    /// the route is looked up, so a malformed body is a 400 on any path.
    public func makeResponder() -> Responder<MonitorContext> {
        var router = Router<MonitorContext>()
        SystemRoutes(evidenceDirectory: evidenceDirectory).register(in: &router)
        return router.freeze(middleware: [
            RequestIDMiddleware(),
            AccessLogMiddleware(),
            CORSMiddleware(allowOrigin: settings.corsAllowOrigin),
            BodyParsingMiddleware(limits: settings.bodyLimits),
        ], errors: MonitorErrorRenderer())
    }
}
