import ArgumentParser

/// `ventanilla`: serves, migrates and administers the three modules.
@main
struct Ventanilla: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ventanilla",
        abstract: "Monitor, Transporte and Egresos as FastCGI responders on MariaDB.",
        subcommands: [Serve.self, Migrate.self, Seed.self, User.self, Token.self, Files.self])
}
