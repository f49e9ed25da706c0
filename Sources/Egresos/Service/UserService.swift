import AppCore
import HTTPCore

/// The rules of the users endpoints (egresos.md §3.1), over a `UserRepository`.
struct UserService {
    let repository: any UserRepository

    /// #1: records the login of the token's `iat` and its profile claims when they are news, and answers the caller.
    func profile(of caller: StaffIdentity) throws -> UserRecord {
        let issuedAt: Int64? = switch caller.claims["iat"] {
        case .number(let text)?: Int64(text).map { $0 * 1000 } ?? Double(text).map { Int64($0 * 1000) }
        default: nil
        }
        let claims = Self.profileClaims(caller.claims)
        // The row authentication read (one read instead of two); the user just linked has none.
        guard let current = try caller.user.record ?? repository.user(id: caller.user.id) else { throw EgresosError(code: "4031") }
        // The usual call (a token already counted, the same claims) reads only. `last_login` never goes back, so
        // a stored value at or after `iat` means the conditional UPDATE would match nothing anyway.
        let newLogin = issuedAt.map { at in current.lastLogin.map { $0 < at } ?? true } ?? false
        guard newLogin || claims.changes(current) else { return current }
        // The login, the claims and the answer read back are one transaction: all of it or none (ruling 2).
        return try repository.transaction {
            try repository.recordProfile(id: caller.user.id, issuedAt: issuedAt, claims: claims)
            guard let user = try repository.user(id: caller.user.id) else { throw EgresosError(code: "4031") }
            return user
        }
    }

    /// Ruling E6: only an admin grants or removes the admin role. A change of a role from `current` (nil: a new
    /// user) to `role` (nil: unchanged) that involves `admin` by a caller who is not an admin → 403 `4031`.
    static func checkAdminGrant(caller: StaffIdentity, from current: String?, to role: String?) throws {
        let admin = StaffRole.admin.rawValue
        guard let role, role != current, role == admin || current == admin else { return }
        guard caller.user.role == admin else { throw EgresosError(code: "4031") }
    }

    /// #2 step 6: creating an admin needs an admin caller (ruling E6). `role` is the submitted value when it is a
    /// string (its format is validated afterwards).
    func checkCreate(caller: StaffIdentity, role: String?) throws {
        try Self.checkAdminGrant(caller: caller, from: nil, to: role)
    }

    /// #2: creates the user with the derived names; returns the stored row.
    func create(caller: StaffIdentity, email: String, name: String, jobTitle: String, role: String) throws -> UserRecord {
        try checkCreate(caller: caller, role: role)
        // The row and the answer read back are one transaction (ruling 2).
        return try repository.transaction {
            let id = try repository.create(Self.newUser(email: email, name: name, jobTitle: jobTitle, role: role))
            guard let user = try repository.user(id: id) else { throw EgresosError.internalError }
            return user
        }
    }

    /// #3 step 6: granting or removing `admin` as anyone but an admin → 403 `4031` (ruling E6); changing one's own
    /// role → 423 `4231`; taking `admin` from the last active admin → 409 `4091`. `role` is the submitted value
    /// when it is a string (its format is validated afterwards).
    func checkEdit(caller: StaffIdentity, targetID: Int, role: String?) throws {
        guard let role, let target = try repository.user(id: targetID), role != target.role else { return }
        try Self.checkAdminGrant(caller: caller, from: target.role, to: role)
        if target.id == caller.user.id { throw EgresosError(code: "4231") }
        if target.role == StaffRole.admin.rawValue, try repository.activeAdmins(excluding: target.id) == 0 {
            throw EgresosError(code: "4091")
        }
    }

    /// #3: applies the changes (again checking the last admin inside the transaction).
    func edit(caller: StaffIdentity, targetID: Int, changes: UserChanges) throws {
        guard !changes.isEmpty else { return }
        try repository.transaction {
            try checkEdit(caller: caller, targetID: targetID, role: changes.role)
            try repository.update(id: targetID, changes)
        }
    }

    /// #5 step 6: deleting oneself → 423 `4232`; deleting the last active admin → 409 `4091`.
    func checkDelete(caller: StaffIdentity, targetID: Int) throws {
        if targetID == caller.user.id { throw EgresosError(code: "4232") }
        guard let target = try repository.user(id: targetID) else { return }
        if target.role == StaffRole.admin.rawValue, try repository.activeAdmins(excluding: target.id) == 0 {
            throw EgresosError(code: "4091")
        }
    }

    /// #5: the soft delete.
    func delete(caller: StaffIdentity, targetID: Int, now: Int64) throws {
        try repository.transaction {
            try checkDelete(caller: caller, targetID: targetID)
            try repository.softDelete(id: targetID, atMilliseconds: now)
        }
    }

    /// The row #2 stores: `given_name` = the first word of `name`, `family_name` = the remaining words (or null),
    /// `nickname` = the e-mail's local part (§3.1), each cut to its column's length.
    static func newUser(email: String, name: String, jobTitle: String, role: String) -> NewUser {
        let email = email.trimmingWhitespace
        let words = name.split(whereSeparator: { $0.isWhitespace })
        let given = words.first.map(String.init)
        let family = words.count > 1 ? words.dropFirst().joined(separator: " ") : nil
        let local = email.split(separator: "@", omittingEmptySubsequences: false).first.map(String.init)
        return NewUser(email: email, name: name, givenName: given.map { truncated($0, 120) },
                       familyName: family.map { truncated($0, 120) }, nickname: local.map { truncated($0, 120) },
                       jobTitle: jobTitle, role: role)
    }

    /// The profile claims of a token (string values only), cut to the column lengths (§4: 120, picture 1024).
    static func profileClaims(_ claims: InputObject) -> ProfileClaims {
        func claim(_ key: String, _ length: Int) -> String? { claims[key]?.stringValue.map { truncated($0, length) } }
        return ProfileClaims(givenName: claim("given_name", 120), familyName: claim("family_name", 120),
                             picture: claim("picture", 1024), nickname: claim("nickname", 120))
    }

    /// `text` cut to `length` Unicode code points (MariaDB's VARCHAR length under utf8mb4).
    static func truncated(_ text: String, _ length: Int) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > length else { return text }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars.prefix(length))
        return String(view)
    }
}
