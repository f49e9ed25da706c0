import AppCore
import Logging
import MariaDB

extension MonitorEnvironment {
    /// Starts the bulk job (§6.4) for `usuario` (an administrator's `POST /api/backup/exportar`) or for the
    /// nightly schedule (`usuario` nil): true when it started, false when a run is already going on somewhere.
    /// 503 when no cloud target is configured.
    func startBulkBackup(usuario: String?, logger: Logger) throws -> Bool {
        guard let cloud, let backupJobs else { throw CloudBackup.notConfigured }
        let environment = self
        return try backupJobs.start(clock: clock, logger: logger) { connection in
            let persistence = MonitorPersistence(connection: connection)
            let repository = persistence.backup
            let job = BulkBackupJob(cloud: cloud, repository: repository, evidencias: persistence.evidencias,
                                    storage: environment.evidenceStorage, clock: environment.clock,
                                    logger: logger)
            do {
                let outcome = try job.run()
                if let usuario {
                    try repository.appendLog(BackupLogEntry(
                        tipo: .manual, resultado: .exitoso,
                        detalle: "Exportación de evidencias (\(outcome.subidas) archivos) — \(usuario)", usuario: usuario),
                        at: environment.clock.nowMilliseconds())
                }
                return nil
            } catch {
                logger.error("Respaldo: el trabajo de exportación falló", metadata: ["error": "\(error)"])
                let message = "Error al exportar evidencias"
                try? repository.appendLog(BackupLogEntry(tipo: usuario == nil ? .nube : .manual, resultado: .error,
                                                         detalle: message, usuario: usuario),
                                          at: environment.clock.nowMilliseconds())
                return message
            }
        }
    }
}

extension MonitorModule {
    /// The nightly look (every minute, on the serve process's periodic thread): when it is 02:00–02:59 in the
    /// module's time zone and no process has claimed today's run yet, claims it and starts the bulk job.
    public func runNightlyBackup(connection: MariaDBConnection, logger: Logger) {
        guard environment.cloud != nil, environment.nightlyBackup,
              let date = NightlyBackupSchedule(zone: environment.zone).dueDate(at: environment.clock.nowMilliseconds())
        else { return }
        do {
            guard try MariaDBBackupRepository(connection: connection).claimNightly(date) else { return }
            logger.info("Respaldo nocturno", metadata: ["fecha": "\(date)"])
            if try !environment.startBulkBackup(usuario: nil, logger: logger) {
                logger.warning("Respaldo nocturno: ya hay una exportación en curso")
            }
        } catch {
            logger.error("Respaldo nocturno: no se pudo iniciar", metadata: ["error": "\(error)"])
        }
    }

    /// Seconds between two looks of `runNightlyBackup`.
    public static let nightlyBackupCheckInterval = NightlyBackupSchedule.checkInterval
}
