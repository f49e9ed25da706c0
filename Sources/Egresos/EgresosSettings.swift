import AppCore

/// Egresos' own settings (egresos.md §10, §14), read once at start-up on top of the common ones. A missing or
/// unusable value is a `ConfigurationError` that names the variable (never a secret's value).
public struct EgresosSettings: Sendable {
    /// Staff token verification: the keys of `AUTH0_JWKS_FILE` and/or `AUTH0_PUBLIC_KEY_FILE`, `AUTH0_ISSUER`,
    /// `AUTH0_AUDIENCES` (both required, ruling E4) and `JWT_LEEWAY_SECONDS` (default 60).
    public let staffTokens: RS256Verifier
    /// The claim holding the staff e-mail (`AUTH0_EMAIL_CLAIM`, default `email`; `email` is read when it is absent).
    public let emailClaim: String
    /// `SUPPLIER_JWT_SECRET` (required, at least 32 bytes): the HS256 secret of supplier sessions.
    let supplierSecret: String
    /// `SUPPLIER_SESSION_TTL_SECONDS` (default 3600).
    public let supplierSessionSeconds: Int
    /// `ALLOWED_EMAIL_DOMAINS` (default `element.com.mx`), lower-cased: the domains `regex:element` accepts.
    public let allowedEmailDomains: [String]
    /// `APP_TIMEZONE` (default `America/Mexico_City`, ruling 3): "today" for date defaults (EXT-7's `paid_at`).
    public let zone: ZoneRules
    /// `AUTH0_PRIVATE_KEY_FILE` (optional): the local stack's signing key, read only by `ventanilla token egresos`.
    public let privateKeyFile: String?
    /// `DEFAULT_PROFILE_PICTURE_URL`: UserFull's `picture` when the user has none (§5 item 1).
    public let defaultProfilePicture: String
    /// `FILES_ROOT` (default `UPLOAD_DIR + "/files"`): where uploaded files are kept (§11), served by nginx
    /// read-only at `/files/`.
    public let filesRoot: String
    /// `FILES_BASE_URL` (default `http://127.0.0.1:8082/files`, the local stack's address), without a trailing
    /// slash: stored files are rendered as `FILES_BASE_URL + "/" + relative path` (§11).
    public let filesBaseURL: String
    /// The stored files (`STORAGE_BACKEND`, issue 18): keys `files/<path>`, under `filesRoot` or in a bucket.
    public let storage: any FileStorage
    /// The supplier portal's base URL (`SUPPLIER_PORTAL_URL`), without a trailing `/`; password links are
    /// `<it>/password?token=<token>` (§12).
    public let supplierPortalURL: String
    /// The lifetime of a password token (`PASSWORD_TOKEN_TTL_HOURS`, 72; §10.3).
    public let passwordTokenHours: Int
    /// Whether mail delivery is configured at all (`SMTP_HOST` set, `AppCore` `MailSettings`); #28 answers
    /// 424 `4241` without it.
    public let mailConfigured: Bool
    /// `BOOTSTRAP_ADMIN_EMAIL` and `BOOTSTRAP_ADMIN_NAME` (§4 "Bootstrap"): the admin created at start-up when
    /// there is no active one; nil when the e-mail is unset.
    public let bootstrapAdmin: BootstrapAdmin?
    /// `PROFITABILITY_SUCCESS_MIN` (default 30, ruling E9): the percentage from which a profitability is "success"
    /// (§6 `label`).
    public let profitabilitySuccessMin: Int
    /// `MAIL_NOTIFICATIONS` (`on`/`off`, default `on`, ruling E9): whether each notification of §7.4 is also
    /// queued as mail (only when mail is configured at all).
    public let mailNotifications: Bool

    /// Reads the settings from the module's environment.
    /// `fileStore` makes the `s3` storage (App passes its libcurl client); without it `STORAGE_BACKEND=s3` is refused.
    public init(environment env: Environment, fileStore: StorageSettings.Factory? = nil) throws {
        let issuer = try env.required("AUTH0_ISSUER")
        let audiences = env.list("AUTH0_AUDIENCES")
        guard !audiences.isEmpty else { throw ConfigurationError(variable: "AUTH0_AUDIENCES", problem: "is required") }
        let jwksFile = env.string("AUTH0_JWKS_FILE")
        let pemFile = env.string("AUTH0_PUBLIC_KEY_FILE")
        guard jwksFile != nil || pemFile != nil else {
            throw ConfigurationError(variable: "AUTH0_JWKS_FILE", problem: "or AUTH0_PUBLIC_KEY_FILE is required")
        }
        let keySet: RS256KeySet
        do {
            keySet = try RS256KeySet.load(jwksFile: jwksFile, pemFile: pemFile)
        } catch {
            // Name the file at fault: the JWKS one is read first.
            let variable = jwksFile != nil && (try? RS256KeySet.load(jwksFile: jwksFile, pemFile: nil)) == nil
                ? "AUTH0_JWKS_FILE" : "AUTH0_PUBLIC_KEY_FILE"
            throw ConfigurationError(variable: variable, problem: error.description)
        }
        let leeway = try env.int("JWT_LEEWAY_SECONDS", default: 60, range: 0...3600)
        staffTokens = RS256Verifier(keys: keySet, issuer: issuer, audiences: audiences, leeway: leeway)
        emailClaim = env.string("AUTH0_EMAIL_CLAIM", default: "email")
        supplierSecret = try env.secret("SUPPLIER_JWT_SECRET", prefixedOnly: false)
        supplierSessionSeconds = try env.int("SUPPLIER_SESSION_TTL_SECONDS", default: 3600, range: 60...(30 * 24 * 3600))
        let domains = env.list("ALLOWED_EMAIL_DOMAINS").map { $0.lowercased() }
        allowedEmailDomains = domains.isEmpty ? ["element.com.mx"] : domains
        guard let zone = ZoneRules(identifier: env.string("APP_TIMEZONE", default: ModuleName.egresos.defaultTimeZone)) else {
            throw ConfigurationError(variable: "APP_TIMEZONE", problem: "names an unknown time zone")
        }
        self.zone = zone
        privateKeyFile = env.string("AUTH0_PRIVATE_KEY_FILE")
        defaultProfilePicture = env.string("DEFAULT_PROFILE_PICTURE_URL",
                                           default: "http://payment-docs.element.mx/images/default_profile.jpg")
        let uploads = env.string("UPLOAD_DIR", default: "/var/lib/ventanilla/egresos/uploads")
        filesRoot = env.string("FILES_ROOT", default: uploads + "/files")
        var base = env.string("FILES_BASE_URL", default: "http://127.0.0.1:8082/files")
        while base.hasSuffix("/") { base.removeLast() }
        guard base.hasPrefix("http://") || base.hasPrefix("https://") else {
            throw ConfigurationError(variable: "FILES_BASE_URL", problem: "must be an absolute http(s) URL")
        }
        filesBaseURL = base
        let root = filesRoot
        storage = try StorageSettings.read(env).storage(local: LocalFileStorage(prefix: FileStore.keyPrefix, root: root),
                                                        factory: fileStore)
        var portal = env.string("SUPPLIER_PORTAL_URL", default: "http://127.0.0.1:8082/portal")
        while portal.hasSuffix("/") { portal.removeLast() }
        guard portal.hasPrefix("http://") || portal.hasPrefix("https://") else {
            throw ConfigurationError(variable: "SUPPLIER_PORTAL_URL", problem: "must be an absolute http(s) URL")
        }
        supplierPortalURL = portal
        passwordTokenHours = try env.int("PASSWORD_TOKEN_TTL_HOURS", default: 72, range: 1...(24 * 365))
        mailConfigured = try MailSettings(environment: env).host != nil
        bootstrapAdmin = try BootstrapAdmin(environment: env, allowedDomains: allowedEmailDomains)
        profitabilitySuccessMin = try env.int("PROFITABILITY_SUCCESS_MIN", default: 30, range: 1...1000)
        switch env.string("MAIL_NOTIFICATIONS", default: "on").lowercased() {
        case "on": mailNotifications = mailConfigured
        case "off": mailNotifications = false
        default: throw ConfigurationError(variable: "MAIL_NOTIFICATIONS", problem: "must be on or off")
        }
    }
}
