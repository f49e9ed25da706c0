import Foundation

/// Ruling E8's one-time renaming (`ventanilla files migrate egresos`): every row whose stored path lacks the
/// random part gets a new random name, so no URL handed out before E8 keeps serving its file. Idempotent: a second
/// run finds every path random and changes nothing.
///
/// Per row the order is such that a crash at any point loses no file and leaves no row pointing at nothing:
/// the new name is linked beside the old one (same file), the row is updated in its own transaction, then the
/// old name is unlinked. A crash before the COMMIT leaves an unreferenced random name (unguessable, harmless);
/// one after it leaves the old name, which the next run removes (`leftoversRemoved`).
struct StoredFileMigration {
    let repository: any StoredFilesRepository
    /// `FILES_ROOT`.
    let root: String

    /// Renames every old-style file of every file column; returns the counts.
    func run() throws -> StoredFileMigrationReport {
        var report = StoredFileMigrationReport()
        for column in StoredFileColumn.all {
            for row in try repository.rows(column) {
                if FileStore.isRandomized(row.path, collection: column.collection, id: row.id, field: column.field) {
                    report.alreadyRandom += 1
                    report.leftoversRemoved += try removeOldNames(column, id: row.id)
                } else {
                    try rename(row, of: column, into: &report)
                }
            }
        }
        return report
    }

    /// Gives row `row`'s file a random name: link the new name, update the row, unlink the old name.
    private func rename(_ row: StoredFileRow, of column: StoredFileColumn, into report: inout StoredFileMigrationReport) throws {
        guard Self.isPlainRelative(row.path) else { report.refused += 1; return }
        let manager = FileManager.default
        let old = root + "/" + row.path
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: old, isDirectory: &isDirectory), !isDirectory.boolValue else {
            report.missing += 1
            return
        }
        let path = FileStore.path(collection: column.collection, id: row.id, field: column.field,
                                  ext: (row.path as NSString).pathExtension)
        let new = root + "/" + path
        try manager.createDirectory(atPath: (new as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard link(old, new) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let updated: Bool
        do {
            updated = try repository.replacePath(column, id: row.id, from: row.path, to: path)
        } catch {
            unlink(new)
            throw error
        }
        guard updated else {
            unlink(new)
            report.changedMeanwhile += 1
            return
        }
        try manager.removeItem(atPath: old)
        report.renamed += 1
    }

    /// Removes the old-style names (`{field}.{ext}`) of `column`'s field left in row `id`'s directory; the row
    /// stores a random name, so none of them is referenced. Returns how many went.
    private func removeOldNames(_ column: StoredFileColumn, id: Int) throws -> Int {
        let directory = root + "/\(column.collection)/v1/\(id)"
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: directory) else { return 0 }
        var removed = 0
        for name in names where (name as NSString).deletingPathExtension == column.field {
            try manager.removeItem(atPath: directory + "/" + name)
            removed += 1
        }
        return removed
    }

    /// Whether `path` stays under `FILES_ROOT`: relative, without empty, `.` or `..` segments.
    static func isPlainRelative(_ path: String) -> Bool {
        !path.isEmpty && path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && $0 != "." && $0 != ".."
        }
    }
}
