import AppCore
import Foundation

/// Ruling E8's one-time renaming (`ventanilla files migrate egresos`): every row whose stored path lacks the
/// random part gets a new random name, so no URL handed out before E8 keeps serving its file. Idempotent: a second
/// run finds every path random and changes nothing.
///
/// Per row the order is such that a crash at any point loses no file and leaves no row pointing at nothing:
/// the file is copied to the new name beside the old one (through the module's `FileStorage`, on disk or in a
/// bucket), the row is updated in its own transaction, then the old name is deleted. A crash before the COMMIT leaves an unreferenced random name (unguessable, harmless);
/// one after it leaves the old name, which the next run removes (`leftoversRemoved`).
struct StoredFileMigration {
    let repository: any StoredFilesRepository
    /// The module's stored files (`files/<path>`).
    let storage: any FileStorage

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

    /// Gives row `row`'s file a random name: copy it to the new name, update the row, delete the old name.
    private func rename(_ row: StoredFileRow, of column: StoredFileColumn, into report: inout StoredFileMigrationReport) throws {
        guard Self.isPlainRelative(row.path) else { report.refused += 1; return }
        let old = FileStore.keyPrefix + row.path
        guard let bytes = try storage.get(old) else {
            report.missing += 1
            return
        }
        let path = FileStore.path(collection: column.collection, id: row.id, field: column.field,
                                  ext: (row.path as NSString).pathExtension)
        let new = FileStore.keyPrefix + path
        try storage.put(new, bytes: bytes)
        let updated: Bool
        do {
            updated = try repository.replacePath(column, id: row.id, from: row.path, to: path)
        } catch {
            try? storage.delete([new])
            throw error
        }
        guard updated else {
            try? storage.delete([new])
            report.changedMeanwhile += 1
            return
        }
        try storage.delete([old])
        report.renamed += 1
    }

    /// Removes the old-style names (`{field}.{ext}`) of `column`'s field left in row `id`'s folder; the row
    /// stores a random name, so none of them is referenced. Returns how many went.
    private func removeOldNames(_ column: StoredFileColumn, id: Int) throws -> Int {
        let folder = FileStore.keyPrefix + "\(column.collection)/v1/\(id)/"
        let old = try storage.list(prefix: folder).filter { key in
            let name = key.dropFirst(folder.count)
            return !name.contains("/") && (String(name) as NSString).deletingPathExtension == column.field
        }
        try storage.delete(old)
        return old.count
    }

    /// Whether `path` stays under `FILES_ROOT`: relative, without empty, `.` or `..` segments.
    static func isPlainRelative(_ path: String) -> Bool {
        !path.isEmpty && path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && $0 != "." && $0 != ".."
        }
    }
}
