import MariaDB

/// The embedded users of egresos.md §5 item 2 (UserSummary), read by id in one query: the grouper and
/// collaborators of projects, the authors of comments, the creator and reviewers of a supply or refund.
/// Deleted users are read too (§1: objects that reference them still render).
enum UserSummaries {
    static let select = "SELECT id, email, given_name, name, picture, custom_picture, job_title, role FROM users"

    static func user(_ row: SQLRow) throws -> UserSummaryRecord {
        UserSummaryRecord(id: try row.int("id"), email: try row.string("email"), givenName: try row.optionalString("given_name"),
                          name: try row.string("name"), picture: try row.optionalString("picture"),
                          customPicture: try row.optionalString("custom_picture"), jobTitle: try row.string("job_title"),
                          role: try row.string("role"))
    }

    /// The users with these ids, by id (nothing is queried for an empty set).
    static func load(_ ids: some Collection<Int>, on connection: MariaDBConnection) throws -> [Int: UserSummaryRecord] {
        let wanted = Set(ids).sorted()
        guard !wanted.isEmpty else { return [:] }
        var users: [Int: UserSummaryRecord] = [:]
        for row in try connection.query("\(unsafeRaw: select) WHERE id IN (\(list: wanted))") {
            let user = try Self.user(row)
            users[user.id] = user
        }
        return users
    }
}
