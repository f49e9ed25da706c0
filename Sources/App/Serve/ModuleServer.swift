import AppCore
import FastCGI
import HTTPCore
import Logging
import MariaDB
import Monitor
import Resilience
import Transporte
import Egresos
import Glibc

/// Starts a module as a FastCGI server: settings from the environment, the module's responder, one worker
/// per thread with its own database connection.
public enum ModuleServer {
    /// Serves `module` on `endpoint` until SIGTERM/SIGINT/SIGHUP; returns after a graceful shutdown.
    public static func serve(_ settings: ModuleSettings, endpoint: FastCGIConfiguration.Endpoint,
                             logger: Logger) throws {
        let configuration = FastCGIConfiguration(endpoint: endpoint, workers: settings.workers)
        // Before any thread exists: the arena cap and fixed thresholds hold for every allocation that follows.
        AllocatorPolicy.configure(workers: settings.workers)
        MariaDBLibrary.initialize()
        defer { MariaDBLibrary.shutdown() }
        logger.info("starting", metadata: ["module": "\(settings.module.rawValue)", "database": "\(settings.database)"])
        removeOrphanedUploads(settings, logger: logger)
        // The module's own settings (and Egresos' bootstrap admin) first: a configuration error stops here.
        var periodicTasks: [(interval: Double, task: PeriodicThread.Task)] = []
        let makeHandler = try handlerFactory(settings, logger: logger, periodicTasks: &periodicTasks)
        // Delivers the module's mail outbox where it has one; stopped after the workers, before the library ends.
        let mailSender = try MailSenderThread.start(settings, logger: logger)
        defer { mailSender.stop() }
        // Monitor's status checks (monitor.md §8.2, ruling M15: at start and every 5 minutes) and its look for the
        // nightly backup (§6.4, ruling M14: every minute), each on its own thread, in this process.
        let periodic = periodicTasks.map {
            PeriodicThread.start(every: $0.interval, database: settings.database.mariaDBConfiguration, logger: logger, task: $0.task)
        }
        defer { periodic.forEach { $0.stop() } }
        _ = try FastCGIServer.run(configuration, logger: logger, makeHandler: makeHandler)
    }

    /// Removes the temporary upload files that processes killed in the middle of a request left behind
    /// (`OrphanedUploads`: only those of processes that are gone, so a live sibling's uploads stay).
    static func removeOrphanedUploads(_ settings: ModuleSettings, logger: Logger) {
        let directory = settings.bodyLimits.uploadDirectory
        let removed = OrphanedUploads.sweep(directory: directory, now: Int(time(nil)))
        guard !removed.isEmpty else { return }
        logger.notice("removed temporary upload files of processes that are gone",
                      metadata: ["directory": "\(directory)", "files": "\(removed.count)"])
    }

    /// Starts `module` and returns the running server (tests, in-process use).
    public static func start(_ settings: ModuleSettings, endpoint: FastCGIConfiguration.Endpoint,
                             logger: Logger) throws -> FastCGIServer {
        MariaDBLibrary.initialize()
        let configuration = FastCGIConfiguration(endpoint: endpoint, workers: settings.workers)
        return try FastCGIServer.start(configuration, logger: logger, makeHandler: try handlerFactory(settings, logger: logger))
    }

    /// Seconds between two runs of Monitor's status checks (§8.2).
    static let statusCheckInterval: Double = 300

    /// The per-thread handler factory of the module named in `settings`.
    static func handlerFactory(_ settings: ModuleSettings, logger: Logger) throws -> FastCGIServer.HandlerFactory {
        var ignored: [(interval: Double, task: PeriodicThread.Task)] = []
        return try handlerFactory(settings, logger: logger, periodicTasks: &ignored)
    }

    /// The per-thread handler factory of the module named in `settings`, and in `periodicTasks` the module's
    /// periodic work if it has some: Monitor's status checks, over the same module value as the workers, so
    /// `GET /api/diagnostico/checks` reads what the checks recorded in this process, and its nightly backup look.
    static func handlerFactory(_ settings: ModuleSettings, logger: Logger,
                               periodicTasks: inout [(interval: Double, task: PeriodicThread.Task)]) throws -> FastCGIServer.HandlerFactory {
        let database = try workerDatabase(settings)
        switch settings.module {
        case .monitor:
            let module = try MonitorModule(settings: settings, cloudStore: CurlS3Client.factory, fileStore: CurlS3Client.storageFactory)
            let statusChecks: PeriodicThread.Task = { connection, logger in module.runStatusChecks(connection: connection, logger: logger) }
            let nightlyBackup: PeriodicThread.Task = { connection, logger in module.runNightlyBackup(connection: connection, logger: logger) }
            periodicTasks = [(statusCheckInterval, statusChecks), (MonitorModule.nightlyBackupCheckInterval, nightlyBackup)]
            return factory(ModuleEntry(responder: module.makeResponder(), makeContext: module.makeContext), database, logger)
        case .transporte:
            let module = try TransporteModule(settings: settings, registryTransport: CurlRegistryTransport.factory)
            return factory(ModuleEntry(responder: module.makeResponder(), makeContext: module.makeContext), database, logger)
        case .egresos:
            let module = try EgresosModule(settings: settings, fileStore: CurlS3Client.storageFactory)
            bootstrapAdmin(module, database, logger)
            return factory(ModuleEntry(responder: module.makeResponder(), makeContext: module.makeContext), database, logger)
        }
    }

    /// The request path's limit on one statement by default (`DB_STATEMENT_TIMEOUT_SECONDS`), in seconds: under
    /// nginx's 60 s `fastcgi_read_timeout` and InnoDB's 50 s default lock wait, so a blocked request gets the
    /// module's 503 rather than nginx's 504 page, and far over any statement a request normally runs.
    static let defaultStatementTimeoutSeconds = 30

    /// The workers' database configuration: the module's, with `DB_STATEMENT_TIMEOUT_SECONDS` (0-3600, default 30,
    /// 0: no limit) as each connection's `max_statement_time`. Only the request path has the limit: the mail sender,
    /// the periodic threads and the backup job (long by nature) connect without it.
    static func workerDatabase(_ settings: ModuleSettings) throws -> MariaDBConfiguration {
        var database = settings.database.mariaDBConfiguration
        database.statementTimeoutSeconds = Double(try settings.environment.int(
            "DB_STATEMENT_TIMEOUT_SECONDS", default: defaultStatementTimeoutSeconds, range: 0...3_600))
        return database
    }

    /// Egresos' bootstrap admin, once per process before the workers start. A database that cannot be reached
    /// (or is not migrated yet) does not stop the module: the error is logged and the next start checks again.
    private static func bootstrapAdmin(_ module: EgresosModule, _ database: MariaDBConfiguration, _ logger: Logger) {
        let connection = MariaDBConnection(configuration: database, logger: logger)
        defer { connection.close() }
        do {
            try module.bootstrapAdmin(connection: connection, logger: logger)
        } catch {
            logger.error("bootstrap admin: not checked, the next start tries again", metadata: ["error": "\(error)"])
        }
    }

    private static func factory<Context: RequestContext>(_ entry: ModuleEntry<Context>, _ database: MariaDBConfiguration,
                                                         _ logger: Logger) -> FastCGIServer.HandlerFactory {
        // One for the process's workers: while the database is down, one of them tries to connect at a time
        // and the others answer 503 at once.
        // It opens only when no node of the list answers; one node down is the node breakers' business (shared
        // too, so one worker finding a node down spares the others its connect timeout).
        let breaker = ConnectionBreaker(.databaseConnect)
        let nodeHealth = database.endpoints.count > 1 ? MariaDBNodeHealth(nodeCount: database.endpoints.count) : nil
        return { index in
            var workerLogger = logger
            workerLogger[metadataKey: "worker"] = .stringConvertible(index)
            return ModuleWorker(entry: entry, database: database, breaker: breaker, nodeHealth: nodeHealth, logger: workerLogger)
        }
    }
}
