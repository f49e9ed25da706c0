import AppCore
import HTTPCore
import Logging

/// The evidencia rules (monitor.md §4.6, §6.2; rulings M7 and 2): the row is written in one transaction with the
/// ubicacion sync, and the file is moved into place as the transaction's last step, so a failure anywhere leaves
/// neither a row without its file nor a file without its row.
struct EvidenciaService {
    /// The largest file accepted (the original's multer limit, 50 MiB).
    static let maxFileSize = 50 * 1_024 * 1_024
    /// The longest client file name kept (`evidencia.nombre_archivo`).
    static let maxFileNameLength = 255

    let repository: any EvidenciaRepository
    let storage: EvidenceStorage
    let logger: Logger
    /// The cloud target, when configured: `url_nube` and the cloud deletes (ruling M8).
    var cloud: CloudBackup?
    /// The clock presigned URLs start from.
    var clock: any Clock = SystemClock()

    /// Stores `file` as an evidencia of the expediente; `tipo` `documento` marks a document (201 row).
    func upload(noSiniestro: String, file: UploadedFile, tipo: String?, caller: MonitorIdentity) throws -> JSONValue {
        guard file.size <= Self.maxFileSize else {
            throw MonitorError(status: 413, "El archivo excede el tamaño máximo permitido de 50 MB")
        }
        guard file.filename.count <= Self.maxFileNameLength else {
            throw MonitorError(status: 400, "El nombre del archivo excede la longitud máxima de \(Self.maxFileNameLength) caracteres")
        }
        let storedName = storage.storedName(for: file.filename)
        var storedAt: String?
        do {
            return try repository.transaction {
                guard let key = try repository.lockExpediente(noSiniestro)?.noSiniestro else {
                    throw MonitorError(status: 404, "Expediente no encontrado")
                }
                let ruta = storage.ruta(for: key, storedName: storedName)
                let id = try repository.insert(NuevaEvidencia(
                    noSiniestro: key, tipo: tipo == "documento" ? "documento" : "evidencia",
                    nombreArchivo: file.filename, ruta: ruta, subidoPor: caller.id))
                try repository.syncUbicacion(noSiniestro: key)
                guard let row = try repository.row(id: id) else { throw MonitorError.internalError }
                // A rerun after a 1213 (TransactionRetry) finds the file already moved by the rolled-back attempt:
                // the same name under the same key, so it stays where it is.
                if storedAt != ruta {
                    try storage.store(temporaryPath: file.temporaryPath, noSiniestro: key, storedName: storedName)
                    storedAt = ruta
                }
                logger.info("Evidencia registrada", metadata: ["no_siniestro": "\(key)", "id": "\(id)"])
                return row
            }
        } catch {
            // The commit failed after the file was moved: take it back out.
            if let storedAt { storage.remove(ruta: storedAt) }
            throw error
        }
    }

    /// The expediente's evidencias, newest first (`[]` for an unknown expediente). `url_nube` is a presigned GET
    /// URL (900 s) for a `Nube` row whose `ruta` is an object key (`evidencias/…`), else null (§4.6).
    func list(noSiniestro: String) throws -> JSONValue {
        let rows = try repository.list(noSiniestro: noSiniestro)
        guard let cloud else { return .array(rows) }
        let now = clock.nowMilliseconds()
        return .array(rows.map { row in
            guard case .object(let members) = row,
                  members.contains(where: { $0.0 == "ubicacion_almacenamiento" && $0.1 == .string("Nube") }),
                  case .string(let ruta)? = members.first(where: { $0.0 == "ruta" })?.1,
                  ruta.hasPrefix(CloudBackup.keyPrefix) else { return row }
            return .object(members.map { $0.0 == "url_nube" ? ($0.0, .string(cloud.presignedURL(ruta, at: now))) : $0 })
        })
    }

    /// Deletes one evidencia: the row (and the ubicacion sync) in a transaction, then its local file.
    func delete(id: Int) throws -> JSONValue {
        let deleted = try repository.transaction {
            guard let evidencia = try repository.stored(id: id) else {
                throw MonitorError(status: 404, "Evidencia no encontrada")
            }
            try repository.delete(id: id)
            try repository.syncUbicacion(noSiniestro: evidencia.noSiniestro)
            return evidencia
        }
        if deleted.ubicacion == "Local", let ruta = deleted.ruta, !storage.remove(ruta: ruta) {
            logger.warning("No se pudo eliminar el archivo de la evidencia", metadata: ["id": "\(id)", "ruta": "\(ruta)"])
        }
        // Ruling M8: the cloud copy goes too, best effort (the row is gone either way; a failure is logged).
        if deleted.ubicacion == "Nube", let ruta = deleted.ruta, ruta.hasPrefix(CloudBackup.keyPrefix) {
            if let cloud {
                do {
                    try cloud.store.delete(key: ruta)
                } catch {
                    logger.warning("No se pudo eliminar la copia en la nube", metadata: ["id": "\(id)", "key": "\(ruta)", "error": "\(error)"])
                }
            } else {
                logger.warning("Copia en la nube no eliminada: respaldo no configurado", metadata: ["id": "\(id)", "key": "\(ruta)"])
            }
        }
        let nombre = deleted.nombreArchivo ?? "archivo sin nombre"
        return .object([
            ("ok", .bool(true)),
            ("mensaje", .string("Carpeta del expediente \(nombre) eliminada completamente")),
            ("carpetaEliminada", .string(nombre)),
        ])
    }

    /// "Cancel creation": removes the expediente's evidence folder, and the `Local` rows whose files were in it
    /// (so no row is left pointing at a missing file). `{"ok": true}` also when there was nothing.
    func cancel(noSiniestro: String, caller: MonitorIdentity) throws -> JSONValue {
        let key = try repository.transaction {
            let expediente = try repository.lockExpediente(noSiniestro)
            // Ruling M17: an Operador cancels only a creation in progress, never the evidence of a claim under way.
            if caller.rol != .administrador, let estado = expediente?.estado, estado != Estado.ingreso.rawValue {
                throw MonitorError(status: 403, "Solo un administrador puede eliminar las evidencias de un expediente fuera de Ingreso")
            }
            let key = expediente?.noSiniestro ?? noSiniestro
            let removed = try repository.deleteLocal(
                noSiniestro: key, rutaPrefix: EvidenceStorage.publicPrefix + storage.folderName(for: key) + "/")
            if removed > 0 { try repository.syncUbicacion(noSiniestro: key) }
            return key
        }
        guard storage.removeAll(for: key) else {
            logger.error("No se pudo eliminar la carpeta de evidencias", metadata: ["no_siniestro": "\(key)"])
            throw MonitorError(status: 500, "No se pudo eliminar la carpeta")
        }
        return .object([("ok", .bool(true))])
    }
}
