import MariaDB

/// The bootstrap admin's storage over a start-up connection (egresos.md §4 "Bootstrap").
struct MariaDBAdminBootstrapRepository: AdminBootstrapRepository {
    let connection: MariaDBConnection
    /// How long a starting process waits for another one's bootstrap.
    var lockSeconds = 30

    /// A named lock per database (`GET_LOCK` is server-wide, so the name carries the database; hashed to stay
    /// under the 64-character limit of lock names). It is the connection's: closing it releases the lock too.
    static let lockName: SQLQuery = "CONCAT('ventanilla_bootstrap_admin_', MD5(DATABASE()))"

    func exclusively<T>(_ body: () throws -> T) throws -> T {
        let got = try connection.queryFirst("SELECT GET_LOCK(\(fragment: Self.lockName), \(lockSeconds)) AS got")
        guard try got?.optionalInt("got") == 1 else { throw BootstrapLockTimeout(seconds: lockSeconds) }
        defer { _ = try? connection.query("SELECT RELEASE_LOCK(\(fragment: Self.lockName)) AS released") }
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
