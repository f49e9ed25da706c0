import App
import AppCore
import Logging
import ArgumentParser
import Foundation

/// `ventanilla seed <module>`: loads the development seed data.
struct Seed: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run sql/<module>/seed/development.sql (idempotent development data; never in production).")

    @OptionGroup var options: ModuleOptions
    @OptionGroup var sql: SQLDirectoryOption

    func run() throws {
        let settings = try options.migrationSettings()
        let logger = options.logger(level: settings.logLevel)
        let directory = sql.directory(for: settings.module.rawValue, environment: ProcessInfo.processInfo.environment)
        do {
            print(try DatabaseTasks.seed(settings, directory: directory, logger: logger))
        } catch {
            logger.critical("seeding failed: \(String(reflecting: error))")
            throw ExitCode(1)
        }
    }
}
