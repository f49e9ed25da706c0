import ArgumentParser

/// Where the SQL files are, for `migrate` and `seed`.
struct SQLDirectoryOption: ParsableArguments {
    @Option(name: .customLong("sql-dir"), help: "The directory holding sql/<module>/ (default: SQL_DIR, else ./sql).")
    var sqlDirectory: String?

    /// The module's SQL directory (`<root>/<module>`).
    func directory(for module: String, environment: [String: String]) -> String {
        let root = sqlDirectory ?? environment["SQL_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "sql"
        return root + "/" + module
    }
}
