import App
import AppCore
import ArgumentParser
import Foundation
import Logging

/// `ventanilla files …`: maintenance of stored files.
struct Files: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Maintain a module's stored files.", subcommands: [MigrateNames.self])

    /// `ventanilla files migrate egresos`: the one-time renaming of ruling E8.
    struct MigrateNames: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "migrate",
            abstract: "Give every stored Egresos file a random name ({field}-{32 hex}.{ext}, ruling E8).",
            discussion: """
            For each row whose stored path lacks the random part: link the new name, update the row (its own
            transaction), unlink the old name, so the old guessable URL stops working and a crash loses nothing.
            Idempotent, safe while the module serves; prints the counts. Egresos only.
            """)

        @OptionGroup var options: ModuleOptions

        func run() throws {
            guard options.module == .egresos else {
                FileHandle.standardError.write(Data("error: files are migrated for egresos only, not \(options.module.rawValue)\n".utf8))
                throw ExitCode(1)
            }
            let settings = try options.settings()
            let logger = options.logger(level: settings.logLevel)
            do {
                print(try DatabaseTasks.migrateEgresosFiles(settings, logger: logger))
            } catch {
                logger.critical("file migration failed: \(String(reflecting: error))")
                throw ExitCode(1)
            }
        }
    }
}
