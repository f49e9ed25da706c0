import AppCore

/// A quotation, supply or refund as its approval transition reads it, under the row lock (egresos.md §7).
struct ApprovalSubject: Sendable, Equatable {
    /// `status`.
    let status: ApprovalStatus
    /// `created_by`.
    let creator: Int
    /// Whether the creator's role is `admin`.
    let creatorIsAdmin: Bool
    /// The active grouper of the item's project (none without a project, a grouper or when the grouper is deleted).
    let leader: Int?

    /// The relations of `caller` to the item.
    func caller(_ user: StaffUser) -> ApprovalCaller {
        ApprovalCaller(role: user.staffRole, isCreator: user.id == creator, isLeader: leader == user.id)
    }

    /// Where a submitted draft goes (§7.1 "set when").
    var facts: ApprovalFacts {
        ApprovalFacts(creatorIsAdmin: creatorIsAdmin,
                      leader: leader == nil ? .none : leader == creator ? .creator : .other)
    }
}

/// A staff user a notification mail goes to.
struct StaffContact: Sendable, Equatable {
    /// `users.id`.
    let id: Int
    /// `users.email`.
    let email: String
}

/// One notification row with the mail that goes with it (nil: not mailed).
struct NotificationWrite: Sendable {
    /// The row.
    let notification: ResolvedNotification
    /// Its mail, queued in the outbox in the same transaction (ruling E9).
    let mail: MailMessage?
}

/// The writes of a confirm or reject (#39/#41, #52/#53, #60/#61), each inside the caller's transaction.
protocol ApprovalRepository {
    /// Locks item `id` of `item` (`SELECT … FOR UPDATE`) and reads what its transition depends on; nil when
    /// there is no such item.
    func lock(_ item: ApprovalItem, id: Int) throws -> ApprovalSubject?
    /// Every active admin's id ("directivos", §1), by id.
    func directors() throws -> [Int]
    /// The e-mail addresses of `ids` (deleted users included: they still get their notification).
    func contacts(_ ids: [Int]) throws -> [StaffContact]
    /// Writes `transition` on item `id`: the status, its stamps (the expenses' too) and, when `message` is not
    /// nil, the comment holding it, all at `nowMilliseconds` and by `actor`.
    func apply(_ transition: ApprovalTransition, id: Int, actor: Int, message: String?, nowMilliseconds: Int64) throws
    /// Writes the notifications of item `id` from `actor`, each with its mail queued in the outbox.
    func notify(_ writes: [NotificationWrite], id: Int, from actor: Int, nowMilliseconds: Int64) throws
}
