import MariaDB

/// The worker's database connection, as Transporte's repositories see it. Each feature adds its repository as
/// an extension in `Persistence/` (`var solicitudes: any SolicitudRepository`), so only `Persistence/` imports
/// MariaDB.
public final class TransportePersistence {
    let connection: MariaDBConnection
    /// How write transactions run (T16).
    let retry: TransactionRetry
    /// The process's catalog names (issue 16), shared by its workers.
    let catalogos: CatalogoNombres

    init(connection: MariaDBConnection, lockWaitSeconds: Int = TransactionRetry.defaultLockWaitSeconds,
         catalogos: CatalogoNombres = CatalogoNombres()) {
        self.connection = connection
        self.catalogos = catalogos
        retry = TransactionRetry(connection: connection, lockWaitSeconds: lockWaitSeconds)
    }

    /// Runs `body` in one transaction (rolled back when it throws).
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try connection.transaction(body)
    }
}
