/// An allowed decision of an approval chain and its effects, as values: what to write is the caller's job.
public struct ApprovalTransition: Sendable, Hashable {
    /// The item.
    public let item: ApprovalItem
    /// What kind of step.
    public let step: ApprovalStep
    /// The status before.
    public let from: ApprovalStatus
    /// The status after (the same for edits, deletes and comments).
    public let to: ApprovalStatus
    /// The columns to stamp with the actor or now.
    public let stamps: [ApprovalStamp]
    /// The status of the comment that stores the request's `message` (nil: no comment is written).
    public let comment: CommentStatus?
    /// The notifications, in order, addressed to relations.
    public let notifications: [PlannedNotification]

    /// The notification rows for `people`: one per person in planned order, the first planned one winning when
    /// a person is reached twice (recipients deduplicated), and never the actor (§7.4).
    public func resolve(actor: Int, actorName: String, reason: String, people: ApprovalPeople) -> [ResolvedNotification] {
        var reached: Set<Int> = [actor]
        var rows: [ResolvedNotification] = []
        for planned in notifications {
            for id in people.ids(planned.recipient) where reached.insert(id).inserted {
                rows.append(ResolvedNotification(to: id, item: item, status: planned.status,
                                                 message: planned.message.text(actor: actorName, reason: reason)))
            }
        }
        return rows
    }
}
