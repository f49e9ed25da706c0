/// The kinds of allowed decision (egresos.md §7.1 Transitions table, plus the edits of §7.1/§7.2).
public enum ApprovalStep: Sendable, CaseIterable {
    /// 0 → 1: the draft goes to the leader.
    case submitToLeader
    /// 0 → 2: the draft goes to the directors.
    case submitToDirectors
    /// 1 → 2: the leader accepts and forwards to the directors.
    case leaderAccept
    /// 1 or 2 → 3: a director approves.
    case directorAccept
    /// 1 → 4: the leader rejects.
    case leaderReject
    /// 1 or 2 → 4: a director rejects.
    case directorReject
    /// A draft is changed (no status change).
    case edit
    /// A supply or refund is deleted (status 0 or 4).
    case delete
    /// A comment is added (any status).
    case comment
}

/// A column a transition sets: `…_by` to the actor's id, `…_at` to now.
public enum ApprovalStamp: Sendable, CaseIterable {
    /// `completed_at`: the draft was submitted.
    case completedAt
    /// `leader_accepted_by` (the report's `grouper_accepted_by`).
    case leaderAcceptedBy
    /// `director_accepted_by`.
    case directorAcceptedBy
    /// `accepted_at`.
    case acceptedAt
    /// `leader_rejected_by`.
    case leaderRejectedBy
    /// `director_rejected_by`.
    case directorRejectedBy
    /// `rejected_at`.
    case rejectedAt
    /// Every expense of the supply or refund gets `accepted_at = now` (§7.2).
    case expensesAcceptedAt
    /// Every expense of the supply or refund gets `rejected_at = now` (§7.2).
    case expensesRejectedAt
}

/// The `status` of the comment that stores a confirm's or reject's `message` (§3.5, §3.8, §7.1).
public enum CommentStatus: String, Sendable, CaseIterable {
    /// A reviewer accepted.
    case good
    /// A reviewer rejected.
    case bad
    /// The creator submitted (and #44's default).
    case info
}
