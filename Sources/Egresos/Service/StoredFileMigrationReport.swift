/// What `ventanilla files migrate egresos` did (ruling E8), by stored path.
public struct StoredFileMigrationReport: Sendable, Equatable, CustomStringConvertible {
    /// Files given a random name (the row updated, the old name removed).
    public internal(set) var renamed = 0
    /// Rows whose file already had a random name.
    public internal(set) var alreadyRandom = 0
    /// Old names removed that a row no longer referenced (left by an interrupted earlier run).
    public internal(set) var leftoversRemoved = 0
    /// Rows naming a file that is not on disk (left as they are: no URL serves them).
    public internal(set) var missing = 0
    /// Rows a request changed while the command ran (left to that request; its own name is random).
    public internal(set) var changedMeanwhile = 0
    /// Rows whose stored path is not a plain relative path under `FILES_ROOT` (left as they are).
    public internal(set) var refused = 0

    /// One line for the operator.
    public var description: String {
        "egresos files: \(renamed) renamed, \(alreadyRandom) already random, \(leftoversRemoved) leftover old names "
            + "removed, \(missing) missing on disk, \(changedMeanwhile) changed meanwhile, \(refused) refused"
    }
}
