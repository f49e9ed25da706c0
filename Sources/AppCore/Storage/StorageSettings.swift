/// Where a module keeps its stored files (issue 18): `STORAGE_BACKEND` = `local` (default: the module's own
/// directories, today's behaviour) or `s3`, with `STORAGE_S3_ENDPOINT`, `_REGION`, `_BUCKET`, `_ACCESS_KEY_ID` and
/// `_SECRET_ACCESS_KEY` (all read through the module's `Environment`, so `MONITOR_STORAGE_…` wins).
public enum StorageSettings: Sendable, Equatable {
    /// Files on this host's disk.
    case local
    /// Files in an S3-compatible bucket.
    case s3(S3Settings)

    /// How App makes the S3 implementation for the settings (libcurl, shared with Monitor's backup client).
    public typealias Factory = @Sendable (S3Settings) -> any FileStorage

    /// The settings in `environment`; a configuration error for another backend, or an incomplete `s3` set.
    public static func read(_ environment: Environment) throws -> StorageSettings {
        switch environment.string("STORAGE_BACKEND")?.lowercased() {
        case nil, "local": return .local
        case "s3":
            guard let s3 = try S3Settings.read(environment, prefix: "STORAGE_S3_", fallback: nil) else {
                throw ConfigurationError(variable: environment.nameInUse("STORAGE_S3_ENDPOINT"),
                                         problem: "is required when STORAGE_BACKEND is s3")
            }
            return .s3(s3)
        default:
            throw ConfigurationError(variable: environment.nameInUse("STORAGE_BACKEND"), problem: "must be local or s3")
        }
    }

    /// The module's storage: `local` (the module's own `LocalFileStorage`); `s3` through `factory` (a
    /// configuration error when the caller has none).
    public func storage(local: @autoclosure () -> any FileStorage, factory: Factory?) throws -> any FileStorage {
        switch self {
        case .local:
            return local()
        case .s3(let settings):
            guard let factory else {
                throw ConfigurationError(variable: "STORAGE_BACKEND", problem: "s3 is not available in this command")
            }
            return factory(settings)
        }
    }
}
