import MariaDB

/// Health readings over the worker's MariaDB connection.
struct MariaDBMonitorHealthRepository: MonitorHealthRepository {
    let connection: MariaDBConnection

    func databaseAnswers() -> Bool { connection.ping() }

    func expedienteCount() -> Int {
        (try? connection.queryFirst("SELECT COUNT(*) AS n FROM expediente")?.int("n")).map { Int($0) } ?? 0
    }
}
