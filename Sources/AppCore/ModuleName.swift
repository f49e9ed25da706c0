/// The three business modules the binary serves, with the defaults that differ between them.
public enum ModuleName: String, CaseIterable, Sendable {
    /// The body shop's claims API.
    case monitor
    /// The transport requests API.
    case transporte
    /// The expenses and income API.
    case egresos

    /// The configured time zone unless `APP_TIMEZONE` says otherwise (ruling 3).
    public var defaultTimeZone: String {
        switch self {
        case .monitor, .egresos: return "America/Mexico_City"
        case .transporte: return "America/El_Salvador"
        }
    }

    /// The largest body the module reads, in bytes (nginx allows slightly more so the module answers itself).
    public var defaultBodyLimit: Int {
        switch self {
        case .monitor: return 52 * 1024 * 1024   // 50 MB evidence files plus form fields
        case .transporte: return 1024 * 1024
        case .egresos: return 16 * 1024 * 1024   // two 5 MB files plus fields (egresos.md §11)
        }
    }

    /// The prefix that targets one module in a shared environment (`MONITOR_DB_NAME`).
    public var environmentPrefix: String { rawValue.uppercased() + "_" }
}
