import App
import AppCore
import ArgumentParser
import Foundation
import Logging

/// `ventanilla user …`: user administration from the command line.
struct User: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Administer a module's users (e.g. the first administrator of a deployment).",
        subcommands: [Create.self])

    /// `ventanilla user create <module> --username U --rol R [--nombre N]`, password on standard input.
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a user; the password is the first line of standard input.",
            discussion: """
            Example: printf '%s\\n' "$PASSWORD" | ventanilla user create monitor --username admin --rol Administrador \
            --nombre Admin. Available for monitor; rol is Administrador, Operador or Tecnico (Técnico accepted).
            """)

        @OptionGroup var options: ModuleOptions

        @Option(help: "The login name (no whitespace, unique).")
        var username: String

        @Option(help: "The role: Administrador, Operador or Tecnico.")
        var rol: String

        @Option(help: "The display name.")
        var nombre: String?

        func run() throws {
            guard options.module == .monitor else {
                printError(UserTasks.Failure.notAvailable(options.module).description)
                throw ExitCode(1)
            }
            let settings = try options.settings()
            let logger = options.logger(level: settings.logLevel)
            guard let password = UserTasks.passwordLine({ readLine(strippingNewline: true) }), !password.isEmpty else {
                printError(UserTasks.Failure.emptyPassword.description)
                throw ExitCode(1)
            }
            do {
                print(try UserTasks.create(settings, username: username, nombre: nombre, rol: rol, password: password,
                                           logger: logger))
            } catch let failure as UserTasks.Failure {
                printError(failure.description)
                throw ExitCode(1)
            } catch {
                logger.critical("user creation failed: \(String(reflecting: error))")
                throw ExitCode(1)
            }
        }

        private func printError(_ message: String) {
            FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
        }
    }
}
