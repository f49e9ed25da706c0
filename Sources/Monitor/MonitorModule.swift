import AppCore
import HTTPCore

/// The Monitor module: its settings, its routes and its error format. Built once, shared by every worker.
public struct MonitorModule: Sendable {
    /// The common settings.
    public let settings: ModuleSettings
    /// What handlers need of the settings.
    public let environment: MonitorEnvironment
    /// Token issuing and verification (`MONITOR_JWT_SECRET`).
    public let tokens: MonitorTokens

    /// Reads Monitor's own settings on top of the common ones: `MONITOR_JWT_SECRET` (required, ≥ 32 bytes), `EVIDENCIAS_DIR`, `MONITOR_LOG_FILE`,
    /// `MONITOR_FRONTEND_URL`, and the cloud backup's `MONITOR_S3_ENDPOINT`, `_REGION`, `_BUCKET`, `_ACCESS_KEY_ID`,
    /// `_SECRET_ACCESS_KEY` (the original's `B2_*` names as fallbacks; ruling M14), reached through `cloudStore`, and
    /// `MONITOR_BACKUP_NIGHTLY` (on/off, default on), and the file storage (`STORAGE_BACKEND`: `local` under
    /// `EVIDENCIAS_DIR`, or `s3` through `fileStore`, issue 18).
    public init(settings: ModuleSettings, clock: any Clock = SystemClock(), cloudStore: CloudBackup.StoreFactory? = nil,
                fileStore: StorageSettings.Factory? = nil) throws {
        self.settings = settings
        let secret = try settings.environment.secret("JWT_SECRET", prefixedOnly: true)
        guard let zone = ZoneRules(identifier: settings.timeZone) else {
            throw ConfigurationError(variable: "APP_TIMEZONE", problem: "names an unknown time zone")
        }
        tokens = MonitorTokens(secret: secret, clock: clock)
        let cloud = try S3Settings.read(settings.environment).flatMap { s3 in
            cloudStore.map { CloudBackup(settings: s3, store: $0(s3)) }
        }
        let evidenceDirectory = settings.environment.string("EVIDENCIAS_DIR", default: settings.uploadRoot + "/evidencias")
        let storage = try StorageSettings.read(settings.environment)
            .storage(local: EvidenceStorage.local(root: evidenceDirectory), factory: fileStore)
        environment = MonitorEnvironment(
            zone: zone,
            evidenceDirectory: evidenceDirectory,
            bodyLimits: settings.bodyLimits, clock: clock, logFile: settings.logFile.map { ApplicationLogFile(path: $0) },
            frontendURL: settings.environment.string("FRONTEND_URL", default: MonitorEnvironment.defaultFrontendURL),
            cloud: cloud, backupJobs: BackupJobs(settings: settings.database),
            nightlyBackup: try Self.flag(settings.environment, "BACKUP_NIGHTLY", default: true),
            storage: storage)
    }

    /// An on/off setting: `on`, `off`, `true`, `false`, `1`, `0`.
    static func flag(_ environment: Environment, _ key: String, default fallback: Bool) throws -> Bool {
        switch environment.string(key)?.lowercased() {
        case nil: return fallback
        case "on", "true", "1": return true
        case "off", "false", "0": return false
        default: throw ConfigurationError(variable: environment.nameInUse(key), problem: "must be on or off")
        }
    }

    /// The routes, frozen. As in the original (Express parses JSON before routing), bodies are parsed before
    /// the route is looked up, so a malformed body is a 400 on any path.
    public func makeResponder() -> Responder<MonitorContext> {
        var router = Router<MonitorContext>()
        MonitorRoutes.register(in: &router)
        return router.freeze(middleware: [
            RequestIDMiddleware(),
            AccessLogMiddleware(),
            CORSMiddleware(allowOrigin: settings.corsAllowOrigin),
            BodyParsingMiddleware(limits: settings.bodyLimits),
        ], errors: MonitorErrorRenderer())
    }
}
