import MariaDB

extension MonitorPersistence {
    /// Expedientes and their estado history over the worker's connection.
    var expedientes: any ExpedienteRepository { MariaDBExpedienteRepository(connection: connection) }
}
