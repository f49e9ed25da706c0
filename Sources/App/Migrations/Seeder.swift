import Foundation
import Logging
import MariaDB

/// Runs a module's seed file (`sql/<module>/seed/development.sql`) with the same splitter as the migrations.
///
/// Seeds are not recorded anywhere and run in full every time, so their authors write them idempotently
/// (`INSERT IGNORE`, `ON DUPLICATE KEY UPDATE`, `WHERE NOT EXISTS`); the seeder just runs them.
public struct Seeder: Sendable {
    /// The module's SQL directory (`sql/<module>`).
    public let directory: String
    /// Which seed file to run: `seed/<environment>.sql`.
    public let environment: String
    /// Receives the outcome.
    public var logger: Logger

    /// Creates a seeder for `directory`/seed/`environment`.sql.
    public init(directory: String, environment: String = "development", logger: Logger) {
        self.directory = directory
        self.environment = environment
        self.logger = logger
    }

    /// The seed file's path.
    public var path: String {
        (directory.hasSuffix("/") ? directory : directory + "/") + "seed/\(environment).sql"
    }

    /// Runs every statement of the seed file in order; a missing file is not an error (nothing to seed).
    @discardableResult
    public func run(on connection: MariaDBConnection) throws -> SeedReport {
        guard FileManager.default.fileExists(atPath: path) else {
            logger.info("no seed file at \(path); nothing to seed")
            return SeedReport(path: path, fileExists: false, statementCount: 0)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MigrationError.unreadable(path: path, reason: "cannot read the file")
        }
        let file = MigrationFile(version: 0, name: environment, fileName: "seed/\(environment).sql", path: path,
                                 contents: [UInt8](data))
        let statements = try Migrator.statements(of: file)
        for statement in statements {
            do {
                try connection.executeText(statement.text)
            } catch {
                throw MigrationError.statementFailed(fileName: file.fileName, line: statement.line, error: error)
            }
        }
        logger.info("ran \(file.fileName) (\(statements.count) statements)")
        return SeedReport(path: path, fileExists: true, statementCount: statements.count)
    }
}
