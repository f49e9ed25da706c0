/// Where and how a module reaches its S3-compatible object store (ruling M14): path-style URLs
/// `<endpoint>/<bucket>/<key>`, signed with AWS SigV4 for `region`.
public struct S3Settings: Sendable, Equatable {
    /// The endpoint's base URL, `http://` or `https://`, without a trailing slash (`https://s3.us-west-004.backblazeb2.com`).
    public let endpoint: String
    /// The SigV4 region (`us-east-1` when unset).
    public let region: String
    /// The bucket.
    public let bucket: String
    /// The access key id.
    public let accessKeyID: String
    /// The secret access key.
    public let secretAccessKey: String

    /// Seconds to connect (monitor.md §6.1: 10 s).
    public static let connectTimeoutSeconds = 10
    /// Seconds for a whole request (30 s).
    public static let requestTimeoutSeconds = 30
    /// Attempts per request before giving up (3).
    public static let attempts = 3
    /// The region signed for when none is configured.
    public static let defaultRegion = "us-east-1"

    /// Settings from their parts; `endpoint` loses any trailing `/`.
    public init(endpoint: String, region: String, bucket: String, accessKeyID: String, secretAccessKey: String) {
        var base = Substring(endpoint)
        while base.hasSuffix("/") { base = base.dropLast() }
        self.endpoint = String(base)
        self.region = region
        self.bucket = bucket
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
    }

    /// The names read, in order: `<MODULE>_S3_<NAME>`, `S3_<NAME>`, then the original's `B2_<NAME>`.
    public static let names = ["ENDPOINT", "REGION", "BUCKET", "ACCESS_KEY_ID", "SECRET_ACCESS_KEY"]

    /// The cloud backup's settings in `environment` (`S3_<NAME>`, then `B2_<NAME>`): nil when none of endpoint,
    /// bucket and keys is set (cloud backup off); a configuration error when some are and others are not, or when
    /// the endpoint is not an http(s) URL.
    public static func read(_ environment: Environment) throws -> S3Settings? {
        try read(environment, prefix: "S3_", fallback: "B2_")
    }

    /// The settings named `<prefix><NAME>` (then `<fallback><NAME>`) in `environment`, with the rules of `read(_:)`.
    public static func read(_ environment: Environment, prefix: String, fallback: String?) throws -> S3Settings? {
        func value(_ name: String) -> String? {
            environment.string(prefix + name) ?? fallback.flatMap { environment.string($0 + name) }
        }
        let required = ["ENDPOINT", "BUCKET", "ACCESS_KEY_ID", "SECRET_ACCESS_KEY"]
        let present = required.filter { value($0) != nil }
        guard !present.isEmpty else { return nil }
        if let missing = required.first(where: { value($0) == nil }) {
            throw ConfigurationError(variable: environment.nameInUse(prefix + missing),
                                     problem: "is required when \(prefix == "S3_" ? "cloud backup" : prefix + "*") is configured (\(present.map { prefix + $0 }.joined(separator: ", ")) set)")
        }
        let endpoint = value("ENDPOINT") ?? ""
        guard endpoint.hasPrefix("http://") || endpoint.hasPrefix("https://") else {
            throw ConfigurationError(variable: environment.nameInUse(prefix + "ENDPOINT"), problem: "must be an http:// or https:// URL")
        }
        return S3Settings(endpoint: endpoint, region: value("REGION") ?? defaultRegion, bucket: value("BUCKET") ?? "",
                          accessKeyID: value("ACCESS_KEY_ID") ?? "", secretAccessKey: value("SECRET_ACCESS_KEY") ?? "")
    }

    /// The path-style URL of `key`: `<endpoint>/<bucket>/<key>`, each key segment percent-encoded as SigV4 wants.
    public func objectURL(_ key: String) -> String {
        endpoint + objectPath(key)
    }

    /// `/<bucket>/<key>` percent-encoded (the canonical URI of SigV4: unreserved characters and `/` kept).
    public func objectPath(_ key: String) -> String {
        "/" + S3Presigner.encode(bucket, keepSlash: false) + "/" + S3Presigner.encode(key, keepSlash: true)
    }

    /// The `host[:port]` of the endpoint, as sent in the `Host` header.
    public var hostHeader: String {
        let rest = endpoint.drop(while: { $0 != ":" }).dropFirst(3)
        return String(rest.prefix(while: { $0 != "/" }))
    }
}
