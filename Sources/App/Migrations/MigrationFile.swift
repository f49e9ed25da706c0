import AppCore
/// One numbered migration file, `NNNN_description.sql`, read from disk with its checksum.
public struct MigrationFile: Sendable, Hashable, CustomStringConvertible {
    /// The number before the underscore, the row key in `schema_migrations`.
    public let version: Int64
    /// The part between the underscore and `.sql`.
    public let name: String
    /// The file name, such as `0001_create_expedientes.sql`.
    public let fileName: String
    /// The full path the file was read from.
    public let path: String
    /// The SHA-256 of the file's bytes, as 64 lowercase hexadecimal characters.
    public let checksum: String
    /// The file's bytes, exactly as read.
    package let contents: [UInt8]

    /// Creates a migration from its parsed file name and contents; the checksum is computed here.
    package init(version: Int64, name: String, fileName: String, path: String, contents: [UInt8]) {
        self.version = version
        self.name = name
        self.fileName = fileName
        self.path = path
        self.contents = contents
        checksum = Hashing.sha256Hex(contents)
    }

    /// The file name.
    public var description: String { fileName }
}
