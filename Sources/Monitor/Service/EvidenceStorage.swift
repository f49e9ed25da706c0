import AppCore
import Foundation

/// Where evidence files live on disk (ruling M7): one folder per expediente under the configured directory,
/// named from a digest of its `no_siniestro` (so no claim number can escape the directory), holding files with
/// unguessable random names. nginx serves the directory read-only at `/evidencias/`.
struct EvidenceStorage: Sendable {
    /// The configured evidence directory (`EVIDENCIAS_DIR`).
    let root: String

    /// The folder name of an expediente (relative to `root`).
    func folderName(for noSiniestro: String) -> String {
        String(Hashing.sha256Hex(Array(noSiniestro.utf8)).prefix(32))
    }

    /// The absolute folder of an expediente.
    func folder(for noSiniestro: String) -> String {
        root + "/" + folderName(for: noSiniestro)
    }

    /// Removes an expediente's folder and everything in it (best effort; false when something remained).
    @discardableResult
    func removeAll(for noSiniestro: String) -> Bool {
        let path = folder(for: noSiniestro)
        guard FileManager.default.fileExists(atPath: path) else { return true }
        return (try? FileManager.default.removeItem(atPath: path)) != nil
    }
}
