import App
import AppCore
import Logging
import ArgumentParser
import Foundation

/// `ventanilla migrate <module>`: applies the module's numbered SQL migrations.
struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply sql/<module>/NNNN_*.sql in order, recording each in schema_migrations.")

    @OptionGroup var options: ModuleOptions
    @OptionGroup var sql: SQLDirectoryOption

    func run() throws {
        let settings = try options.migrationSettings()
        let logger = options.logger(level: settings.logLevel)
        let directory = sql.directory(for: settings.module.rawValue, environment: ProcessInfo.processInfo.environment)
        do {
            let report = try DatabaseTasks.migrate(settings, directory: directory, logger: logger)
            print(report)
        } catch {
            logger.critical("migration failed: \(String(reflecting: error))")
            throw ExitCode(1)
        }
    }
}
