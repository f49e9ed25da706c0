/// Stored files that every app host sees (issue 18): Monitor's evidence and formatos under `evidencias/`, Egresos'
/// files under `files/`. Keys are object keys (`evidencias/<folder>/<name>`, `files/<path>`); the local
/// implementation maps them under a directory, the S3 one (App, over libcurl) sends them to a bucket as they are.
/// Every call blocks on the calling worker thread.
public protocol FileStorage: Sendable {
    /// The S3 target when the files live in a bucket; nil on the local disk. The backup compares it with its own
    /// target, so it never copies an object onto itself and then deletes it as a "local" copy.
    var objectStore: S3Settings? { get }
    /// Stores the file at `path` as `key`, streaming it (a 50 MB evidence is never read into memory). With
    /// `consuming` the source is the caller's temporary file and may be moved (renamed) instead of copied.
    func put(_ key: String, contentsOf path: String, consuming: Bool) throws
    /// Stores `bytes` as `key`.
    func put(_ key: String, bytes: [UInt8]) throws
    /// The bytes of `key`; nil when there is no such file.
    func get(_ key: String) throws -> [UInt8]?
    /// Whether `key` exists.
    func exists(_ key: String) throws -> Bool
    /// Deletes `keys`; a missing one is no error.
    func delete(_ keys: [String]) throws
    /// Every key starting with `prefix` (which ends with `/`), sorted; names starting with `.` are left out.
    func list(prefix: String) throws -> [String]
}

/// A stored-file operation that failed (a disk error, or a store that did not answer as it should).
public struct FileStorageError: Error, CustomStringConvertible, Sendable {
    /// What failed, for the log (never sent to a client).
    public let description: String

    /// A failure described by `description`.
    public init(_ description: String) {
        self.description = description
    }
}
