import AppCore
import HTTPCore

/// The cloud backup (monitor.md §4.6 `respaldar`, §4.11, §6; ruling M14): the per-expediente backup on two routes,
/// the bulk job, its progress, the backup log and the status. The POST routes read no body; one that is sent must
/// still be a JSON object (ruling 1: anything else is a 400), and its keys are ignored, as the original did.
struct BackupRoutes {
    func register(in router: inout Router<MonitorContext>) {
        router.add(BackupOperations.respaldar) { request, context in
            _ = try request.bodyObject(context, required: false)
            let subidas = try Self.service(context).backup(noSiniestro: request.parameter("no_siniestro"))
            return .json(["ok": true, "subidas": .int(Int64(subidas))])
        }
        router.add(BackupOperations.exportarExpediente) { request, context in try Self.exportar(request, context) }
        router.add(BackupOperations.exportar) { request, context in
            _ = try request.bodyObject(context, required: false)
            let usuario = context.identity?.username ?? BackupLog.unknownUser
            guard try context.environment.startBulkBackup(usuario: usuario, logger: context.logger) else {
                throw MonitorError(status: 409, "Ya hay una exportación en curso")
            }
            return .json(["ok": true, "iniciado": true])
        }
        router.add(BackupOperations.progreso) { _, context in .json(try context.persistence.backup.progress()) }
        router.add(BackupOperations.logs) { _, context in .json(.array(try context.persistence.backup.logs())) }
        router.add(BackupOperations.limpiarLogs) { request, context in
            _ = try request.bodyObject(context, required: false)
            return try Self.clear(context)
        }
        router.add(BackupOperations.deleteLogs) { _, context in try Self.clear(context) }
        router.add(BackupOperations.estado) { _, context in
            .json(try BackupEstado(repository: context.persistence.backup, evidenceDirectory: context.environment.evidenceDirectory,
                                   configured: context.environment.cloud != nil).read())
        }
    }

    /// `POST /api/backup/exportar/:no_siniestro`: the per-expediente backup with its log entries (§4.11).
    private static func exportar(_ request: Request, _ context: MonitorContext) throws -> Response {
        _ = try request.bodyObject(context, required: false)
        let noSiniestro = request.parameter("no_siniestro")
        guard !noSiniestro.isBlank else { throw MonitorError(status: 400, "Número de siniestro inválido") }
        let service = try service(context)
        let usuario = context.identity?.username ?? BackupLog.unknownUser
        let log = context.persistence.backup
        let now = context.environment.clock.nowMilliseconds()
        do {
            let subidas = try service.backup(noSiniestro: noSiniestro)
            try log.appendLog(BackupLogEntry(tipo: .manual, resultado: .exitoso,
                                             detalle: "Respaldo del expediente \(noSiniestro) (\(subidas) archivos) — \(usuario)",
                                             usuario: usuario), at: now)
            return .json(["ok": true, "subidas": .int(Int64(subidas))])
        } catch let error as MonitorError where error.status == 400 {
            try log.appendLog(BackupLogEntry(tipo: .manual, resultado: .error,
                                             detalle: "Respaldo de expediente \(noSiniestro): \(error.message) — \(usuario)",
                                             usuario: usuario), at: now)
            throw error
        }
    }

    private static func clear(_ context: MonitorContext) throws -> Response {
        .json(["ok": true, "eliminados": .int(Int64(try context.persistence.backup.clearLogs()))])
    }

    /// The per-expediente backup over the request's connection; 503 when no cloud target is configured.
    private static func service(_ context: MonitorContext) throws -> ExpedienteBackupService {
        guard let cloud = context.environment.cloud else { throw CloudBackup.notConfigured }
        let storage = context.environment.evidenceStorage
        return ExpedienteBackupService(cloud: cloud, repository: context.persistence.backup,
                                       evidencias: context.persistence.evidencias, formatos: FormatoRoutes.service(context),
                                       storage: storage, logger: context.logger)
    }
}
