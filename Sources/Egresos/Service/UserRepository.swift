/// Staff users for the users endpoints (egresos.md §3.1 #1-#6). Every read sees active (not deleted) rows only.
protocol UserRepository {
    /// The active user `id`.
    func user(id: Int) throws -> UserRecord?
    /// Every active user, by id.
    func activeUsers() throws -> [UserRecord]
    /// Inserts `user` (unlinked, never logged in); returns its id. A live e-mail collision that the validation
    /// pre-check did not see (a race) → 409 `4093`.
    func create(_ user: NewUser) throws -> Int
    /// Applies `changes` to active user `id`.
    func update(id: Int, _ changes: UserChanges) throws
    /// Soft-deletes active user `id` at `now` (UTC milliseconds).
    func softDelete(id: Int, atMilliseconds now: Int64) throws
    /// How many active admins there are other than `id`.
    func activeAdmins(excluding id: Int) throws -> Int
    /// #1: records a login at `issuedAt` (UTC milliseconds) when it is later than the stored `last_login`, and
    /// copies the token's profile claims.
    func recordProfile(id: Int, issuedAt: Int64?, claims: ProfileClaims) throws
    /// Runs `body` in one transaction.
    func transaction<T>(_ body: () throws -> T) throws -> T
}

/// The catalogues of #62 and #63.
protocol CatalogRepository {
    /// The concept names, by id.
    func concepts() throws -> [String]
    /// The business activities, by id.
    func businessActivities() throws -> [BusinessActivity]
}

/// Notifications for #65 and #66.
protocol NotificationRepository {
    /// The live notifications addressed to `userID`, newest first.
    func notifications(to userID: Int) throws -> [NotificationRecord]
    /// The recipient of live notification `id`.
    func recipient(of id: Int) throws -> Int?
    /// Sets `read_at = now` on notification `id` if it is unread.
    func markRead(id: Int, atMilliseconds now: Int64) throws
}
