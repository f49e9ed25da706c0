/// What a migration run has to do, worked out from the files on disk and the rows of `schema_migrations`.
package struct MigrationPlan: Sendable, Hashable {
    /// Files not yet applied, in version order.
    package let pending: [MigrationFile]
    /// Versions already applied whose files are unchanged, ascending.
    package let alreadyApplied: [Int64]
    /// Recorded versions without a file, ascending.
    package let missingFiles: [MigrationRecord]

    /// Compares `files` with `records`; throws `.checksumMismatch` listing every applied file that changed.
    package init(files: [MigrationFile], records: [MigrationRecord]) throws(MigrationError) {
        let recordsByVersion = Dictionary(records.map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first })
        let fileVersions = Set(files.map(\.version))
        var pending: [MigrationFile] = []
        var alreadyApplied: [Int64] = []
        var mismatches: [MigrationError.ChecksumMismatch] = []
        for file in files.sorted(by: { $0.version < $1.version }) {
            guard let record = recordsByVersion[file.version] else {
                pending.append(file)
                continue
            }
            if record.checksum.lowercased() != file.checksum {
                mismatches.append(MigrationError.ChecksumMismatch(
                    version: file.version, fileName: file.fileName, recorded: record.checksum, current: file.checksum))
            } else {
                alreadyApplied.append(file.version)
            }
        }
        guard mismatches.isEmpty else {
            throw .checksumMismatch(mismatches)
        }
        self.pending = pending
        self.alreadyApplied = alreadyApplied
        missingFiles = records.filter { !fileVersions.contains($0.version) }.sorted { $0.version < $1.version }
    }
}
