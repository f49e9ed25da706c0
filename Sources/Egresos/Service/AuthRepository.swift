/// The users and suppliers authentication reads (egresos.md §10.1 step 5, §10.2).
protocol AuthRepository {
    /// The active (not deleted) user linked to `subject`.
    func activeUser(subject: String) throws -> StaffUser?
    /// The active user not linked yet (`user_id IS NULL`) whose e-mail is `email`, compared case-insensitively.
    func activeUnlinkedUser(email: String) throws -> StaffUser?
    /// Links user `id` to `subject` if it is still active and unlinked; false when another request linked it first
    /// or it was deleted meanwhile. It records no login: only #1 does, from the token's `iat` (§3.1).
    func link(userID id: Int, subject: String) throws -> Bool
    /// The supplier whose e-mail is `email`.
    func supplier(email: String) throws -> SupplierAccount?
}
