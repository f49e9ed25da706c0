/// The approval chains of egresos.md §7.1 (quotations) and §7.2 (supplies and refunds, the same rules) as a pure
/// function: a status, a caller and an action in; the allowed transition with its effects, or the refusal out.
///
/// Order of checks: the endpoint's Roles line (403 `4031`) first, as §7 says. Then, for confirm and reject, the
/// Transitions table: 0 reject and 3/4 anything → 409 `"409"`; 0 confirm by neither creator nor admin and 1/2 by
/// someone not eligible for that step → 403 `4031`. For edits and deletes (ruling E9), creator-or-admin (403
/// `4031`) before the status (423 `"423"`). Comments (#44) pass in every status.
///
/// Decisions the contract leaves open (see the report of issue 13):
/// * a director's rule wins over a leader's (§7.1 Precedence): an admin who is also the leader goes straight to 3;
/// * a leader reviews (1 → 2 or 1 → 4) only with the `grouper` role: an account_manager who is a project's
///   grouper can only submit their own (§13 decision 44), for supplies and refunds too (§7.2, "the same rules");
/// * a caller without a staff role (a supplier session) is refused 403 `4031`.
public enum ApprovalChain {
    /// 403 `4031`: not allowed for this caller.
    static let forbidden = EgresosError(code: "4031")
    /// 409 `"409"`: confirm or reject in a status where it means nothing.
    static let conflict = EgresosError(code: "409")
    /// 423 `"423"`: the item is no longer a draft.
    static let locked = EgresosError(code: "423")

    /// The decision for `caller` doing `action` on `item` in `status`.
    public static func decide(item: ApprovalItem, status: ApprovalStatus, action: ApprovalAction,
                              caller: ApprovalCaller, facts: ApprovalFacts) -> Result<ApprovalTransition, EgresosError> {
        guard item.actions.contains(action) else { return .failure(.routeNotFound) }
        guard let role = caller.role, item.admits(role, for: action) else { return .failure(forbidden) }
        func allow(_ step: ApprovalStep, to: ApprovalStatus? = nil) -> Result<ApprovalTransition, EgresosError> {
            .success(transition(item, step, from: status, to: to ?? status))
        }
        let ownerOrAdmin = caller.isCreator || caller.isDirector
        let leaderReviews = caller.isLeader && role == .grouper
        switch (action, status) {
        case (.comment, _):
            return allow(.comment)
        case (.edit, .draft):
            return ownerOrAdmin ? allow(.edit) : .failure(forbidden)
        case (.delete, .draft), (.delete, .rejected):
            return ownerOrAdmin ? allow(.delete) : .failure(forbidden)
        case (.edit, _), (.delete, _):
            return .failure(ownerOrAdmin ? locked : forbidden)
        case (.confirm, .draft):
            let to = facts.submitsTo
            return ownerOrAdmin ? allow(to == .leaderReview ? .submitToLeader : .submitToDirectors, to: to) : .failure(forbidden)
        case (.reject, .draft), (_, .approved), (_, .rejected):
            return .failure(conflict)
        case (.confirm, _), (.reject, _):
            let accept = action == .confirm
            if caller.isDirector { return allow(accept ? .directorAccept : .directorReject, to: accept ? .approved : .rejected) }
            guard status == .leaderReview, leaderReviews else { return .failure(forbidden) }
            return allow(accept ? .leaderAccept : .leaderReject, to: accept ? .directorsReview : .rejected)
        }
    }

    /// A step's effects (§7.1 Transitions table, §7.2 expense stamps, §7.4 notifications).
    static func transition(_ item: ApprovalItem, _ step: ApprovalStep, from: ApprovalStatus,
                           to: ApprovalStatus) -> ApprovalTransition {
        let expenses = item != .quotation
        let stamps: [ApprovalStamp]
        let comment: CommentStatus?
        let notifications: [PlannedNotification]
        switch step {
        case .submitToLeader, .submitToDirectors:
            stamps = [.completedAt]
            comment = .info
            notifications = [PlannedNotification(recipient: step == .submitToLeader ? .leader : .directors,
                                                 status: .submited, message: .submitted)]
        case .leaderAccept:
            stamps = [.leaderAcceptedBy]
            comment = .good
            notifications = [PlannedNotification(recipient: .directors, status: .submited, message: .forwarded),
                             PlannedNotification(recipient: .creator, status: .accepted, message: .acceptedByLeader)]
        case .directorAccept:
            stamps = [.directorAcceptedBy, .acceptedAt] + (expenses ? [.expensesAcceptedAt] : [])
            comment = .good
            notifications = [.creator, .leader].map { PlannedNotification(recipient: $0, status: .approved, message: .approved) }
        case .leaderReject, .directorReject:
            stamps = [step == .leaderReject ? .leaderRejectedBy : .directorRejectedBy, .rejectedAt]
                + (expenses ? [.expensesRejectedAt] : [])
            comment = .bad
            let recipients: [NotificationRecipient] = step == .leaderReject ? [.creator] : [.creator, .leader]
            notifications = recipients.map { PlannedNotification(recipient: $0, status: .rejected, message: .rejected) }
        case .edit, .delete, .comment:
            stamps = []
            comment = nil
            notifications = []
        }
        return ApprovalTransition(item: item, step: step, from: from, to: to, stamps: stamps, comment: comment,
                                  notifications: notifications)
    }
}
