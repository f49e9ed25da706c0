import App
import AppCore
import ArgumentParser
import Foundation
import Logging

/// `ventanilla token egresos --email E [--ttl S]`: a staff token for the local stack (ruling E2).
struct Token: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mint an Egresos staff token signed with the local key (AUTH0_PRIVATE_KEY_FILE).",
        discussion: """
        The token is RS256 with the module's AUTH0_ISSUER, the first AUTH0_AUDIENCES entry, sub local|<email> (or the
        user's linked sub), email and email_verified. When the database answers, the e-mail must belong to an active
        user. Example:
          curl -H "Authorization: Bearer $(ventanilla token egresos --email admin@element.com.mx)" \\
            http://127.0.0.1:8082/api/v1/users/profile
        """)

    @OptionGroup var options: ModuleOptions

    @Option(help: "The e-mail of a registered Egresos user.")
    var email: String

    @Option(help: "Lifetime in seconds (60 to 2592000).")
    var ttl: Int = 3600

    func run() throws {
        guard options.module == .egresos else {
            printError(StaffTokenTask.Failure.notAvailable(options.module).description)
            throw ExitCode(1)
        }
        let settings = try options.settings()
        let logger = options.logger(level: settings.logLevel)
        do {
            let minted = try StaffTokenTask.mint(settings, email: email, lifetime: ttl, logger: logger)
            if let warning = minted.warning { printError("warning: " + warning, prefix: "") }
            print(minted.token)
        } catch let failure as StaffTokenTask.Failure {
            printError(failure.description)
            throw ExitCode(1)
        } catch let failure as ConfigurationError {
            printError(failure.description)
            throw ExitCode(1)
        } catch {
            logger.critical("token not minted: \(String(reflecting: error))")
            throw ExitCode(1)
        }
    }

    private func printError(_ message: String, prefix: String = "error: ") {
        FileHandle.standardError.write(Data((prefix + message + "\n").utf8))
    }
}
