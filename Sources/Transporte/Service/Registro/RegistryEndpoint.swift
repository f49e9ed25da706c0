/// Where and how one external registry is called (ruling T15): its base URL (the key is appended as the last
/// path segment), an optional bearer token, the timeouts and the largest answer read.
public struct RegistryEndpoint: Sendable, Equatable {
    /// The connect timeout of T15.
    public static let connectTimeoutMilliseconds = 3_000
    /// The total timeout of T15 (a shorter one may be configured, for tests).
    public static let totalTimeoutMilliseconds = 10_000
    /// The largest answer read; a longer one is unusable (502). A registry record is a few hundred bytes.
    public static let maximumBytes = 65_536

    /// The base URL, `http://` or `https://`, without a trailing `/`.
    public let url: String
    /// Sent as `Authorization: Bearer <token>` when set (secret: never logged).
    public let token: String?
    /// Connect timeout, milliseconds.
    public let connectTimeoutMilliseconds: Int
    /// Whole-exchange timeout, milliseconds.
    public let totalTimeoutMilliseconds: Int
    /// The answer size cap, bytes.
    public let maximumBytes: Int

    /// An endpoint; the connect timeout never exceeds the total one.
    public init(url: String, token: String?, totalTimeoutMilliseconds: Int = RegistryEndpoint.totalTimeoutMilliseconds,
                maximumBytes: Int = RegistryEndpoint.maximumBytes) {
        var base = Substring(url)
        while base.hasSuffix("/") { base = base.dropLast() }
        self.url = String(base)
        self.token = token
        self.totalTimeoutMilliseconds = totalTimeoutMilliseconds
        connectTimeoutMilliseconds = min(Self.connectTimeoutMilliseconds, totalTimeoutMilliseconds)
        self.maximumBytes = maximumBytes
    }

    /// The URL of `key` (a plate or a DUI: letters, digits and `-`, nothing to escape).
    public func url(for key: String) -> String { url + "/" + key }
}
