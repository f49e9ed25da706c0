extension MonitorPersistence {
    /// The backup log, the job's progress and the evidencia moves (monitor.md §4.11, §6, §8.3).
    var backup: any BackupRepository { MariaDBBackupRepository(connection: connection) }
}
