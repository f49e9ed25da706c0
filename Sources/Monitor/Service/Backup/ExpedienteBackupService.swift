import AppCore
import Logging

/// One expediente to the cloud (monitor.md §6.3; ruling M14), with the original's two defects fixed:
/// * rows are matched by the stored file (`ruta` = `/` + object key), not by a suffix of the client's name (step 5);
/// * nothing local is lost when an upload fails (step 7). The order is: upload every file; then, in one
///   transaction, point the rows at their keys and re-sync ubicacion; only after the commit delete the local files.
///   A failed upload (or a crash) before the commit leaves the rows `Local` and every file on disk (objects already
///   put are overwritten by the next run, same keys); a crash after the commit leaves rows in `Nube` whose objects
///   exist and stray local copies that the next run uploads again and removes.
struct ExpedienteBackupService {
    let cloud: CloudBackup
    let repository: any BackupRepository
    let evidencias: any EvidenciaRepository
    let formatos: FormatoService
    let storage: EvidenceStorage
    let logger: Logger

    /// Backs the expediente up and returns the number of files uploaded (forms included). Every refusal and
    /// failure is a `MonitorError` 400 with the message of §6.3.
    func backup(noSiniestro: String) throws -> Int {
        guard let (key, estado) = try repository.expediente(noSiniestro) else {
            throw MonitorError(status: 400, "Expediente no encontrado")
        }
        guard estado == Estado.salida.rawValue else {
            throw MonitorError(status: 400, "Solo se puede respaldar a la nube un expediente con estado Salida")
        }
        do {
            _ = try formatos.writeAll(noSiniestro: key)
        } catch let error as MonitorError {
            throw MonitorError(status: 400, error.message)
        }
        let uploaded: [String]
        do {
            uploaded = try storage.keys(of: key)
        } catch {
            logger.error("Respaldo: no se pudieron leer los archivos del expediente", metadata: ["no_siniestro": "\(key)", "error": "\(error)"])
            throw MonitorError(status: 400, Self.failed)
        }
        guard !uploaded.isEmpty else { throw MonitorError(status: 400, "No hay evidencias locales para respaldar") }
        for object in uploaded {
            do {
                try storage.copy(object, to: cloud)
            } catch {
                logger.error("Respaldo: no se pudo subir un archivo; el expediente queda Local con sus archivos",
                             metadata: ["no_siniestro": "\(key)", "archivo": "\(object)", "error": "\(error)"])
                throw MonitorError(status: 400, Self.failed)
            }
        }
        try repository.transaction {
            for object in uploaded {
                _ = try repository.moveToCloud(noSiniestro: key, ruta: "/" + object, key: object)
            }
            try evidencias.syncUbicacion(noSiniestro: key)
        }
        if !storage.removeBackedUp(uploaded, to: cloud) {
            logger.warning("Respaldo: no se pudo borrar la copia local", metadata: ["no_siniestro": "\(key)"])
        }
        logger.info("Expediente respaldado en la nube", metadata: ["no_siniestro": "\(key)", "subidas": "\(uploaded.count)"])
        return uploaded.count
    }

    /// §6.3 step 7's message.
    static let failed = "Error interno al respaldar evidencias"
}
