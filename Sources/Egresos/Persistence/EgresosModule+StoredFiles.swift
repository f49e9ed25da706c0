import Logging
import MariaDB

extension EgresosModule {
    /// `ventanilla files migrate egresos` (ruling E8): gives every stored file whose name lacks the random part
    /// a random one, row by row (see `StoredFileMigration`), and returns the counts. Safe to run again, and while
    /// the module serves.
    public func migrateStoredFiles(connection: MariaDBConnection, logger: Logger) throws -> StoredFileMigrationReport {
        let report = try StoredFileMigration(repository: MariaDBStoredFilesRepository(connection: connection),
                                             storage: egresos.storage).run()
        if report.renamed + report.leftoversRemoved > 0 { logger.notice("\(report)") }
        return report
    }
}
