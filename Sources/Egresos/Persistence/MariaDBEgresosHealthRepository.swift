import MariaDB

/// Health reading over the worker's MariaDB connection.
struct MariaDBEgresosHealthRepository: EgresosHealthRepository {
    let connection: MariaDBConnection

    func databaseAnswers() -> Bool { connection.ping() }
}
