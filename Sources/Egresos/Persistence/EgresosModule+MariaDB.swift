import AppCore
import Logging
import MariaDB

extension EgresosModule {
    /// The context of one request, over the worker thread's connection.
    public func makeContext(connection: MariaDBConnection, logger: Logger) -> EgresosContext {
        EgresosContext(logger: logger, persistence: EgresosPersistence(connection: connection),
                       health: MariaDBEgresosHealthRepository(connection: connection), auth: auth,
                       bodyLimits: settings.bodyLimits, verifiedTokens: connection.local { EgresosVerifiedTokens() },
                       reportBuilds: reportBuilds)
    }
}
