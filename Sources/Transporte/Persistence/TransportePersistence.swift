import MariaDB

/// The worker's database connection, as Transporte's repositories see it. Each feature adds its repository as
/// an extension in `Persistence/` (`var solicitudes: any SolicitudRepository`), so only `Persistence/` imports
/// MariaDB.
public final class TransportePersistence {
    let connection: MariaDBConnection

    init(connection: MariaDBConnection) {
        self.connection = connection
    }

    /// Runs `body` in one transaction (rolled back when it throws).
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try connection.transaction(body)
    }
}
