import HTTPCore
import Logging

/// The settings every module has, read from the environment (README, "Configuration").
public struct ModuleSettings: Sendable {
    /// Which module.
    public var module: ModuleName
    /// The database connection settings of the running module (`DB_USER`, `DB_PASSWORD`).
    public var database: DatabaseSettings
    /// The same database as the account that owns its schema, for `migrate` and `seed`: `DB_MIGRATION_USER` and
    /// `DB_MIGRATION_PASSWORD`; when `DB_MIGRATION_USER` is unset, the runtime account (a single-account deployment).
    public var migrationDatabase: DatabaseSettings
    /// Worker threads (each with its own database connection).
    public var workers: Int
    /// Body limits and the directory where multipart files are streamed.
    public var bodyLimits: BodyLimits
    /// The module's time zone identifier (IANA).
    public var timeZone: String
    /// The log level.
    public var logLevel: Logger.Level
    /// The `Access-Control-Allow-Origin` value.
    public var corsAllowOrigin: String
    /// The application log file (`LOG_FILE`, e.g. `MONITOR_LOG_FILE`; ruling M15), nil when unset: then the log
    /// goes to stderr only.
    public var logFile: String?
    /// The module's own environment, for its module-specific settings (secrets, paths).
    public var environment: Environment

    /// Reads the settings of `module` from `values` (the process environment).
    public init(module: ModuleName, values: [String: String]) throws {
        let env = Environment(module: module, values: values)
        self.module = module
        self.environment = env
        database = DatabaseSettings(
            socket: env.string("DB_SOCKET", default: "/run/mysqld/mysqld.sock"),
            host: env.string("DB_HOST"),
            port: try env.int("DB_PORT", default: 3306, range: 1...65535),
            user: env.string("DB_USER", default: module.rawValue),
            password: env.string("DB_PASSWORD", default: ""),
            name: env.string("DB_NAME", default: module.rawValue),
            nodes: try Self.databaseNodes(env),
            wsrepSyncWait: env.string("DB_WSREP_SYNC_WAIT") == nil ? nil : try env.int("DB_WSREP_SYNC_WAIT", default: 0, range: 0...15))
        migrationDatabase = database
        if let migrationUser = env.string("DB_MIGRATION_USER") {
            migrationDatabase.user = migrationUser
            migrationDatabase.password = env.string("DB_MIGRATION_PASSWORD", default: "")
        }
        workers = try env.int("WORKERS", default: 8, range: 1...256)
        let bodyLimit = try env.int("BODY_LIMIT", default: module.defaultBodyLimit, range: 1024...(1 << 32))
        let uploadDirectory = env.string("UPLOAD_DIR", default: "/var/lib/ventanilla/\(module.rawValue)/uploads")
        bodyLimits = BodyLimits(maxBody: bodyLimit,
                                maxBufferedBody: min(bodyLimit, try env.int("JSON_BODY_LIMIT", default: 1024 * 1024, range: 1024...(1 << 30))),
                                maxFileSize: bodyLimit,
                                uploadDirectory: uploadDirectory + "/.incoming")
        timeZone = env.string("APP_TIMEZONE", default: module.defaultTimeZone)
        guard TimeZoneDatabase.exists(timeZone) else {
            throw ConfigurationError(variable: "APP_TIMEZONE", problem: "names an unknown time zone (\(timeZone))")
        }
        let level = env.string("LOG_LEVEL", default: "info")
        guard let parsed = Logger.Level(rawValue: level.lowercased()) else {
            throw ConfigurationError(variable: "LOG_LEVEL", problem: "must be one of trace, debug, info, notice, warning, error, critical")
        }
        logLevel = parsed
        corsAllowOrigin = env.string("CORS_ALLOW_ORIGIN", default: "*")
        logFile = env.string("LOG_FILE")
    }

    /// `DB_HOSTS`: comma-separated nodes (`host:port` or an absolute socket path), in order of preference; empty
    /// when unset (then `DB_SOCKET` or `DB_HOST`). A host without a port takes `DB_PORT`.
    static func databaseNodes(_ env: Environment) throws -> [DatabaseSettings.Node] {
        let defaultPort = try env.int("DB_PORT", default: 3306, range: 1...65535)
        return try env.list("DB_HOSTS").map { entry in
            guard let node = DatabaseSettings.Node(parsing: entry, defaultPort: defaultPort) else {
                throw ConfigurationError(variable: env.nameInUse("DB_HOSTS"),
                                         problem: "entries must be host:port or an absolute socket path (\(entry))")
            }
            return node
        }
    }

    /// The directory under which the module keeps uploaded files (`UPLOAD_DIR`).
    public var uploadRoot: String {
        let incoming = bodyLimits.uploadDirectory
        return String(incoming.dropLast("/.incoming".count))
    }
}
