import Glibc

/// A fresh directory under /tmp (short, so socket paths fit in `sun_path`); `remove()` deletes it with its contents.
struct TemporaryDirectory: Sendable {
    /// The absolute path.
    let path: String

    /// Creates the directory.
    init() throws {
        var template = Array("/tmp/vfcgi-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard created != nil else { throw FastCGIClient.Failure(operation: "mkdtemp", code: errno) }
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Deletes the directory and everything in it.
    func remove() { Self.removeTree(path) }

    /// The path of `name` inside the directory.
    func file(_ name: String) -> String { path + "/" + name }

    private static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            if let directory = opendir(path) {
                while let entry = readdir(directory) {
                    let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                    }
                    if name != "." && name != ".." { removeTree(path + "/" + name) }
                }
                closedir(directory)
            }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}
