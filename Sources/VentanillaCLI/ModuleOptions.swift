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

    /// Bootstraps swift-log once (stderr, and the application log file of ruling M15 when `logFile` is set) and
    /// returns the module's logger. A `buffered` process (a server) writes its lines in batches, each line within
    /// `LogFlusher.intervalMilliseconds`, a warning or an error at once, all of them at exit and on a fatal signal.
    func logger(level: Logger.Level, logFile: String? = nil, buffered: Bool = false) -> Logger {
        let file = logFile.map { ApplicationLogFile(path: $0, buffered: buffered) }
        // One buffer for the process's standard error, shared by every logger's handler.
        let standardError = buffered ? LogLineBuffer(descriptor: 2) : nil
        if buffered { LogFlusher.flushAtExitAndOnFatalSignals() }
        LoggingSystem.bootstrap { label in
            var handler = StandardErrorLogHandler(label: label, buffer: standardError)
            handler.logLevel = level
            guard let file else { return handler }
            return MultiplexLogHandler([handler, ApplicationLogHandler(label: label, file: file, level: level)])
        }
        var logger = Logger(label: "ventanilla.\(module.rawValue)")
        logger.logLevel = level
        return logger
    }
}

extension ModuleName: ExpressibleByArgument {}
