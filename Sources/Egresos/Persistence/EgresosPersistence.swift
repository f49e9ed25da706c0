import MariaDB

/// The worker's database connection, as Egresos' repositories see it. Each feature adds its repository as an
/// extension in `Persistence/` (`var auth: any AuthRepository`), so only `Persistence/` imports MariaDB.
public final class EgresosPersistence {
    let connection: MariaDBConnection

    init(connection: MariaDBConnection) {
        self.connection = connection
    }

    /// Runs `body` in one transaction (rolled back when it throws).
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try connection.transaction(body)
    }
}
