import Foundation

/// The files the backup uploads: every regular file under a folder, walked recursively, with its path relative
/// to the evidence directory (which is also its object key after `evidencias/`, §6.1). Names starting with `.`
/// (a form being written, `.tmp-…`) are skipped; symbolic links are not followed.
struct BackupFiles {
    /// The evidence directory.
    let root: String

    /// The files under `folder` (absolute, inside `root`), as paths relative to `root`, sorted.
    func files(under folder: String) -> [String] {
        guard let prefix = relative(folder) else { return [] }
        var found: [String] = []
        walk(folder, relative: prefix, into: &found)
        return found.sorted()
    }

    /// Every file under `root`.
    func allFiles() -> [String] {
        var found: [String] = []
        walk(root, relative: "", into: &found)
        return found.sorted()
    }

    /// The absolute path of a relative one.
    func path(_ relative: String) -> String { root + "/" + relative }

    /// Reads a file whole.
    func read(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(relative))))
    }

    /// Removes a file (false when it could not be removed).
    @discardableResult
    func remove(_ relative: String) -> Bool { unlink(path(relative)) == 0 }

    /// Removes the empty folders under `folder` bottom-up, `folder` included when it ends up empty (never `root`).
    func removeEmptyFolders(under folder: String) {
        let manager = FileManager.default
        for name in (try? manager.contentsOfDirectory(atPath: folder)) ?? [] {
            let child = folder + "/" + name
            if isDirectory(child) { removeEmptyFolders(under: child) }
        }
        if folder != root, ((try? manager.contentsOfDirectory(atPath: folder))?.isEmpty ?? false) {
            _ = rmdir(folder)
        }
    }

    private func relative(_ folder: String) -> String? {
        if folder == root { return "" }
        guard folder.hasPrefix(root + "/") else { return nil }
        return String(folder.dropFirst(root.count + 1)) + "/"
    }

    private func walk(_ folder: String, relative prefix: String, into found: inout [String]) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !name.hasPrefix(".") {
            let child = folder + "/" + name
            var status = stat()
            guard lstat(child, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR: walk(child, relative: prefix + name + "/", into: &found)
            case S_IFREG: found.append(prefix + name)
            default: continue
            }
        }
    }

    private func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }
}
