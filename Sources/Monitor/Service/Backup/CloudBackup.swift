import AppCore

/// The configured cloud target of the backup (ruling M14): the store and what presigning needs. Absent when no
/// `MONITOR_S3_*` (or `B2_*`) setting is given; the backup actions then answer 503.
public struct CloudBackup: Sendable {
    /// How a store is made for the settings (App passes its libcurl client).
    public typealias StoreFactory = @Sendable (S3Settings) -> any CloudObjectStore

    /// The settings.
    public let settings: S3Settings
    /// The store.
    public let store: any CloudObjectStore

    /// Seconds a presigned `url_nube` stays valid (monitor.md §4.6: 900).
    static let presignedSeconds = 900
    /// The prefix of every object key; a `ruta` with it names a cloud object (§4.6, §6.1).
    static let keyPrefix = "evidencias/"

    /// A target over `store`.
    public init(settings: S3Settings, store: any CloudObjectStore) {
        self.settings = settings
        self.store = store
    }

    /// A presigned GET URL of `key`, valid `presignedSeconds` from `instant` (Unix milliseconds).
    func presignedURL(_ key: String, at instant: Int64) -> String {
        S3Presigner(settings: settings).presignedGET(key, at: instant, expires: Self.presignedSeconds)
    }

    /// The object key of a local `ruta` (`/evidencias/<folder>/<file>` → `evidencias/<folder>/<file>`): the key is the
    /// file's path under the evidence directory, so the row that names the file is found by its stored file.
    static func key(forRuta ruta: String) -> String {
        String(ruta.dropFirst())
    }

    /// The answer of a backup action when no cloud target is configured.
    static let notConfigured = MonitorError(status: 503, "Respaldo en la nube no configurado")
}
