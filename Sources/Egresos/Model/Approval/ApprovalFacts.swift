/// Who the item's leader is, seen from its creator.
public enum LeaderRelation: Sendable, Hashable {
    /// The project has no grouper (or the item no project).
    case none
    /// The creator is the project's grouper.
    case creator
    /// Someone other than the creator is the project's grouper.
    case other
}

/// What a draft's destination depends on (egresos.md §7.1, "set when" of statuses 1 and 2): the creator's
/// role and the leader.
public struct ApprovalFacts: Sendable, Hashable {
    /// Whether the creator is an admin (a director).
    public let creatorIsAdmin: Bool
    /// The leader, relative to the creator.
    public let leader: LeaderRelation

    /// Where a submitted draft goes, whoever submits it (E9: an admin confirming someone else's draft sends it
    /// where the creator's confirm would): to the leader when one exists who is not the creator and the
    /// creator is not an admin, else to the directors.
    public var submitsTo: ApprovalStatus {
        leader == .other && !creatorIsAdmin ? .leaderReview : .directorsReview
    }
}
