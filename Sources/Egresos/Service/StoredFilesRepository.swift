/// One row's stored file path.
struct StoredFileRow: Sendable, Equatable {
    let id: Int
    /// Relative to `FILES_ROOT`.
    let path: String
}

/// The file paths rows store, for the one-time renaming of ruling E8 (`StoredFileMigration`).
protocol StoredFilesRepository {
    /// The rows of `column` that name a file, by id.
    func rows(_ column: StoredFileColumn) throws -> [StoredFileRow]
    /// Sets row `id`'s path from `old` to `new` in a transaction of its own; false when the row no longer holds
    /// `old` (a request replaced or removed the file meanwhile).
    func replacePath(_ column: StoredFileColumn, id: Int, from old: String, to new: String) throws -> Bool
}
