/// How a module delivers its outbox by SMTP, read from its environment (README, "Configuration"; `<MODULE>_KEY`
/// overrides `KEY`). Without `SMTP_HOST` mail delivery is not configured: messages stay pending in the outbox.
public struct MailSettings: Sendable, Equatable, CustomStringConvertible, CustomReflectable {
    /// The largest backoff between two attempts, in seconds (unless the base alone is larger).
    public static let maxRetryDelaySeconds = 3_600

    /// The SMTP server (`SMTP_HOST`); nil when delivery is not configured.
    public var host: String?
    /// The SMTP port (`SMTP_PORT`, 587); 465 means implicit TLS.
    public var port: Int
    /// STARTTLS policy (`SMTP_STARTTLS`: required, opportunistic, off). Unset, it is `required` when the server
    /// wants a password (`SMTP_USERNAME` set: the credentials never cross the network in the clear unless
    /// `SMTP_STARTTLS=off` says so) and `opportunistic` otherwise.
    public var security: MailTransportSecurity
    /// The SMTP AUTH user (`SMTP_USERNAME`), if the server wants one.
    public var username: String?
    /// The SMTP AUTH password (`SMTP_PASSWORD`): a secret, never logged nor described.
    public var password: String?
    /// The sender (`MAIL_FROM`), required when `host` is set.
    public var from: MailMailbox?
    /// Connect and stall timeout of one delivery, in seconds (`SMTP_TIMEOUT_SECONDS`, 10); one whole delivery
    /// is cut off at six times this.
    public var timeoutSeconds: Int
    /// Attempts before a message is marked `failed` (`MAIL_MAX_ATTEMPTS`, 8).
    public var maxAttempts: Int
    /// The first retry delay in seconds (`MAIL_RETRY_BASE_SECONDS`, 30); it doubles per attempt up to one hour.
    public var retryBaseSeconds: Int

    /// Settings from their parts (tests, tools).
    public init(host: String?, port: Int = 587, security: MailTransportSecurity = .opportunistic,
                username: String? = nil, password: String? = nil, from: MailMailbox?, timeoutSeconds: Int = 10,
                maxAttempts: Int = 8, retryBaseSeconds: Int = 30) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.from = from
        self.timeoutSeconds = timeoutSeconds
        self.maxAttempts = maxAttempts
        self.retryBaseSeconds = retryBaseSeconds
    }

    /// Reads the mail settings of a module; throws `ConfigurationError` naming the variable at fault.
    public init(environment env: Environment) throws {
        host = env.string("SMTP_HOST")
        if let host, !Self.isPlausibleHost(host) {
            throw ConfigurationError(variable: "SMTP_HOST", problem: "must be a host name or IP address")
        }
        port = try env.int("SMTP_PORT", default: 587, range: 1...65535)
        username = env.string("SMTP_USERNAME")
        let fallback: MailTransportSecurity = username == nil ? .opportunistic : .required
        let security = env.string("SMTP_STARTTLS", default: fallback.rawValue)
        guard let parsed = MailTransportSecurity(rawValue: security.lowercased()) else {
            throw ConfigurationError(variable: "SMTP_STARTTLS", problem: "must be one of required, opportunistic, off")
        }
        self.security = parsed
        password = env.string("SMTP_PASSWORD")
        if password != nil && username == nil {
            throw ConfigurationError(variable: "SMTP_USERNAME", problem: "is required when SMTP_PASSWORD is set")
        }
        if let text = env.string("MAIL_FROM") {
            guard let mailbox = MailMailbox(parsing: text) else {
                throw ConfigurationError(variable: "MAIL_FROM", problem: "must be an address or \"Name <address>\"")
            }
            from = mailbox
        } else {
            from = nil
            if host != nil {
                throw ConfigurationError(variable: "MAIL_FROM", problem: "is required when SMTP_HOST is set")
            }
        }
        timeoutSeconds = try env.int("SMTP_TIMEOUT_SECONDS", default: 10, range: 1...300)
        maxAttempts = try env.int("MAIL_MAX_ATTEMPTS", default: 8, range: 1...100)
        retryBaseSeconds = try env.int("MAIL_RETRY_BASE_SECONDS", default: 30, range: 0...86_400)
    }

    /// Whether mail can be delivered at all (Egresos answers 424 `4241` when not).
    public var isConfigured: Bool { host != nil && from != nil }

    /// The delay before the next attempt after `attempts` failed ones: base × 2^(attempts−1), at most one hour.
    public func retryDelaySeconds(afterAttempts attempts: Int) -> Int {
        let cap = max(Self.maxRetryDelaySeconds, retryBaseSeconds)
        guard retryBaseSeconds > 0 else { return 0 }
        let exponent = min(max(attempts, 1) - 1, 20)
        return min(retryBaseSeconds << exponent, cap)
    }

    /// Where mail goes, without the password.
    public var description: String {
        guard let host else { return "smtp: not configured" }
        let user = username.map { " user \($0)" } ?? ""
        return "smtp://\(host):\(port) starttls=\(security.rawValue)\(user) from \(from?.description ?? "-")"
    }

    /// A mirror without the password, so `dump` and debuggers cannot leak it either.
    public var customMirror: Mirror {
        Mirror(self, children: ["host": host as Any, "port": port, "security": security, "username": username as Any,
                                "from": from as Any, "timeoutSeconds": timeoutSeconds, "maxAttempts": maxAttempts,
                                "retryBaseSeconds": retryBaseSeconds])
    }

    /// A host name, IPv4 address or bracketed IPv6 address: no spaces, slashes, `@` or controls.
    private static func isPlausibleHost(_ host: String) -> Bool {
        !host.isEmpty && host.utf8.count <= 253 && host.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ".-:[]_".unicodeScalars.contains(scalar))
        }
    }
}
