import HTTPCore

/// A registered staff user as authentication reads it (`users`).
public struct StaffUser: Sendable, Equatable {
    /// `users.id`.
    public let id: Int
    /// `users.user_id`: the Auth0 `sub` it is linked to (nil until the first login).
    public let subject: String?
    /// `users.email`.
    public let email: String
    /// `users.name`.
    public let name: String
    /// `users.role` as stored.
    public let role: String
    /// The whole row as authentication read it, when it did (the profile endpoint answers with it instead of
    /// reading the row a second time, issue 16); nil when the user was built from fewer columns.
    let record: UserRecord?

    /// A user from its columns.
    public init(id: Int, subject: String?, email: String, name: String, role: String) {
        self.id = id
        self.subject = subject
        self.email = email
        self.name = name
        self.role = role
        record = nil
    }

    /// A user from its whole row.
    init(_ record: UserRecord) {
        id = record.id
        subject = record.subject
        email = record.email
        name = record.name
        role = record.role
        self.record = record
    }

    /// The role, when it is one of §1's.
    public var staffRole: StaffRole? { StaffRole(rawValue: role) }
}

/// The caller of a staff route (egresos.md §10.1): the user the token maps to, and the token's claims (for the
/// profile endpoint's `iat` and profile claims).
public struct StaffIdentity: Sendable {
    /// The registered user.
    public let user: StaffUser
    /// The token's `sub`.
    public let subject: String
    /// The verified claims.
    public let claims: InputObject

    /// Whether the caller is a director (`admin`).
    public var isAdmin: Bool { user.staffRole == .admin }
}

/// A supplier as supplier authentication reads it (`suppliers`).
public struct SupplierAccount: Sendable, Equatable {
    /// `suppliers.id`.
    public let id: Int
    /// `suppliers.email` (the token's `sub`).
    public let email: String
    /// `suppliers.password_changed_at` in Unix seconds (floored), nil when never set.
    public let passwordChangedAt: Int64?

    /// An account from its columns.
    public init(id: Int, email: String, passwordChangedAt: Int64?) {
        self.id = id
        self.email = email
        self.passwordChangedAt = passwordChangedAt
    }
}

/// The caller of a supplier route (egresos.md §10.2).
public struct SupplierIdentity: Sendable {
    /// The supplier.
    public let supplier: SupplierAccount
    /// The verified claims.
    public let claims: InputObject
}
