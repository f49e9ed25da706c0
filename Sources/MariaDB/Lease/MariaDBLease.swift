internal import Glibc
internal import Logging

/// A named lock that replicates: a row of `ventanilla_lease` (primary key = the lock's name) saying who holds it
/// and until when, the expiry computed by the server (`UTC_TIMESTAMP(6)`), never by the client's clock.
///
/// `GET_LOCK` is node-local under Galera (two nodes would each grant it); this row is written in its own
/// committed transaction, so two claimants on two nodes conflict: one commits, the other fails certification
/// with 1213 (rerun by `TransactionRetry`, it then sees the row) or sees the row at once. The holder renews it
/// (`renew()`) while its work runs, releases it at the end (`release()`), and a holder that died leaves a row
/// another claimant takes over only after `expires_at`. The migrator, Monitor's backup job and Egresos' admin
/// bootstrap use it; the migrator creates the table (`createTableSQL(_:)`) in every database it migrates.
public struct MariaDBLease {
    /// The table's name.
    public static let tableName = "ventanilla_lease"
    /// The table (named `table`, possibly qualified), created by the migrator before it claims its own lease
    /// (the serving accounts may not create it).
    public static func createTableSQL(_ table: String = tableName) -> String {
        """
        CREATE TABLE IF NOT EXISTS \(table) (
            name VARCHAR(128) CHARACTER SET ascii NOT NULL PRIMARY KEY,
            holder VARCHAR(128) CHARACTER SET ascii NOT NULL,
            expires_at DATETIME(6) NOT NULL,
            claimed_at DATETIME(6) NOT NULL
        ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4
        """
    }

    /// The lock's name (the row's key).
    public let name: String
    /// Who holds it when this value does: host, process and 64 random bits, so two claimants never share one.
    public let holder: String
    /// How long a claim or renewal holds without being renewed.
    public let ttlSeconds: Int
    /// `ventanilla_lease`, or qualified with its database (the migrator's, which a `USE` must not misdirect).
    public let table: String
    private let connection: MariaDBConnection

    /// A lease named `name` over `connection`, held `ttlSeconds` per claim or renewal.
    public init(name: String, connection: MariaDBConnection, ttlSeconds: Int,
                table: String = Self.tableName, holder: String = Self.newHolder()) {
        self.name = name
        self.connection = connection
        self.ttlSeconds = ttlSeconds
        self.table = table
        self.holder = holder
    }

    /// A holder id unique to this claimant: `<host>:<pid>:<16 hex>`.
    public static func newHolder() -> String {
        var host = [CChar](repeating: 0, count: 256)
        _ = gethostname(&host, host.count - 1)
        let hostName = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let random = String(UInt64.random(in: .min ... .max), radix: 16)
        return "\(hostName.prefix(80)):\(getpid()):\(random)"
    }

    /// Claims the lease in its own committed transaction: true when this holder now holds it (it was free,
    /// expired, or already this holder's), false when someone else holds it unexpired.
    public func tryClaim() throws -> Bool {
        try connection.transaction {
            let current = try connection.queryFirst("""
                SELECT holder, expires_at <= UTC_TIMESTAMP(6) AS expired
                  FROM \(unsafeRaw: table) WHERE name = \(name) FOR UPDATE
                """)
            guard let current else {
                do {
                    try connection.execute("""
                        INSERT INTO \(unsafeRaw: table) (name, holder, expires_at, claimed_at)
                        VALUES (\(name), \(holder), UTC_TIMESTAMP(6) + INTERVAL \(ttlSeconds) SECOND, UTC_TIMESTAMP(6))
                        """)
                    return true
                } catch {
                    // Another claimant on this node inserted and committed since the read: it holds the lease.
                    guard (error as? MariaDBError)?.kind == .duplicateKey else { throw error }
                    return false
                }
            }
            guard try current.string("holder") == holder || current.int("expired") == 1 else { return false }
            try connection.execute("""
                UPDATE \(unsafeRaw: table)
                   SET holder = \(holder), expires_at = UTC_TIMESTAMP(6) + INTERVAL \(ttlSeconds) SECOND,
                       claimed_at = UTC_TIMESTAMP(6)
                 WHERE name = \(name)
                """)
            return true
        }
    }

    /// Claims the lease, trying again every `pollMilliseconds` for up to `seconds`: false when it stayed taken.
    public func claim(waitingUpTo seconds: Double, pollMilliseconds: Int = 250) throws -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(seconds)
        while true {
            if try tryClaim() { return true }
            if clock.now >= deadline { return false }
            usleep(useconds_t(pollMilliseconds * 1000))
        }
    }

    /// Extends the lease by `ttlSeconds` from now: false when this holder no longer holds it (it expired and
    /// someone took it over, or it was released), so the caller must stop what the lease protects.
    public func renew() throws -> Bool {
        try connection.transaction {
            try connection.execute("""
                UPDATE \(unsafeRaw: table) SET expires_at = UTC_TIMESTAMP(6) + INTERVAL \(ttlSeconds) SECOND
                 WHERE name = \(name) AND holder = \(holder)
                """).affectedRows == 1
        }
    }

    /// Releases the lease if this holder still holds it; a failure is only logged (the lease then expires).
    public func release() {
        do {
            _ = try connection.transaction {
                try connection.execute("DELETE FROM \(unsafeRaw: table) WHERE name = \(name) AND holder = \(holder)")
            }
        } catch {
            connection.logger.warning("could not release the lease '\(name)'; it expires by itself",
                                      metadata: ["error": "\(String(reflecting: error))"])
        }
    }

    /// Whether anyone holds the lease unexpired, as SQL over the connection's database (for a status read).
    public static func heldSQL(_ name: String) -> String {
        "EXISTS (SELECT 1 FROM \(tableName) WHERE name = '\(name)' AND expires_at > UTC_TIMESTAMP(6))"
    }
}
