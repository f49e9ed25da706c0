import AppCore
import Foundation

/// Where evidence files live on disk (ruling M7): one folder per expediente under the configured directory,
/// named from a digest of its `no_siniestro` (so no claim number can escape the directory), holding files with
/// unguessable random names. nginx serves the directory read-only at `/evidencias/`.
struct EvidenceStorage: Sendable {
    /// The URL prefix nginx serves the directory at; every `ruta` of a stored file starts with it.
    static let publicPrefix = "/evidencias/"
    /// The sub-folder of an expediente's folder holding its generated forms (§6.1, M13); nginx refuses it.
    static let formatosFolder = "FORMATOS"

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

    /// A fresh unguessable file name: 32 random hex digits plus the lower-cased extension of `originalName`
    /// when it is 1 to 10 ASCII letters or digits (`foto.JPG` → `…c3.jpg`); no other part of the client's name.
    func storedName(for originalName: String) -> String {
        let random = Hashing.randomHex(bytes: 16)
        let base = originalName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return random }
        let ext = base[base.index(after: dot)...]
        guard (1...10).contains(ext.count), ext.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return random
        }
        return random + "." + ext.lowercased()
    }

    /// The public path of a stored file, which is what `evidencia.ruta` holds: `/evidencias/<folder>/<name>`.
    func ruta(for noSiniestro: String, storedName: String) -> String {
        Self.publicPrefix + folderName(for: noSiniestro) + "/" + storedName
    }

    /// Moves an uploaded temporary file into the expediente's folder as `storedName`: a rename when both are on
    /// one filesystem, else a copy and unlink. The file ends up readable by nginx (0644); its folder is created.
    func store(temporaryPath: String, noSiniestro: String, storedName: String) throws {
        let directory = folder(for: noSiniestro)
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                    attributes: [.posixPermissions: 0o755])
        let target = directory + "/" + storedName
        if rename(temporaryPath, target) != 0 {
            guard errno == EXDEV else { throw EvidenceStorageError(operation: "rename", path: target, code: errno) }
            do {
                try manager.copyItem(atPath: temporaryPath, toPath: target)
            } catch {
                try? manager.removeItem(atPath: target)
                throw error
            }
            _ = unlink(temporaryPath)
        }
        guard chmod(target, 0o644) == 0 else {
            let code = errno
            _ = unlink(target)
            throw EvidenceStorageError(operation: "chmod", path: target, code: code)
        }
    }

    /// The absolute path of the file a `ruta` names, when it is one of ours (`/evidencias/<32 hex>/<plain name>`);
    /// nil for anything else (cloud keys, older layouts, any attempt to leave the directory).
    func path(forRuta ruta: String) -> String? {
        guard ruta.hasPrefix(Self.publicPrefix) else { return nil }
        let parts = ruta.dropFirst(Self.publicPrefix.count).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 32,
              parts[0].allSatisfy({ $0.isASCII && $0.isHexDigit && !$0.isUppercase }),
              !parts[1].isEmpty, parts[1].first != ".",
              parts[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_") })
        else { return nil }
        return root + "/" + parts[0] + "/" + parts[1]
    }

    /// Removes the stored file a `ruta` names (best effort; false when it is not ours or could not be removed).
    @discardableResult
    func remove(ruta: String) -> Bool {
        guard let path = path(forRuta: ruta) else { return false }
        return unlink(path) == 0
    }
}
