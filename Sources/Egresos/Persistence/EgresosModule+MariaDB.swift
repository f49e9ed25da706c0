import Logging
import MariaDB

extension EgresosModule {
    /// The context of one request, over the worker thread's connection.
    public func makeContext(connection: MariaDBConnection, logger: Logger) -> EgresosContext {
        EgresosContext(logger: logger, health: MariaDBEgresosHealthRepository(connection: connection))
    }
}
