import Foundation
import MariaDB

/// Why a migration or seed run stopped. Meant for the operator: every message names the file and, where there
/// is one, the line and the server's full message.
public enum MigrationError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// An applied migration whose file no longer has the checksum recorded when it was applied.
    public struct ChecksumMismatch: Sendable, Hashable {
        /// The migration's version.
        public let version: Int64
        /// The file as it is now.
        public let fileName: String
        /// The checksum in `schema_migrations`.
        public let recorded: String
        /// The checksum of the file on disk.
        public let current: String

        /// Creates a mismatch report.
        public init(version: Int64, fileName: String, recorded: String, current: String) {
            self.version = version
            self.fileName = fileName
            self.recorded = recorded
            self.current = current
        }
    }

    /// The migration directory does not exist.
    case directoryNotFound(path: String)
    /// A directory or file could not be read.
    case unreadable(path: String, reason: String)
    /// A file meant as a migration (a digit first, `.sql` last) does not follow `NNNN_description.sql`.
    case misnamedFile(fileName: String, reason: String)
    /// Two or more files share one version number.
    case duplicateVersion(version: Int64, fileNames: [String])
    /// A file is not valid UTF-8.
    case invalidEncoding(fileName: String)
    /// A file cannot be split into statements (a malformed `DELIMITER` command).
    case invalidScript(fileName: String, error: SQLScriptError)
    /// The connection has no default database to migrate.
    case noDatabaseSelected
    /// Another migrator held the lock for the whole wait.
    case lockTimeout(name: String, seconds: Int)
    /// Applied migrations were edited after they were applied; nothing was applied.
    case checksumMismatch([ChecksumMismatch])
    /// A statement failed; earlier statements of the same file may have been committed (DDL auto-commits).
    case statementFailed(fileName: String, line: Int, error: MariaDBError)
    /// The migration's statements succeeded but recording it in `schema_migrations` failed.
    case recordFailed(fileName: String, error: MariaDBError)
    /// Reading or writing the migrator's own bookkeeping (lock, `schema_migrations`) failed.
    case bookkeepingFailed(action: String, error: MariaDBError)

    /// The full explanation (server messages included: this is for the operator, not for HTTP clients).
    public var description: String {
        switch self {
        case .directoryNotFound(let path):
            return "migration directory \(path) does not exist"
        case .unreadable(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .misnamedFile(let fileName, let reason):
            return "\(fileName) looks like a migration but is misnamed: \(reason)"
        case .duplicateVersion(let version, let fileNames):
            return "migration number \(version) is used by more than one file: \(fileNames.joined(separator: ", "))"
        case .invalidEncoding(let fileName):
            return "\(fileName) is not valid UTF-8"
        case .invalidScript(let fileName, let error):
            return "\(fileName) line \(error.line): \(error.message)"
        case .noDatabaseSelected:
            return "the connection has no database selected; configure the module's database name"
        case .lockTimeout(let name, let seconds):
            return "another migrator held the lock '\(name)' for \(seconds) s; try again when it has finished"
        case .checksumMismatch(let mismatches):
            let lines = mismatches.map {
                "  \($0.fileName) (version \($0.version)): recorded checksum \($0.recorded), file checksum now \($0.current)"
            }
            return (["applied migration files were changed after they were applied; nothing was applied. "
                     + "Restore them, or put the change in a new migration:"] + lines).joined(separator: "\n")
        case .statementFailed(let fileName, let line, let error):
            return "\(fileName) line \(line)\(Self.serverLineNote(error, statementLine: line)): \(error.message)"
                + " (\(String(reflecting: error))). The file is not recorded as applied; its statements before line"
                + " \(line) may already be committed (MariaDB commits DDL at once): fix the file and check the database."
        case .recordFailed(let fileName, let error):
            return "\(fileName) ran, but recording it in schema_migrations failed: \(String(reflecting: error)). "
                + "Insert its row by hand or it will run again."
        case .bookkeepingFailed(let action, let error):
            return "cannot \(action): \(String(reflecting: error))"
        }
    }

    /// The same as `description`.
    public var debugDescription: String { description }

    /// For a syntax error, where the server's "at line N" (relative to the statement) falls in the file.
    private static func serverLineNote(_ error: MariaDBError, statementLine: Int) -> String {
        guard let range = error.message.range(of: " at line ", options: .backwards),
              let relative = Int(error.message[range.upperBound...].prefix(while: \.isNumber)), relative > 1 else {
            return ""
        }
        return " (error at line \(statementLine + relative - 1))"
    }
}
