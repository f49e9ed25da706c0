import App
import AppCore
import Logging
import ArgumentParser
import FastCGI
import Foundation

/// `ventanilla serve <module>`: the FastCGI responder of one module.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve a module over FastCGI until SIGTERM or SIGINT.",
        discussion: """
        Listens on --socket (a unix socket path, or HOST:PORT for TCP), or on the socket SOCKET names, or on a \
        listening socket handed over by spawn-fcgi (fd 0) or systemd (LISTEN_FDS=1).
        """)

    @OptionGroup var options: ModuleOptions

    @Option(help: "Unix socket path, or HOST:PORT (numeric host) for TCP.")
    var socket: String?

    @Option(help: "Octal mode of the unix socket (who may connect: nginx).")
    var socketMode: String = "660"

    @Option(help: "Worker threads (overrides WORKERS).")
    var workers: Int?

    func run() throws {
        var settings = try options.settings()
        if let workers {
            guard (1...256).contains(workers) else { throw ValidationError("--workers must be in 1...256") }
            settings.workers = workers
        }
        guard let mode = UInt32(socketMode, radix: 8), mode <= 0o777 else {
            throw ValidationError("--socket-mode must be an octal mode such as 660")
        }
        let environment = ProcessInfo.processInfo.environment
        let endpoint: FastCGIConfiguration.Endpoint
        if let path = socket ?? settings.environment.string("SOCKET") {
            endpoint = .parse(path, mode: mode)
        } else if let inherited = FastCGIConfiguration.Endpoint.inheritedFromSupervisor(environment: environment) {
            endpoint = inherited
        } else {
            throw ValidationError("no socket: pass --socket PATH, set SOCKET, or start under spawn-fcgi/systemd")
        }
        let logger = options.logger(level: settings.logLevel, logFile: settings.logFile, buffered: true)
        // The last request lines and "stopped" are written before the process ends, whichever way serve returns.
        defer { LogFlusher.flushAll() }
        do {
            try ModuleServer.serve(settings, endpoint: endpoint, logger: logger)
        } catch let error as FastCGIError {
            logger.critical("cannot serve: \(error)")
            throw ExitCode(1)
        }
    }
}
