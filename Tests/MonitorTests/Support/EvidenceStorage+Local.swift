import AppCore
@testable import Monitor

/// The evidence store on disk as the tests inspect it: the folder and file paths behind keys and `ruta`s.
extension EvidenceStorage {
    /// The local store of the evidence directory `root`, as the module builds it by default.
    init(root: String) {
        self.init(files: EvidenceStorage.local(root: root))
    }

    /// The evidence directory (local storage only).
    var root: String {
        (files as? LocalFileStorage)?.root ?? ""
    }

    /// The absolute folder of an expediente.
    func folder(for noSiniestro: String) -> String {
        root + "/" + folderName(for: noSiniestro)
    }

    /// The absolute path of the file a `ruta` names, when it is one of ours.
    func path(forRuta ruta: String) -> String? {
        key(forRuta: ruta).map { root + "/" + $0.dropFirst(EvidenceStorage.keyPrefix.count) }
    }
}
