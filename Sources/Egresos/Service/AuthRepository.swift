/// The users and suppliers authentication reads (egresos.md §10.1 step 5, §10.2).
protocol AuthRepository {
    /// The active (not deleted) user linked to `subject`.
    func activeUser(subject: String) throws -> StaffUser?
    /// The active user not linked yet (`user_id IS NULL`) whose e-mail is `email`, compared case-insensitively.
    func activeUnlinkedUser(email: String) throws -> StaffUser?
    /// Links user `id` to `subject` if it is still active and unlinked, recording the login (`last_login`,
    /// `logins_count + 1`); false when another request linked it first or it was deleted meanwhile.
    func link(userID id: Int, subject: String, atMilliseconds now: Int64) throws -> Bool
    /// The supplier whose e-mail is `email`.
    func supplier(email: String) throws -> SupplierAccount?
}
