/// What one `Seeder.run(on:)` did.
public struct SeedReport: Sendable, Hashable, CustomStringConvertible {
    /// The seed file's path.
    public var path: String
    /// Whether the file existed (a module without seed data has none).
    public var fileExists: Bool
    /// How many statements ran.
    public var statementCount: Int

    /// Creates a report.
    public init(path: String, fileExists: Bool, statementCount: Int) {
        self.path = path
        self.fileExists = fileExists
        self.statementCount = statementCount
    }

    /// One line for the terminal.
    public var description: String {
        fileExists ? "ran \(path): \(statementCount) statements" : "no seed file at \(path); nothing to seed"
    }
}
