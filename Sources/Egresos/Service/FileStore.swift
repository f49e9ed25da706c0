import AppCore
import Foundation
import HTTPCore

/// Stored files (egresos.md §11, ruling E8): `{collection}/v1/{id}/{field}-{random}.{ext}`, kept in the module's
/// `FileStorage` as `files/<path>` (under `FILES_ROOT`, or in a bucket) and rendered as `FILES_BASE_URL + "/" +
/// path`. `{random}` is 128 bits from the system CSPRNG (32 lower-case hex digits), so nginx serves nothing at a
/// URL one could guess. Written after the DB commit (ruling 2), whole or not at all (a temp file renamed into
/// place, or one PUT); the file it replaces (always another name) is removed.
struct FileStore: Sendable {
    /// The key prefix of every stored file (nginx serves `/files/` from it).
    static let keyPrefix = "files/"

    let storage: any FileStorage
    let baseURL: String

    /// The absolute URL of a stored relative path.
    func url(_ path: String?) -> String? { path.map { baseURL + "/" + $0 } }

    /// A new relative path for `file` stored as `field` of row `id` in `collection` (a fresh random part).
    static func path(collection: String, id: Int, field: String, file: UploadedFile) -> String {
        path(collection: collection, id: id, field: field, ext: (file.filename as NSString).pathExtension)
    }

    /// A new relative path for a file with extension `ext` (lower-cased here) stored as `field` of row `id` in
    /// `collection`: `{collection}/v1/{id}/{field}-{32 hex}.{ext}`.
    static func path(collection: String, id: Int, field: String, ext: String) -> String {
        "\(collection)/v1/\(id)/\(field)-\(Hashing.randomHex(bytes: randomBytes)).\(ext.lowercased())"
    }

    /// The size of the random part, in bytes (128 bits).
    static let randomBytes = 16

    /// Whether `path` is a name this store gives `field` of row `id` in `collection` (with its random part).
    static func isRandomized(_ path: String, collection: String, id: Int, field: String) -> Bool {
        let prefix = "\(collection)/v1/\(id)/\(field)-"
        guard path.hasPrefix(prefix) else { return false }
        let rest = path.utf8.dropFirst(prefix.utf8.count)
        let random = rest.prefix(randomBytes * 2)
        guard random.count == randomBytes * 2, random.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
            return false
        }
        let ext = rest.dropFirst(randomBytes * 2)
        return ext.first == UInt8(ascii: ".") && !ext.dropFirst().contains(UInt8(ascii: "/"))
    }

    /// Writes a file chosen inside a committed transaction (nothing when nil).
    func store(_ pending: PendingFile?) throws {
        if let pending { try store(pending.file, at: pending.path, replacing: pending.replacing) }
    }

    /// Removes stored files whose rows a committed transaction deleted; one already gone is no error, and a
    /// store that fails is logged by the caller's request (the rows are gone either way).
    func remove(_ paths: [String]) {
        guard !paths.isEmpty else { return }
        try? storage.delete(paths.map { Self.keyPrefix + $0 })
    }

    /// Writes `file` at `path`; removes `old` (the replaced file) when it is another file.
    func store(_ file: UploadedFile, at path: String, replacing old: String?) throws {
        try storage.put(Self.keyPrefix + path, contentsOf: file.temporaryPath, consuming: false)
        if let old, old != path {
            try? storage.delete([Self.keyPrefix + old])
        }
    }
}

/// An upload chosen inside a transaction and written only after its COMMIT (ruling 2): the row stores `path`
/// in the transaction, `FileStore.store(_:)` writes the bytes once the row is durable, so a rollback leaves no file.
struct PendingFile: Sendable {
    /// The upload.
    let file: UploadedFile
    /// The relative path the row stores (`FileStore.path`).
    let path: String
    /// The stored file it replaces, removed once the new one is in place (when it is another path).
    let replacing: String?

    /// `file` stored as `field` of row `id` in `collection`, replacing `replacing`.
    init(_ file: UploadedFile, collection: String, id: Int, field: String, replacing: String? = nil) {
        self.file = file
        path = FileStore.path(collection: collection, id: id, field: field, file: file)
        self.replacing = replacing
    }

    /// The same for an optional upload of a new row: nil without a file.
    static func of(_ file: UploadedFile?, collection: String, id: Int, field: String) -> PendingFile? {
        file.map { PendingFile($0, collection: collection, id: id, field: field) }
    }

    /// The same for an optional upload replacing a stored file: nil without a file, and `replacing` is only read
    /// when there is one.
    static func of(_ file: UploadedFile?, collection: String, id: Int, field: String,
                   replacing: () throws -> String?) rethrows -> PendingFile? {
        guard let file else { return nil }
        return PendingFile(file, collection: collection, id: id, field: field, replacing: try replacing())
    }
}
