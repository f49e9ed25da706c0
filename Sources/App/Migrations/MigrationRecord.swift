import MariaDB

/// One row of `schema_migrations`: a migration the database says it has applied.
public struct MigrationRecord: Sendable, Hashable {
    /// The migration's version.
    public let version: Int64
    /// The file name it was applied from.
    public let name: String
    /// The SHA-256 (hex) of the file's bytes when it was applied.
    public let checksum: String
    /// When it was applied, in UTC.
    public let appliedAt: SQLDateTime
    /// How long its statements took, in milliseconds.
    public let executionMilliseconds: Int64

    /// Creates a record.
    public init(version: Int64, name: String, checksum: String, appliedAt: SQLDateTime, executionMilliseconds: Int64) {
        self.version = version
        self.name = name
        self.checksum = checksum
        self.appliedAt = appliedAt
        self.executionMilliseconds = executionMilliseconds
    }
}
