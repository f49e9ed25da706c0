import AppCore
import Logging
import MariaDB

extension MonitorModule {
    /// The context of one request, over the worker thread's connection.
    public func makeContext(connection: MariaDBConnection, logger: Logger) -> MonitorContext {
        MonitorContext(logger: logger, persistence: MonitorPersistence(connection: connection),
                       health: MariaDBMonitorHealthRepository(connection: connection), tokens: tokens,
                       environment: environment, sessionUsers: connection.local { SessionUsers() })
    }
}
