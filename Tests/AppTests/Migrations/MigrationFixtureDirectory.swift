import Foundation

/// A temporary migration directory that a test fills with files; removed by `withFixtureDirectory`.
struct MigrationFixtureDirectory {
    /// The directory's path.
    let path: String

    /// Creates an empty directory, runs `body` with it, then removes it.
    static func with<T>(_ files: [String: String] = [:], _ body: (MigrationFixtureDirectory) throws -> T) throws -> T {
        let path = NSTemporaryDirectory() + "ventanilla-migrations-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let directory = MigrationFixtureDirectory(path: path)
        for (name, contents) in files {
            try directory.write(name, contents)
        }
        return try body(directory)
    }

    /// Writes (or overwrites) `name`, creating subdirectories such as `seed/`.
    func write(_ name: String, _ contents: String) throws {
        let filePath = path + "/" + name
        try FileManager.default.createDirectory(atPath: (filePath as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: URL(fileURLWithPath: filePath))
    }

    /// Deletes `name`.
    func remove(_ name: String) throws {
        try FileManager.default.removeItem(atPath: path + "/" + name)
    }
}
