/// Who a notification goes to, before the people are known (egresos.md §7.4).
public enum NotificationRecipient: Sendable, Hashable {
    /// The grouper of the item's project (none: nobody).
    case leader
    /// Every active admin.
    case directors
    /// The item's creator.
    case creator
}

/// A notification's `status` (§7.4; `submited` sic).
public enum NotificationStatus: String, Sendable, CaseIterable {
    /// "You must review this."
    case submited
    /// The leader accepted; now with the directors.
    case accepted
    /// A director approved.
    case approved
    /// Rejected.
    case rejected
}

/// The stored Spanish messages of §7.4, verbatim.
public enum NotificationMessage: Sendable, Hashable {
    /// A draft was submitted to the recipient.
    case submitted
    /// The leader forwarded the item to the directors.
    case forwarded
    /// To the creator: the leader accepted.
    case acceptedByLeader
    /// Approved.
    case approved
    /// Rejected, with the reason when the message is not empty.
    case rejected

    /// The text, `{actor}` being the actor's name and `reason` the confirm's or reject's `message`.
    public func text(actor: String, reason: String) -> String {
        switch self {
        case .submitted: "\(actor) ha creado una solicitud. Tu eres el responsable de su revisión."
        case .forwarded: "\(actor) ha aceptado una solicitud. Tu eres el responsable de su revisión."
        case .acceptedByLeader: "\(actor) ha aceptado tu solicitud. Ahora está en revisión de los directivos."
        case .approved: "\(actor) ha aprobado la solicitud."
        case .rejected: "\(actor) ha rechazado la solicitud." + (reason.isEmpty ? "" : " Motivo: \(reason)")
        }
    }
}

/// One notification a transition emits, addressed to a relation (resolved to people by `ApprovalTransition.resolve`).
public struct PlannedNotification: Sendable, Hashable {
    /// To whom.
    public let recipient: NotificationRecipient
    /// Its `status`.
    public let status: NotificationStatus
    /// Its message.
    public let message: NotificationMessage
}

/// The people behind the relations of one item: user ids.
public struct ApprovalPeople: Sendable, Hashable {
    /// `created_by`.
    public let creator: Int
    /// The project's grouper, if any.
    public let leader: Int?
    /// Every active admin.
    public let directors: [Int]

    /// The ids of `recipient`.
    func ids(_ recipient: NotificationRecipient) -> [Int] {
        switch recipient {
        case .leader: leader.map { [$0] } ?? []
        case .directors: directors
        case .creator: [creator]
        }
    }
}

/// One notification row to write: `to`, `type_of` and its reference, `status`, `message` (`from` = the actor).
public struct ResolvedNotification: Sendable, Hashable {
    /// The recipient's user id.
    public let to: Int
    /// `type_of` (the reference column is the item's).
    public let item: ApprovalItem
    /// `status`.
    public let status: NotificationStatus
    /// The message, filled in.
    public let message: String
}
