import AppCore
import HTTPCore

/// Monitor's settings as handlers need them; built once from the environment.
public struct MonitorEnvironment: Sendable {
    /// The module's time zone (America/Mexico_City by default): "today" and local dates.
    public let zone: ZoneRules
    /// Where evidence files live on disk with the `local` storage (nginx serves it read-only at `/evidencias/`, ruling M7).
    public let evidenceDirectory: String
    /// The stored files (`STORAGE_BACKEND`): evidence and forms under `evidencias/`, on disk or in a bucket.
    public let storage: any FileStorage
    /// Body limits (multipart files stream to `bodyLimits.uploadDirectory`).
    public let bodyLimits: BodyLimits
    /// The clock.
    public let clock: any Clock
    /// The application log file (`MONITOR_LOG_FILE`, ruling M15) that `/api/logs` reads; nil when unset.
    public let logFile: ApplicationLogFile?
    /// The uptime log (`uptime.log` beside the application log) that each status-check run appends to; nil
    /// without an application log file.
    public let uptimeLog: ApplicationLogFile?
    /// The web front the `Frontend` check connects to (`MONITOR_FRONTEND_URL`).
    public let frontend: (host: String, port: Int)
    /// The latest status-check results of this process (§4.13, §8.2).
    public let statusChecks: StatusCheckStore
    /// The cloud backup's target (ruling M14); nil when not configured (the backup actions answer 503).
    public let cloud: CloudBackup?
    /// Starts the bulk backup job under its database lock; nil when there is no cloud target.
    public let backupJobs: BackupJobs?
    /// Whether this process looks for the nightly run (`MONITOR_BACKUP_NIGHTLY`, default on; the test stacks turn
    /// it off so a test run at 02:00 Mexico City time is not joined by a real backup).
    public let nightlyBackup: Bool

    /// Settings from their parts. `frontendURL` is an `http://` or `https://` URL with a numeric IPv4 host or
    /// `localhost`.
    public init(zone: ZoneRules, evidenceDirectory: String, bodyLimits: BodyLimits, clock: any Clock = SystemClock(),
                logFile: ApplicationLogFile? = nil, frontendURL: String = MonitorEnvironment.defaultFrontendURL,
                cloud: CloudBackup? = nil, backupJobs: BackupJobs? = nil, nightlyBackup: Bool = true,
                storage: (any FileStorage)? = nil) {
        self.zone = zone
        self.evidenceDirectory = evidenceDirectory
        self.storage = storage ?? EvidenceStorage.local(root: evidenceDirectory)
        self.bodyLimits = bodyLimits
        self.clock = clock
        self.logFile = logFile
        uptimeLog = logFile.map { file in
            let directory = file.path.lastIndex(of: "/").map { String(file.path[..<$0]) } ?? "."
            return ApplicationLogFile(path: directory + "/uptime.log")
        }
        frontend = Self.address(of: frontendURL)
        statusChecks = StatusCheckStore()
        self.cloud = cloud
        self.backupJobs = cloud == nil ? nil : backupJobs
        self.nightlyBackup = nightlyBackup
    }

    /// The evidence files as the services use them.
    var evidenceStorage: EvidenceStorage { EvidenceStorage(files: storage) }

    /// nginx's Monitor site in the local stack (ruling 6).
    public static let defaultFrontendURL = "http://127.0.0.1:8080/"

    /// The directory under which uploads are kept (the parent of `bodyLimits.uploadDirectory`, `UPLOAD_DIR`).
    var uploadRoot: String {
        let incoming = bodyLimits.uploadDirectory
        return incoming.hasSuffix("/.incoming") ? String(incoming.dropLast("/.incoming".count)) : incoming
    }

    /// The host and port of `url` (`localhost` as 127.0.0.1; port 80 or 443 by scheme when absent).
    static func address(of url: String) -> (host: String, port: Int) {
        let secure = url.hasPrefix("https://")
        let pieces = url.split(separator: "/")
        let authority = (pieces.first?.hasSuffix(":") ?? false) ? (pieces.dropFirst().first ?? "") : (pieces.first ?? "")
        let parts = authority.split(separator: ":", maxSplits: 1)
        let host = parts.first.map(String.init) ?? ""
        let port = parts.count > 1 ? Int(parts[1]) ?? 0 : (secure ? 443 : 80)
        return (host == "localhost" ? "127.0.0.1" : host, port)
    }
}
