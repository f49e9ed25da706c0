import MariaDB

/// Users and suppliers for authentication, over the worker's connection (tables `users`, `suppliers`, §4).
struct MariaDBAuthRepository: AuthRepository {
    let connection: MariaDBConnection

    /// The whole row (every staff request reads it here, and the profile endpoint answers with it).
    func activeUser(subject: String) throws -> StaffUser? {
        try connection.queryFirst(SQLQuery(unsafeSQL: Self.activeUserSQL, binds: [.text(subject)]))
            .map { StaffUser(try MariaDBUserRepository.record($0)) }
    }

    /// The live unique key `user_id_active` (the `sub` exactly while the row is not deleted) makes this a `const`
    /// read, which MariaDB answers while it plans the statement: about half the server CPU of `user_id = ? AND
    /// deleted_at IS NULL ORDER BY id LIMIT 1` over `ix_users_user_id` (issue 16), with the same row or none.
    static let activeUserSQL = MariaDBUserRepository.columns + " WHERE user_id_active = ?"

    func activeUnlinkedUser(email: String) throws -> StaffUser? {
        try StaffDirectory.user(SQLQuery(unsafeSQL: StaffDirectory.select
                                            + " WHERE user_id IS NULL AND deleted_at IS NULL AND LOWER(email) = LOWER(?) ORDER BY id LIMIT 1",
                                         binds: [.text(email)]), on: connection)
    }

    func link(userID id: Int, subject: String) throws -> Bool {
        let result = try connection.execute("""
            UPDATE users SET user_id = \(subject)
             WHERE id = \(id) AND user_id IS NULL AND deleted_at IS NULL
            """)
        return result.affectedRows == 1
    }

    func supplier(email: String) throws -> SupplierAccount? {
        guard let row = try connection.queryFirst("""
            SELECT id, email, password_changed_at FROM suppliers WHERE email = \(email) ORDER BY id LIMIT 1
            """) else { return nil }
        return SupplierAccount(id: try row.int("id"), email: try row.string("email"),
                               passwordChangedAt: try row.optionalDateTime("password_changed_at")?.unixTime)
    }
}

/// Reading staff users; public for the command line (`ventanilla token egresos`).
public enum StaffDirectory {
    static let select = "SELECT id, user_id, email, name, role FROM users"

    /// The active (not deleted) user with e-mail `email` (case-insensitive), linked or not.
    public static func activeUser(email: String, on connection: MariaDBConnection) throws -> StaffUser? {
        try user(SQLQuery(unsafeSQL: select + " WHERE deleted_at IS NULL AND LOWER(email) = LOWER(?) ORDER BY id LIMIT 1",
                          binds: [.text(email)]), on: connection)
    }

    static func user(_ query: SQLQuery, on connection: MariaDBConnection) throws -> StaffUser? {
        guard let row = try connection.queryFirst(query) else { return nil }
        return StaffUser(id: try row.int("id"), subject: try row.optionalString("user_id"), email: try row.string("email"),
                         name: try row.string("name"), role: try row.string("role"))
    }
}

extension EgresosPersistence {
    /// Users and suppliers for authentication.
    var auth: any AuthRepository { MariaDBAuthRepository(connection: connection) }
}
