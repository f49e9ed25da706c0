import MariaDB

/// The lock that lets one bulk backup run at a time across every process and host (ruling M14): a MariaDB
/// named lock, per database, held by the job's own connection for the whole run. The server releases it when
/// that connection ends, so a process that dies mid-run never leaves the job "running".
enum BackupJobLock {
    /// The lock's name as SQL: one per database, so several Monitor databases on one server do not share it.
    static let nameSQL = "CONCAT('ventanilla.monitor.backup.', DATABASE())"

    /// Takes the lock without waiting: true when this connection now holds it.
    static func tryAcquire(_ connection: MariaDBConnection) throws -> Bool {
        try connection.queryFirst("SELECT GET_LOCK(\(unsafeRaw: nameSQL), 0) AS taken")?.optionalInt("taken") == 1
    }

    /// Releases it (best effort: closing the connection releases it too).
    static func release(_ connection: MariaDBConnection) {
        _ = try? connection.queryFirst("SELECT RELEASE_LOCK(\(unsafeRaw: nameSQL)) AS released")
    }
}
