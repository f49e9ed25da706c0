import Foundation

/// Stored files on this host's disk (issue 18's `local` backend, today's behaviour): key `<prefix><path>` is the
/// file `<root>/<path>`. A file is written under a `.tmp-` name in its target folder and renamed into place, so a
/// reader (nginx, the backup) never sees half a file; names starting with `.` are never listed. Files are 0644 in
/// 0755 folders (nginx, another user in production, serves them), except inside a folder named `privateFolder`
/// (Monitor's `FORMATOS`, served only through the API): 0600 in 0700.
public struct LocalFileStorage: FileStorage {
    /// The key prefix this store answers for (`evidencias/`, `files/`).
    public let prefix: String
    /// The directory the keys map under.
    public let root: String
    /// A folder name whose files only the application reads.
    public let privateFolder: String?
    /// Whether a delete also removes the folders it leaves empty (never `root`).
    public let pruneEmptyFolders: Bool

    /// A store for keys under `prefix` in `root`.
    public init(prefix: String, root: String, privateFolder: String? = nil, pruneEmptyFolders: Bool = false) {
        self.prefix = prefix
        self.root = root
        self.privateFolder = privateFolder
        self.pruneEmptyFolders = pruneEmptyFolders
    }

    public var objectStore: S3Settings? { nil }

    /// The absolute path of `key`: only keys under `prefix` whose path has no empty, `.` or `..` segment.
    public func path(of key: String) throws -> String {
        guard key.hasPrefix(prefix) else { throw FileStorageError("\(key): not under \(prefix)") }
        let relative = key.dropFirst(prefix.count)
        guard !relative.isEmpty, relative.split(separator: "/", omittingEmptySubsequences: false)
            .allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
            throw FileStorageError("\(key): not a plain relative path")
        }
        return root + "/" + relative
    }

    public func put(_ key: String, contentsOf source: String, consuming: Bool) throws {
        let target = try path(of: key)
        let secret = isPrivate(target)
        let directory = try folder(of: target, secret: secret)
        if consuming, rename(source, target) == 0 {
            try setMode(target, secret: secret)
            return
        }
        // Another filesystem (EXDEV), or a source the caller keeps: copy beside the target, then rename.
        try replace(target, in: directory, secret: secret) { temporary in
            try FileManager.default.copyItem(atPath: source, toPath: temporary)
        }
        if consuming { _ = unlink(source) }
    }

    public func put(_ key: String, bytes: [UInt8]) throws {
        let target = try path(of: key)
        let secret = isPrivate(target)
        let directory = try folder(of: target, secret: secret)
        try replace(target, in: directory, secret: secret) { temporary in
            guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
                throw FileStorageError("write \(temporary): \(String(cString: strerror(errno)))")
            }
        }
    }

    public func get(_ key: String) throws -> [UInt8]? {
        let target = try path(of: key)
        guard isRegularFile(target) else { return nil }
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: target)))
    }

    public func exists(_ key: String) throws -> Bool {
        isRegularFile(try path(of: key))
    }

    public func delete(_ keys: [String]) throws {
        var failed: [String] = []
        for key in keys {
            let target = try path(of: key)
            if unlink(target) != 0 && errno != ENOENT { failed.append("\(key): \(String(cString: strerror(errno)))") }
            if pruneEmptyFolders { prune(from: (target as NSString).deletingLastPathComponent) }
        }
        guard failed.isEmpty else { throw FileStorageError("delete " + failed.joined(separator: "; ")) }
    }

    public func list(prefix keyPrefix: String) throws -> [String] {
        let folder: String
        if keyPrefix == prefix {
            folder = root
        } else {
            folder = try path(of: String(keyPrefix.dropLast(keyPrefix.hasSuffix("/") ? 1 : 0)))
        }
        var found: [String] = []
        walk(folder, key: keyPrefix.hasSuffix("/") ? keyPrefix : keyPrefix + "/", into: &found)
        return found.sorted()
    }

    private func isPrivate(_ target: String) -> Bool {
        guard let privateFolder else { return false }
        return target.contains("/" + privateFolder + "/")
    }

    /// Creates the target's folder (and its parents: 0755, the private folder 0700); returns it.
    private func folder(of target: String, secret: Bool) throws -> String {
        let directory = (target as NSString).deletingLastPathComponent
        let manager = FileManager.default
        if secret {
            try manager.createDirectory(atPath: (directory as NSString).deletingLastPathComponent,
                                        withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        }
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                    attributes: [.posixPermissions: secret ? 0o700 : 0o755])
        return directory
    }

    /// Writes a `.tmp-` file in `directory` with `write`, gives it its mode and renames it onto `target`.
    private func replace(_ target: String, in directory: String, secret: Bool, write: (String) throws -> Void) throws {
        let temporary = directory + "/.tmp-" + Hashing.randomHex(bytes: 8)
        do {
            try write(temporary)
            try setMode(temporary, secret: secret)
            guard rename(temporary, target) == 0 else {
                throw FileStorageError("rename \(target): \(String(cString: strerror(errno)))")
            }
        } catch {
            _ = unlink(temporary)
            throw error
        }
    }

    private func setMode(_ file: String, secret: Bool) throws {
        guard chmod(file, secret ? 0o600 : 0o644) == 0 else {
            let code = errno
            _ = unlink(file)
            throw FileStorageError("chmod \(file): \(String(cString: strerror(code)))")
        }
    }

    private func isRegularFile(_ file: String) -> Bool {
        var status = stat()
        return lstat(file, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    /// Removes `folder` and its parents while they are empty, up to (not including) `root`.
    private func prune(from folder: String) {
        var current = folder
        while current.hasPrefix(root + "/"), rmdir(current) == 0 {
            current = (current as NSString).deletingLastPathComponent
        }
    }

    /// Collects the regular files under `folder` (not following symbolic links, skipping `.` names) as keys.
    private func walk(_ folder: String, key: String, into found: inout [String]) {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !name.hasPrefix(".") {
            let child = folder + "/" + name
            var status = stat()
            guard lstat(child, &status) == 0 else { continue }
            switch status.st_mode & S_IFMT {
            case S_IFDIR: walk(child, key: key + name + "/", into: &found)
            case S_IFREG: found.append(key + name)
            default: continue
            }
        }
    }
}
