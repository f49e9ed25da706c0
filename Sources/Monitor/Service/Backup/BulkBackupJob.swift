import AppCore
import Logging

/// The bulk job (monitor.md §6.4; ruling M14): every file under the evidence directory whose expediente is in
/// `Salida` goes to the cloud, one at a time. Per file: put the object (the store retries it 3 times), then point
/// its row at the key (committed), then delete the local copy (`EvidenceStorage`: none when the files already live in the backup's bucket), so a crash at any step loses nothing (a file left
/// behind is uploaded again by the next run). Rows are matched by the stored file (`ruta` = `/` + key), which
/// fixes the original's name mismatch. Its caller holds the job's lock for the whole run.
struct BulkBackupJob {
    let cloud: CloudBackup
    let repository: any BackupRepository
    let evidencias: any EvidenciaRepository
    let storage: EvidenceStorage
    let clock: any Clock
    let logger: Logger

    /// What a run did.
    struct Outcome: Equatable {
        var subidas = 0
        var fallidas = 0
    }

    /// Runs the job and logs its `Nube` entry; throws when the database fails (the caller logs that).
    func run() throws -> Outcome {
        var salida: [String: String] = [:]
        for noSiniestro in try repository.salidaExpedientes() {
            salida[storage.folderName(for: noSiniestro)] = noSiniestro
        }
        let all = try storage.files.list(prefix: EvidenceStorage.keyPrefix)
        var progress = BackupProgress(total: all.count)
        var outcome = Outcome()
        var touched: Set<String> = []
        try repository.saveProgress(progress)
        for key in all {
            defer { progress.procesados += 1 }
            let relative = String(key.dropFirst(EvidenceStorage.keyPrefix.count))
            let folder = relative.split(separator: "/", maxSplits: 1).first.map(String.init) ?? ""
            guard relative.contains("/"), let noSiniestro = salida[folder] else { continue }
            progress.archivoActual = relative
            try repository.saveProgress(progress)
            do {
                try storage.copy(key, to: cloud)
            } catch {
                outcome.fallidas += 1
                progress.fallidas = outcome.fallidas
                logger.warning("Respaldo: no se pudo subir un archivo", metadata: ["archivo": "\(relative)", "error": "\(error)"])
                continue
            }
            _ = try repository.moveToCloud(noSiniestro: noSiniestro, ruta: "/" + key, key: key)
            touched.insert(noSiniestro)
            if !storage.removeBackedUp([key], to: cloud) {
                logger.warning("Respaldo: no se pudo borrar la copia local", metadata: ["archivo": "\(relative)"])
            }
            outcome.subidas += 1
            progress.subidas = outcome.subidas
        }
        progress.archivoActual = nil
        try repository.saveProgress(progress)
        for noSiniestro in touched.sorted() {
            do {
                try evidencias.syncUbicacion(noSiniestro: noSiniestro)
            } catch {
                logger.error("Respaldo: no se pudo sincronizar la ubicación", metadata: ["no_siniestro": "\(noSiniestro)", "error": "\(error)"])
            }
        }
        try repository.appendLog(BackupLogEntry(
            tipo: .nube, resultado: outcome.fallidas > 0 ? .parcial : .exitoso,
            detalle: "Respaldo completo de evidencias (\(outcome.subidas) subidos, \(outcome.fallidas) fallidos)", usuario: nil),
            at: clock.nowMilliseconds())
        return outcome
    }
}
