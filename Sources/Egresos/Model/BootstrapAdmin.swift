import AppCore

/// The admin created at start-up when the database has no active admin (egresos.md §4 "Bootstrap", §14):
/// `BOOTSTRAP_ADMIN_EMAIL` and `BOOTSTRAP_ADMIN_NAME`, held to #2's rules for `email` and `name` so that the
/// row is one the API itself could have written.
public struct BootstrapAdmin: Sendable, Equatable {
    /// The e-mail (trimmed): a valid address of an allowed domain, at most 255 characters.
    public let email: String
    /// The display name (trimmed, 1–120 characters; default `Administrador`).
    public let name: String
    /// The job title of the created row.
    public let jobTitle: String

    /// The name when `BOOTSTRAP_ADMIN_NAME` is unset.
    static let defaultName = "Administrador"
    /// The job title of a bootstrap admin (not configurable: an admin edits it with #3).
    static let defaultJobTitle = "Administrador del sistema"

    /// Reads the variables; nil when `BOOTSTRAP_ADMIN_EMAIL` is unset. An unusable value is a
    /// `ConfigurationError` naming the variable, so the process refuses to start with a one-line message.
    init?(environment env: Environment, allowedDomains: [String]) throws {
        guard let raw = env.string("BOOTSTRAP_ADMIN_EMAIL") else { return nil }
        let email = raw.trimmingWhitespace
        let emailVariable = env.nameInUse("BOOTSTRAP_ADMIN_EMAIL")
        guard TextPatterns.email(email) else {
            throw ConfigurationError(variable: emailVariable, problem: "is not a valid e-mail address")
        }
        guard email.unicodeScalars.count <= 255 else {
            throw ConfigurationError(variable: emailVariable, problem: "is longer than 255 characters")
        }
        guard TextPatterns.element(email, domains: allowedDomains) else {
            throw ConfigurationError(variable: emailVariable, problem:
                "must be an address of ALLOWED_EMAIL_DOMAINS (\(allowedDomains.joined(separator: ", ")))")
        }
        let name = env.string("BOOTSTRAP_ADMIN_NAME", default: Self.defaultName).trimmingWhitespace
        guard (1...120).contains(name.unicodeScalars.count) else {
            throw ConfigurationError(variable: env.nameInUse("BOOTSTRAP_ADMIN_NAME"), problem: "must be 1 to 120 characters long")
        }
        self.init(email: email, name: name)
    }

    /// An admin with `email` and `name` as given.
    init(email: String, name: String, jobTitle: String = Self.defaultJobTitle) {
        self.email = email
        self.name = name
        self.jobTitle = jobTitle
    }
}
