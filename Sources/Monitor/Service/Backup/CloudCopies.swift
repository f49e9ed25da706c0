import Logging

/// The cloud copies of an expediente that is being deleted (ruling M8): its `Nube` evidencias' objects and its
/// forms' (which have no rows: their keys follow from the expediente's folder). Read before the delete, removed
/// after its commit, best effort: a copy that cannot be removed is logged, the deletion stands.
struct CloudCopies {
    let cloud: CloudBackup
    let repository: any BackupRepository
    let storage: EvidenceStorage
    let logger: Logger

    /// The keys to remove once the expediente is gone.
    func keys(of noSiniestro: String) throws -> [String] {
        let folder = CloudBackup.keyPrefix + storage.folderName(for: noSiniestro) + "/" + EvidenceStorage.formatosFolder + "/"
        let forms = Formato.allCases.map { folder + FormatoFileNames.stored($0, noSiniestro: noSiniestro) }
        return try repository.cloudKeys(noSiniestro: noSiniestro) + forms
    }

    /// Removes `keys` from the store (best effort, each failure logged).
    func remove(_ keys: [String]) {
        for key in keys {
            do {
                try cloud.store.delete(key: key)
            } catch {
                logger.warning("No se pudo eliminar la copia en la nube", metadata: ["key": "\(key)", "error": "\(error)"])
            }
        }
    }
}
