import AppCore

/// The one executor of confirm and reject for the three kinds of item (egresos.md §7.1, §7.2, §7.4): quotations
/// (#39/#41), supplies (#52/#53) and refunds (#60/#61). Run inside one transaction: `decide` locks the row and
/// asks `ApprovalChain` (§1.1 step 6, before the body is validated); `commit` writes the status and stamps, the
/// message as a comment, and the notifications with their mail (ruling 2: the outbox rows commit with them).
struct ApprovalExecutor {
    let repository: any ApprovalRepository
    let item: ApprovalItem
    let action: ApprovalAction

    /// The row `id`, locked, and the chain's decision for `caller`; 404 `4042` when there is no such row, 403
    /// `4031` or 409 `"409"` when the chain refuses.
    func decide(id: Int, caller: StaffUser, missing: @autoclosure () -> any Error) throws -> (ApprovalSubject, ApprovalTransition) {
        guard let subject = try repository.lock(item, id: id) else { throw missing() }
        let decision = ApprovalChain.decide(item: item, status: subject.status, action: action,
                                            caller: subject.caller(caller), facts: subject.facts)
        return (subject, try decision.get())
    }

    /// Writes `transition` of row `id` by `actor`: status and stamps, the comment (when `message` was sent), and
    /// one notification per recipient (deduplicated, never the actor), each also queued as mail when
    /// `mailNotifications`.
    func commit(_ transition: ApprovalTransition, subject: ApprovalSubject, id: Int, actor: StaffUser, message: String?,
                mailNotifications: Bool, nowMilliseconds: Int64) throws {
        try repository.apply(transition, id: id, actor: actor.id, message: message, nowMilliseconds: nowMilliseconds)
        let needsDirectors = transition.notifications.contains { $0.recipient == .directors }
        let people = ApprovalPeople(creator: subject.creator, leader: subject.leader,
                                    directors: needsDirectors ? try repository.directors() : [])
        let rows = transition.resolve(actor: actor.id, actorName: actor.name, reason: message ?? "", people: people)
        guard !rows.isEmpty else { return }
        var addresses: [Int: String] = [:]
        if mailNotifications {
            for contact in try repository.contacts(rows.map(\.to)) { addresses[contact.id] = contact.email }
        }
        let writes = rows.map { row in
            NotificationWrite(notification: row, mail: addresses[row.to].flatMap { Self.mail(row, to: $0, id: id) })
        }
        try repository.notify(writes, id: id, from: actor.id, nowMilliseconds: nowMilliseconds)
    }

    /// The mail of notification `row` about item `id`: the stored message verbatim, under a subject that names
    /// the item; nil for an address the mailer refuses (the notification is still written).
    static func mail(_ row: ResolvedNotification, to address: String, id: Int) -> MailMessage? {
        let noun = switch row.item {
        case .quotation: "Cotización"
        case .supply: "Insumo"
        case .refund: "Reembolso"
        }
        return try? MailMessage(to: [address], subject: "Element Studios: \(noun) \(id)", text: """
            \(row.message)

            \(noun) \(id). Consulta tus notificaciones en Element Studios.
            """)
    }
}
