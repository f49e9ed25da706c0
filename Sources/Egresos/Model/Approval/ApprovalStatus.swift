/// The `status` of a quotation, supply or refund (egresos.md §7.1; §7.2 uses the same numbers).
public enum ApprovalStatus: Int, Sendable, CaseIterable {
    /// 0, "en captura": editable.
    case draft = 0
    /// 1: sent to the leader (the project's grouper) for review.
    case leaderReview = 1
    /// 2: sent to the directors (active admins) for review.
    case directorsReview = 2
    /// 3: approved (`approved: true`, `accepted_at`).
    case approved = 3
    /// 4: rejected (`rejected: true`, `rejected_at`). Terminal (§13 decision 43).
    case rejected = 4
}
