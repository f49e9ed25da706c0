import Logging
import MariaDB

extension MonitorModule {
    /// Runs the status checks of monitor.md §8.2 over `connection` and records them for `/api/diagnostico/checks`
    /// (the serve process calls it at start and every 5 minutes, on its own thread and connection).
    @discardableResult
    public func runStatusChecks(connection: MariaDBConnection, logger: Logger) -> [StatusCheck] {
        MonitorStatusChecks(environment: environment, health: MariaDBMonitorHealthRepository(connection: connection),
                            logger: logger).run()
    }
}

extension MonitorPersistence {
    /// The readings of `/api/diagnostico` (monitor.md §4.13).
    var diagnostico: any DiagnosticoRepository { MariaDBDiagnosticoRepository(connection: connection) }
}
