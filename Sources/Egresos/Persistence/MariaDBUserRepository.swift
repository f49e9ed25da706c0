import MariaDB

/// Staff users over the worker's connection (egresos.md §4 `users`).
struct MariaDBUserRepository: UserRepository {
    let connection: MariaDBConnection

    static let columns = """
        SELECT id, user_id, email, given_name, family_name, name, picture, custom_picture, nickname, job_title, role,
               last_login, logins_count FROM users
        """

    func user(id: Int) throws -> UserRecord? {
        try connection.queryFirst(SQLQuery(unsafeSQL: Self.columns + " WHERE id = ? AND deleted_at IS NULL", binds: [.int(Int64(id))]))
            .map(Self.record)
    }

    func activeUsers() throws -> [UserRecord] {
        try connection.query(SQLQuery(unsafeSQL: Self.columns + " WHERE deleted_at IS NULL ORDER BY id")).map(Self.record)
    }

    func create(_ user: NewUser) throws -> Int {
        do {
            return try connection.execute("""
                INSERT INTO users (user_id, email, given_name, family_name, name, nickname, picture, job_title, role, logins_count)
                VALUES (NULL, \(user.email), \(user.givenName), \(user.familyName), \(user.name), \(user.nickname), NULL,
                        \(user.jobTitle), \(user.role), 0)
                """).lastInsertID
        } catch {
            if error.kind == .duplicateKey { throw Self.emailTaken(user.email) }
            throw error
        }
    }

    func update(id: Int, _ changes: UserChanges) throws {
        var query: SQLQuery = "UPDATE users SET updated_at = UTC_TIMESTAMP(3)"
        if let email = changes.email { query.append(", email = \(email)") }
        if let name = changes.name { query.append(", name = \(name)") }
        if let jobTitle = changes.jobTitle { query.append(", job_title = \(jobTitle)") }
        if let role = changes.role { query.append(", role = \(role)") }
        query.append(" WHERE id = \(id) AND deleted_at IS NULL")
        do {
            _ = try connection.execute(query)
        } catch {
            if error.kind == .duplicateKey { throw Self.emailTaken(changes.email ?? "") }
            throw error
        }
    }

    func softDelete(id: Int, atMilliseconds now: Int64) throws {
        _ = try connection.execute("UPDATE users SET deleted_at = \(SQLDateTime(unixMilliseconds: now)) WHERE id = \(id) AND deleted_at IS NULL")
    }

    func activeAdmins(excluding id: Int) throws -> Int {
        // FOR UPDATE: inside the edit/delete transaction, two requests cannot both remove "the other" admin.
        try connection.query("SELECT id FROM users WHERE role = 'admin' AND deleted_at IS NULL FOR UPDATE")
            .filter { (try? $0.int("id")) != id }.count
    }

    func recordProfile(id: Int, issuedAt: Int64?, claims: ProfileClaims) throws {
        if let issuedAt {
            let at = SQLDateTime(unixMilliseconds: issuedAt)
            _ = try connection.execute("""
                UPDATE users SET last_login = \(at), logins_count = logins_count + 1
                 WHERE id = \(id) AND deleted_at IS NULL AND (last_login IS NULL OR last_login < \(at))
                """)
        }
        guard !claims.isEmpty else { return }
        _ = try connection.execute("""
            UPDATE users SET given_name = COALESCE(\(claims.givenName), given_name),
                   family_name = COALESCE(\(claims.familyName), family_name),
                   picture = COALESCE(\(claims.picture), picture), nickname = COALESCE(\(claims.nickname), nickname)
             WHERE id = \(id) AND deleted_at IS NULL
            """)
    }

    func transaction<T>(_ body: () throws -> T) throws -> T {
        try connection.transaction(body)
    }

    static func record(_ row: SQLRow) throws -> UserRecord {
        UserRecord(id: try row.int("id"), subject: try row.optionalString("user_id"), email: try row.string("email"),
                   givenName: try row.optionalString("given_name"), familyName: try row.optionalString("family_name"),
                   name: try row.string("name"), picture: try row.optionalString("picture"),
                   customPicture: try row.optionalString("custom_picture"), nickname: try row.optionalString("nickname"),
                   jobTitle: try row.string("job_title"), role: try row.string("role"),
                   lastLogin: try row.optionalDateTime("last_login")?.unixMilliseconds, loginsCount: try row.int("logins_count"))
    }

    /// The 409 `4093` of `unique:user,email`, when the unique index catches what the pre-check missed.
    static func emailTaken(_ email: String) -> EgresosValidationError {
        EgresosValidationError(failures: [ValidationFailure(field: "email", code: 4093, values: ["thing": "email", "value": email])])
    }
}


/// The catalogues over the worker's connection.
struct MariaDBCatalogRepository: CatalogRepository {
    let connection: MariaDBConnection

    func concepts() throws -> [String] {
        try connection.query("SELECT name FROM concepts ORDER BY id").map { try $0.string("name") }
    }

    func businessActivities() throws -> [BusinessActivity] {
        try connection.query("SELECT id, name FROM business_activities ORDER BY id").map {
            BusinessActivity(id: try $0.int("id"), name: try $0.string("name"))
        }
    }
}

/// Notifications over the worker's connection, newest first by `seq` (the order their transactions wrote them, 0015).
/// `to` and `from` are reserved words: always backticked.
struct MariaDBNotificationRepository: NotificationRepository {
    let connection: MariaDBConnection

    func notifications(to userID: Int) throws -> [NotificationRecord] {
        try connection.query("""
            SELECT id, status, type_of, read_at, deleted_at, mail_sended_at, `to`, `from`, quotation_id, supply_id, refund_id,
                   message, created_at
              FROM notifications WHERE `to` = \(userID) AND deleted_at IS NULL ORDER BY seq DESC
            """).map { row in
            NotificationRecord(id: try row.int("id"), status: try row.string("status"), typeOf: try row.string("type_of"),
                               readAt: try row.optionalDateTime("read_at")?.unixMilliseconds,
                               deletedAt: try row.optionalDateTime("deleted_at")?.unixMilliseconds,
                               mailSendedAt: try row.optionalDateTime("mail_sended_at")?.unixMilliseconds,
                               to: try row.int("to"), from: try row.optionalInt("from"),
                               quotation: try row.optionalInt("quotation_id"), supply: try row.optionalInt("supply_id"),
                               refund: try row.optionalInt("refund_id"), message: try row.string("message"),
                               createdAt: try row.dateTime("created_at").unixMilliseconds)
        }
    }

    func recipient(of id: Int) throws -> Int? {
        try connection.queryFirst("SELECT `to` FROM notifications WHERE id = \(id) AND deleted_at IS NULL").map { try $0.int("to") }
    }

    func markRead(id: Int, atMilliseconds now: Int64) throws {
        _ = try connection.execute("""
            UPDATE notifications SET read_at = \(SQLDateTime(unixMilliseconds: now)) WHERE id = \(id) AND read_at IS NULL
            """)
    }
}

extension EgresosPersistence {
    /// Staff users for the users endpoints.
    var users: any UserRepository { MariaDBUserRepository(connection: connection) }
    /// The catalogues of #62/#63.
    var catalogs: any CatalogRepository { MariaDBCatalogRepository(connection: connection) }
    /// Notifications of #65/#66.
    var notifications: any NotificationRepository { MariaDBNotificationRepository(connection: connection) }
}
