/// The backup log's rules (monitor.md §8.3).
enum BackupLog {
    /// Entries kept: the newest 200.
    static let kept = 200
    /// Who an entry names when the caller has no username.
    static let unknownUser = "desconocido"
}
