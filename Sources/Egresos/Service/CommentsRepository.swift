/// A comment (egresos.md §5 item 13): the `message` of a confirm or reject (#39/#41, #52/#53, #60/#61) or of
/// #44, with its author.
struct CommentRecord: Sendable, Equatable {
    var id: Int
    /// `good`, `bad` or `info`.
    var status: String
    var message: String
    /// The author (a deleted user still renders; nil only if the row is gone).
    var user: UserSummaryRecord?
    /// `created_at`, UTC milliseconds.
    var createdAt: Int64
}

/// The comment threads of quotations, supplier quotations, supplies and refunds (§4 `comments`), oldest first.
/// Writes run inside the caller's transaction.
protocol CommentsRepository {
    /// The thread of each of `ids` (every id is a key, with an empty thread when it has none), in id order.
    func comments(of parent: CommentParent, ids: [Int]) throws -> [Int: [CommentRecord]]
    /// Adds a comment by `userID` to `parent` row `id`.
    func addComment(to parent: CommentParent, id: Int, userID: Int, status: CommentStatus, message: String) throws
}

extension CommentsRepository {
    /// The thread of one row.
    func comments(of parent: CommentParent, id: Int) throws -> [CommentRecord] {
        try comments(of: parent, ids: [id])[id] ?? []
    }
}
