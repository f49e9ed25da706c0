import AppCore
import HTTPCore

/// The Transporte module: its settings, routes and error format. Built once, shared by every worker.
public struct TransporteModule: Sendable {
    /// The common settings.
    public let settings: ModuleSettings

    /// Reads Transporte's settings.
    public init(settings: ModuleSettings) throws {
        self.settings = settings
    }

    /// The routes, frozen. Routing comes first (FastAPI), then the body is parsed for matched routes.
    public func makeResponder() -> Responder<TransporteContext> {
        var router = Router<TransporteContext>()
        router.group("", middleware: [BodyParsingMiddleware(limits: settings.bodyLimits)]) { router in
            SystemRoutes().register(in: &router)
        }
        return router.freeze(middleware: [
            RequestIDMiddleware(),
            AccessLogMiddleware(),
            CORSMiddleware(allowOrigin: settings.corsAllowOrigin),
        ], errors: TransporteErrorRenderer())
    }
}
