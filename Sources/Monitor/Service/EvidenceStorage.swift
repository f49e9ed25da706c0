import AppCore

/// Where evidence files live (ruling M7, issue 18): one folder per expediente, named from a digest of its
/// `no_siniestro` (so no claim number can escape it), holding files with unguessable random names, in the module's
/// `FileStorage` under `evidencias/` (the evidence directory on disk, or a bucket). nginx serves them read-only at
/// `/evidencias/`, and a file's `ruta` is its key with a leading `/`.
struct EvidenceStorage: Sendable {
    /// The URL prefix nginx serves the files at; every `ruta` of a stored file starts with it.
    static let publicPrefix = "/evidencias/"
    /// The key prefix of every evidence file (and of its cloud backup copy, §6.1).
    static let keyPrefix = CloudBackup.keyPrefix
    /// The sub-folder of an expediente's folder holding its generated forms (§6.1, M13); nginx refuses it.
    static let formatosFolder = "FORMATOS"

    /// The module's stored files.
    let files: any FileStorage

    /// The local store of the evidence directory `root` (`EVIDENCIAS_DIR`): forms private, empty folders removed.
    static func local(root: String) -> any FileStorage {
        LocalFileStorage(prefix: keyPrefix, root: root, privateFolder: formatosFolder, pruneEmptyFolders: true)
    }

    /// The folder name of an expediente.
    func folderName(for noSiniestro: String) -> String {
        String(Hashing.sha256Hex(Array(noSiniestro.utf8)).prefix(32))
    }

    /// The key prefix of an expediente's folder (`evidencias/<folder>/`).
    func folderKey(for noSiniestro: String) -> String {
        Self.keyPrefix + folderName(for: noSiniestro) + "/"
    }

    /// The key of a form of the expediente (`evidencias/<folder>/FORMATOS/<name>`).
    func formatoKey(for noSiniestro: String, name: String) -> String {
        folderKey(for: noSiniestro) + Self.formatosFolder + "/" + name
    }

    /// The files of an expediente's folder (forms included), as keys; sorted.
    func keys(of noSiniestro: String) throws -> [String] {
        try files.list(prefix: folderKey(for: noSiniestro))
    }

    /// Removes an expediente's folder and everything in it (best effort; false when something remained).
    @discardableResult
    func removeAll(for noSiniestro: String) -> Bool {
        do {
            try files.delete(try keys(of: noSiniestro))
            return true
        } catch {
            return false
        }
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

    /// Stores an uploaded temporary file in the expediente's folder as `storedName` (on disk a rename when it can,
    /// readable by nginx; in a bucket a streamed PUT).
    func store(temporaryPath: String, noSiniestro: String, storedName: String) throws {
        try files.put(folderKey(for: noSiniestro) + storedName, contentsOf: temporaryPath, consuming: true)
    }

    /// The key of the file a `ruta` names, when it is one of ours (`/evidencias/<32 hex>/<plain name>`); nil for
    /// anything else (cloud keys, older layouts, any attempt to leave the folder).
    func key(forRuta ruta: String) -> String? {
        guard ruta.hasPrefix(Self.publicPrefix) else { return nil }
        let parts = ruta.dropFirst(Self.publicPrefix.count).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 32,
              parts[0].allSatisfy({ $0.isASCII && $0.isHexDigit && !$0.isUppercase }),
              !parts[1].isEmpty, parts[1].first != ".",
              parts[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_") })
        else { return nil }
        return String(ruta.dropFirst())
    }

    /// Removes the stored file a `ruta` names (best effort; false when it is not ours or could not be removed).
    @discardableResult
    func remove(ruta: String) -> Bool {
        guard let key = key(forRuta: ruta) else { return false }
        return (try? files.delete([key])) != nil
    }

    /// Whether the backup's target is where the files already are (`s3` storage in the backup's own bucket): then
    /// a backup copies nothing and deletes nothing, it only marks the rows `Nube`.
    func isBackupTarget(_ cloud: CloudBackup) -> Bool {
        guard let store = files.objectStore else { return false }
        return store.endpoint == cloud.settings.endpoint && store.bucket == cloud.settings.bucket
    }

    /// Copies the stored `key` to the cloud target under the same key (nothing when it is already there).
    func copy(_ key: String, to cloud: CloudBackup) throws {
        guard !isBackupTarget(cloud) else { return }
        guard let bytes = try files.get(key) else { throw FileStorageError("\(key): gone before its backup") }
        try cloud.store.put(key: key, bytes: bytes)
    }

    /// Removes the stored copy of a file the cloud now holds (never when the cloud copy is this one); false when
    /// it could not be removed.
    @discardableResult
    func removeBackedUp(_ keys: [String], to cloud: CloudBackup) -> Bool {
        guard !isBackupTarget(cloud) else { return true }
        return (try? files.delete(keys)) != nil
    }
}
