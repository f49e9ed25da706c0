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
            Examples:
              printf '%s\\n' "$PASSWORD" | ventanilla user create monitor --username admin --rol Administrador --nombre Admin
              printf '%s\\n' "$PASSWORD" | ventanilla user create transporte --username admin --rol ADMIN \
                --nombre "Ana Pérez" --email ana@example.gob.sv
            Monitor roles: Administrador, Operador, Tecnico (Técnico accepted). Transporte roles: ADMIN, SOLICITANTE,
            APROBADOR, MOTORISTA; --nombre (name and surname) is required there, --email is where its mail goes.
            """)

        @OptionGroup var options: ModuleOptions

        @Option(help: "The login name (no whitespace, unique).")
        var username: String

        @Option(help: "The role: Administrador, Operador or Tecnico (monitor); ADMIN, SOLICITANTE, APROBADOR or MOTORISTA (transporte).")
        var rol: String

        @Option(help: "The display name (transporte: required, name and surname).")
        var nombre: String?

        @Option(help: "The e-mail address (transporte: where the user's notifications go).")
        var email: String?

        func run() throws {
            guard options.module != .egresos else {
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
                                           email: email, logger: logger))
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
