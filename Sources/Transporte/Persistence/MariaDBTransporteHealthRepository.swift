import MariaDB

/// Health reading over the worker's MariaDB connection.
struct MariaDBTransporteHealthRepository: TransporteHealthRepository {
    let connection: MariaDBConnection

    func databaseAnswers() -> Bool { connection.ping() }
}
