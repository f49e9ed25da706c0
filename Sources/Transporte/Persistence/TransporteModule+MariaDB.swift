import AppCore
import Logging
import MariaDB

extension TransporteModule {
    /// The context of one request, over the worker thread's connection.
    public func makeContext(connection: MariaDBConnection, logger: Logger) -> TransporteContext {
        TransporteContext(logger: logger, persistence: TransportePersistence(connection: connection, lockWaitSeconds: environment.lockWaitSeconds,
                                                                                  catalogos: catalogos),
                          health: MariaDBTransporteHealthRepository(connection: connection), tokens: tokens,
                          environment: environment, sessionUsers: connection.local { SessionUsers() })
    }
}
