import MariaDB

/// The bootstrap admin's storage over a start-up connection (egresos.md §4 "Bootstrap").
struct MariaDBAdminBootstrapRepository: AdminBootstrapRepository {
    let connection: MariaDBConnection
    /// How long a starting process waits for another one's bootstrap.
    var lockSeconds = 30

    /// The bootstrap's lease (`MariaDBLease`, a row of the database's `ventanilla_lease` that replicates, so
    /// processes starting at once against different Galera nodes still create one admin). It is released at the
    /// end; a process that dies holding it frees it `leaseSeconds` later.
    static let leaseName = "egresos.bootstrap_admin"
    /// How long the lease holds: a bootstrap is a few statements.
    static let leaseSeconds = 60

    func exclusively<T>(_ body: () throws -> T) throws -> T {
        let lease = MariaDBLease(name: Self.leaseName, connection: connection, ttlSeconds: Self.leaseSeconds)
        guard try lease.claim(waitingUpTo: Double(lockSeconds)) else { throw BootstrapLockTimeout(seconds: lockSeconds) }
        defer { lease.release() }
        return try body()
    }

    func hasActiveAdmin() throws -> Bool {
        try connection.queryFirst("SELECT 1 AS found FROM users WHERE role = 'admin' AND deleted_at IS NULL LIMIT 1") != nil
    }

    func activeUser(email: String) throws -> UserRecord? {
        try connection.queryFirst(SQLQuery(unsafeSQL: MariaDBUserRepository.columns + " WHERE email_active = ?",
                                           binds: [.text(email)])).map(MariaDBUserRepository.record)
    }

    func promoteToAdmin(id: Int) throws {
        _ = try connection.execute("UPDATE users SET role = 'admin' WHERE id = \(id) AND deleted_at IS NULL")
    }

    func create(_ user: NewUser) throws -> Int {
        try MariaDBUserRepository(connection: connection).create(user)
    }
}

/// Another process held the bootstrap lock for longer than a start-up should take.
struct BootstrapLockTimeout: Error, CustomStringConvertible {
    let seconds: Int
    var description: String { "bootstrap admin: another process held the bootstrap lock for more than \(seconds) s" }
}
