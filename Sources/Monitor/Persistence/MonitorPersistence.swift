import MariaDB

/// The worker's database connection, as Monitor's repositories see it. Each feature adds its repository as an
/// extension in `Persistence/` (`var expedientes: any ExpedienteRepository`), so only these files import MariaDB.
public final class MonitorPersistence {
    let connection: MariaDBConnection

    init(connection: MariaDBConnection) {
        self.connection = connection
    }

    /// Runs `body` in one transaction (rolled back when it throws).
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try connection.transaction(body)
    }
}
