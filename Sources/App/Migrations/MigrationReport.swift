/// What one `Migrator.migrate(on:)` run did.
public struct MigrationReport: Sendable, Hashable, CustomStringConvertible {
    /// The database that was migrated.
    public var database: String
    /// The files applied by this run, in the order they ran.
    public var applied: [MigrationFile]
    /// The versions that were already applied (with unchanged files) before this run.
    public var alreadyApplied: [Int64]
    /// Recorded migrations whose file is gone (reported, not fatal).
    public var missingFiles: [MigrationRecord]

    /// Creates a report.
    public init(database: String, applied: [MigrationFile], alreadyApplied: [Int64], missingFiles: [MigrationRecord]) {
        self.database = database
        self.applied = applied
        self.alreadyApplied = alreadyApplied
        self.missingFiles = missingFiles
    }

    /// The versions applied by this run.
    public var appliedVersions: [Int64] { applied.map(\.version) }

    /// A few lines for the terminal.
    public var description: String {
        var lines: [String] = []
        if applied.isEmpty {
            lines.append("\(database): nothing to apply (\(alreadyApplied.count) migrations already applied)")
        } else {
            lines.append("\(database): applied \(applied.count) migrations "
                         + "(\(alreadyApplied.count) were already applied)")
            lines += applied.map { "  applied \($0.fileName)" }
        }
        lines += missingFiles.map {
            "  warning: \($0.name) (version \($0.version)) is recorded as applied but its file is missing"
        }
        return lines.joined(separator: "\n")
    }
}
