import AppCore
import ArgumentParser
import Foundation
import Logging

/// The module argument and logging set-up shared by every subcommand.
struct ModuleOptions: ParsableArguments {
    @Argument(help: "The module: monitor, transporte or egresos.")
    var module: ModuleName

    /// The module's settings from the process environment; exits with a clear message when they are wrong.
    func settings() throws -> ModuleSettings {
        do {
            return try ModuleSettings(module: module, values: ProcessInfo.processInfo.environment)
        } catch let error as ConfigurationError {
            throw ValidationError(error.description)
        }
    }

    /// The settings with the migration account as the database account (`migrate`, `seed`: DDL and seed data).
    func migrationSettings() throws -> ModuleSettings {
        var settings = try settings()
        settings.database = settings.migrationDatabase
        return settings
    }

    /// Bootstraps swift-log once (stderr) and returns the module's logger.
    func logger(level: Logger.Level) -> Logger {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: "ventanilla.\(module.rawValue)")
        logger.logLevel = level
        return logger
    }
}

extension ModuleName: ExpressibleByArgument {}
