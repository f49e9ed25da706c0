import HTTPCore

/// Step 5 of egresos.md §10.1: the registered user a verified token stands for.
enum StaffMapping {
    /// The active user linked to the token's `sub`; otherwise the active, unlinked user with the token's e-mail
    /// (the `emailClaim` claim, else `email`; used only when `email_verified`, or the claim named `emailClaim` +
    /// `_verified` for a namespaced one, is the boolean `true`, ruling E7: a missing claim, `"true"`, `1` or `false`
    /// could be any identity provider's unverified address), which is linked to the `sub` now. Anyone else (unregistered, deleted, e-mail linked to another `sub`) → 403 `4031`.
    /// Linking records no login: only #1 counts one, from the token's `iat` (§3.1).
    static func user(subject: String, claims: InputObject, emailClaim: String, repository: any AuthRepository) throws -> StaffUser {
        if let user = try repository.activeUser(subject: subject) { return user }
        guard claims["email_verified"] == .bool(true) || claims[emailClaim + "_verified"] == .bool(true),
              let email = (claims[emailClaim] ?? claims["email"])?.stringValue, !email.isEmpty else {
            throw EgresosError(code: "4031")
        }
        if let candidate = try repository.activeUnlinkedUser(email: email),
           try repository.link(userID: candidate.id, subject: subject) {
            return StaffUser(id: candidate.id, subject: subject, email: candidate.email, name: candidate.name, role: candidate.role)
        }
        // Another request linked it between our reads (no unlinked row left, or our UPDATE matched nothing):
        // to this sub (fine) or to another one (refused).
        if let user = try repository.activeUser(subject: subject) { return user }
        throw EgresosError(code: "4031")
    }
}
