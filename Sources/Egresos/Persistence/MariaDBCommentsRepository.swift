import MariaDB

/// `comments` (`0006_comments_notifications.sql`) over the worker's connection: threads read in two queries
/// (the comments, then their authors), whatever the number of parents; each thread oldest first by `seq`, the
/// order its transactions wrote it (0015), not by ids that Galera nodes interleave.
struct MariaDBCommentsRepository: CommentsRepository {
    let connection: MariaDBConnection

    func comments(of parent: CommentParent, ids: [Int]) throws -> [Int: [CommentRecord]] {
        var threads = Dictionary(uniqueKeysWithValues: ids.map { ($0, [CommentRecord]()) })
        guard !ids.isEmpty else { return threads }
        let rows = try connection.query("""
            SELECT id, \(ident: parent.column) AS parent_id, user_id, status, message, created_at
              FROM comments WHERE \(ident: parent.column) IN (\(list: ids)) ORDER BY seq, id
            """)
        var authors: [Int] = []
        var read: [(parent: Int, author: Int, comment: CommentRecord)] = []
        for row in rows {
            let author = try row.int("user_id")
            authors.append(author)
            read.append((try row.int("parent_id"), author,
                         CommentRecord(id: try row.int("id"), status: try row.string("status"), message: try row.string("message"),
                                       user: nil, createdAt: try row.dateTime("created_at").unixMilliseconds)))
        }
        let users = try UserSummaries.load(authors, on: connection)
        for (parentID, author, var comment) in read {
            comment.user = users[author]
            threads[parentID, default: []].append(comment)
        }
        return threads
    }

    func addComment(to parent: CommentParent, id: Int, userID: Int, status: CommentStatus, message: String) throws {
        _ = try connection.execute("""
            INSERT INTO comments (\(ident: parent.column), user_id, status, message)
            VALUES (\(id), \(userID), \(status.rawValue), \(message))
            """)
    }
}

extension EgresosPersistence {
    /// Comment threads.
    var comments: any CommentsRepository { MariaDBCommentsRepository(connection: connection) }
}
