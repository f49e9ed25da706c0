/// A staff user with every column UserFull renders (egresos.md §4 `users`, §5 item 1).
struct UserRecord: Sendable, Equatable {
    /// `users.id`.
    var id: Int
    /// `users.user_id`: the Auth0 `sub`, nil until the first login.
    var subject: String?
    /// `users.email`.
    var email: String
    /// `users.given_name`.
    var givenName: String?
    /// `users.family_name`.
    var familyName: String?
    /// `users.name`.
    var name: String
    /// `users.picture` (the URL from Auth0's claims).
    var picture: String?
    /// `users.custom_picture` (always null: no upload endpoint).
    var customPicture: String?
    /// `users.nickname`.
    var nickname: String?
    /// `users.job_title`.
    var jobTitle: String
    /// `users.role`.
    var role: String
    /// `users.last_login`, in UTC milliseconds.
    var lastLogin: Int64?
    /// `users.logins_count`.
    var loginsCount: Int
}

/// The columns of a new user (#2): the derived names of §3.1.
struct NewUser: Sendable, Equatable {
    var email: String
    var name: String
    var givenName: String?
    var familyName: String?
    var nickname: String?
    var jobTitle: String
    var role: String
}

/// The columns an edit (#3) changes: only those sent (ruling 5).
struct UserChanges: Sendable, Equatable {
    var email: String?
    var name: String?
    var jobTitle: String?
    var role: String?

    /// Whether nothing is to change.
    var isEmpty: Bool { email == nil && name == nil && jobTitle == nil && role == nil }
}

/// The profile claims of a staff token that #1 copies (§3.1), already truncated to the column lengths.
struct ProfileClaims: Sendable, Equatable {
    var givenName: String?
    var familyName: String?
    var picture: String?
    var nickname: String?

    /// Whether the token carried none of them.
    var isEmpty: Bool { givenName == nil && familyName == nil && picture == nil && nickname == nil }

    /// Whether storing them would change `user` (a claim the token lacks keeps the stored value).
    func changes(_ user: UserRecord) -> Bool {
        func differs(_ claim: String?, _ stored: String?) -> Bool { claim.map { $0 != stored } ?? false }
        return differs(givenName, user.givenName) || differs(familyName, user.familyName) || differs(picture, user.picture)
            || differs(nickname, user.nickname)
    }
}

/// A notification row (§4 `notifications`, §5 item 17).
struct NotificationRecord: Sendable, Equatable {
    var id: Int
    var status: String
    var typeOf: String
    /// UTC milliseconds.
    var readAt: Int64?
    var deletedAt: Int64?
    var mailSendedAt: Int64?
    var to: Int
    var from: Int?
    var quotation: Int?
    var supply: Int?
    var refund: Int?
    var message: String
    var createdAt: Int64
}

/// A business activity (#63).
struct BusinessActivity: Sendable, Equatable {
    var id: Int
    var name: String
}
