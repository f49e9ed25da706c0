import AppCore
import Egresos
import HTTPCore
import Logging
import MariaDB

/// `ventanilla token egresos --email E [--ttl S]` (ruling E2): a staff token for the local stack, signed RS256
/// with `AUTH0_PRIVATE_KEY_FILE` the way Auth0 would sign it, so the whole API can be exercised without Auth0.
public enum StaffTokenTask {
    /// Why no token was minted; `description` is the line the operator reads.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The command only exists for Egresos.
        case notAvailable(ModuleName)
        /// `--email` is not an e-mail address.
        case badEmail(String)
        /// `--ttl` is out of range.
        case badLifetime
        /// `AUTH0_PRIVATE_KEY_FILE` is unset.
        case noPrivateKey
        /// The private key cannot be read or used.
        case unusablePrivateKey(String)
        /// The private key does not match the configured public key(s).
        case keyMismatch(String)
        /// The database answers and has no active user with the e-mail.
        case unknownUser(String)

        /// The line the operator reads.
        public var description: String {
            switch self {
            case .notAvailable(let module): "tokens are minted for egresos only, not \(module.rawValue)"
            case .badEmail(let email): "\(email) is not an e-mail address"
            case .badLifetime: "--ttl must be between 60 and \(StaffTokenTask.maxLifetime) seconds"
            case .noPrivateKey: "AUTH0_PRIVATE_KEY_FILE (or EGRESOS_AUTH0_PRIVATE_KEY_FILE) is not set"
            case .unusablePrivateKey(let path): "AUTH0_PRIVATE_KEY_FILE (\(path)) is not a readable PEM RSA private key of at least 2048 bits"
            case .keyMismatch(let reason): "the minted token does not verify against the configured keys (\(reason)): AUTH0_PRIVATE_KEY_FILE must be the pair of AUTH0_PUBLIC_KEY_FILE"
            case .unknownUser(let email): "no active egresos user has the e-mail \(email) (create it first; only registered users can sign in)"
            }
        }
    }

    /// A minted token, and a warning for the operator when the user could not be checked.
    public struct Minted: Sendable {
        /// The signed token.
        public let token: String
        /// Its `sub`.
        public let subject: String
        /// Set when the database could not be reached (the token is minted anyway).
        public let warning: String?
    }

    /// The longest lifetime: 30 days.
    public static let maxLifetime = 30 * 24 * 3600

    /// Mints a token for `email` with the module's settings. When the database answers, the e-mail must be an
    /// active user's; the token then carries the user's linked `sub` if it has one (else `local|<email>`, linked
    /// on first use as §10.1 step 5 says).
    public static func mint(_ settings: ModuleSettings, email rawEmail: String, lifetime: Int = 3600,
                            clock: any Clock = SystemClock(), logger: Logger) throws -> Minted {
        guard settings.module == .egresos else { throw Failure.notAvailable(settings.module) }
        let email = rawEmail.trimmingWhitespace.lowercased()
        let at = email.split(separator: "@", omittingEmptySubsequences: false)
        guard at.count == 2, !at[0].isEmpty, at[1].contains("."), !email.contains(where: \.isWhitespace) else {
            throw Failure.badEmail(rawEmail)
        }
        guard (60...maxLifetime).contains(lifetime) else { throw Failure.badLifetime }
        let egresos = try EgresosSettings(environment: settings.environment, fileStore: CurlS3Client.storageFactory)
        guard let keyFile = egresos.privateKeyFile else { throw Failure.noPrivateKey }
        let signer: RS256Signer
        do {
            signer = try RS256Signer(pemFile: keyFile)
        } catch {
            throw Failure.unusablePrivateKey(keyFile)
        }

        var subject = "local|" + email
        var warning: String?
        MariaDBLibrary.initialize()
        let connection = MariaDBConnection(configuration: settings.database.mariaDBConfiguration, logger: logger)
        defer { connection.close() }
        var reachable = true
        do {
            try connection.connect()
        } catch {
            reachable = false
            warning = "the database is not reachable (\(error.message)): the e-mail was not checked"
        }
        if reachable {
            guard let user = try StaffDirectory.activeUser(email: email, on: connection) else { throw Failure.unknownUser(email) }
            if let linked = user.subject { subject = linked }
        }

        let now = clock.nowSeconds()
        let verifier = egresos.staffTokens
        let token = try signer.sign([
            ("iss", .string(verifier.issuer)), ("aud", .string(verifier.audiences[0])), ("sub", .string(subject)),
            ("email", .string(email)), ("email_verified", .bool(true)), ("iat", .integer(now)), ("exp", .integer(now + lifetime)),
        ])
        do {
            _ = try verifier.verify(token, now: now)
        } catch {
            throw Failure.keyMismatch("\(error)")
        }
        return Minted(token: token, subject: subject, warning: warning)
    }
}
