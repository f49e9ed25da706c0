import AppCore
import MariaDB

/// Confirm and reject over the worker's connection (tables `quotations`, `supplies`, `refunds`, `expenses`,
/// `comments`, `notifications`, `mail_outbox`). The three item tables have the same status and stamp columns, so
/// one statement per write serves all three; the table and reference column come from `ApprovalItem`, never from
/// input.
struct MariaDBApprovalRepository: ApprovalRepository {
    let connection: MariaDBConnection

    func lock(_ item: ApprovalItem, id: Int) throws -> ApprovalSubject? {
        // Only the item's row is locked; the facts around it are read without locks.
        guard let row = try connection.queryFirst("""
            SELECT status, created_by, project_id FROM \(ident: item.table) WHERE id = \(id) FOR UPDATE
            """) else { return nil }
        guard let status = ApprovalStatus(rawValue: try row.int("status")) else { throw EgresosError.internalError }
        let creator = try row.int("created_by")
        let facts = try connection.queryFirst("""
            SELECT (SELECT role FROM users WHERE id = \(creator)) AS creator_role,
                   (SELECT u.id FROM projects p JOIN users u ON u.id = p.grouper_id AND u.deleted_at IS NULL
                     WHERE p.id = \(try row.optionalInt("project_id"))) AS leader_id
            """)
        return ApprovalSubject(status: status, creator: creator,
                               creatorIsAdmin: try facts?.optionalString("creator_role") == StaffRole.admin.rawValue,
                               leader: try facts?.optionalInt("leader_id"))
    }

    func directors() throws -> [Int] {
        try connection.query("SELECT id FROM users WHERE role = 'admin' AND deleted_at IS NULL ORDER BY id").map { try $0.int("id") }
    }

    func contacts(_ ids: [Int]) throws -> [StaffContact] {
        guard !ids.isEmpty else { return [] }
        return try connection.query("SELECT id, email FROM users WHERE id IN (\(list: ids)) ORDER BY id").map {
            StaffContact(id: try $0.int("id"), email: try $0.string("email"))
        }
    }

    func apply(_ transition: ApprovalTransition, id: Int, actor: Int, message: String?, nowMilliseconds: Int64) throws {
        let now = SQLDateTime(unixMilliseconds: nowMilliseconds)
        let item = transition.item
        var sets: SQLQuery = "status = \(transition.to.rawValue)"
        for stamp in transition.stamps {
            switch stamp {
            case .completedAt: sets.append(", completed_at = \(now)")
            case .acceptedAt: sets.append(", accepted_at = \(now)")
            case .rejectedAt: sets.append(", rejected_at = \(now)")
            case .leaderAcceptedBy: sets.append(", leader_accepted_by = \(actor)")
            case .leaderRejectedBy: sets.append(", leader_rejected_by = \(actor)")
            case .directorAcceptedBy: sets.append(", director_accepted_by = \(actor)")
            case .directorRejectedBy: sets.append(", director_rejected_by = \(actor)")
            case .expensesAcceptedAt:
                try connection.execute("UPDATE expenses SET accepted_at = \(now) WHERE \(ident: item.reference) = \(id)")
            case .expensesRejectedAt:
                try connection.execute("UPDATE expenses SET rejected_at = \(now) WHERE \(ident: item.reference) = \(id)")
            }
        }
        try connection.execute("UPDATE \(ident: item.table) SET \(fragment: sets) WHERE id = \(id)")
        if let message, let status = transition.comment {
            try connection.execute("""
                INSERT INTO comments (\(ident: item.reference), user_id, status, message, created_at)
                VALUES (\(id), \(actor), \(status.rawValue), \(message), \(now))
                """)
        }
    }

    func notify(_ writes: [NotificationWrite], id: Int, from actor: Int, nowMilliseconds: Int64) throws {
        let now = SQLDateTime(unixMilliseconds: nowMilliseconds)
        for write in writes {
            let mailID = try write.mail.map { try MariaDBMailOutbox.enqueue($0, on: connection) }
            let row = write.notification
            try connection.execute("""
                INSERT INTO notifications (`to`, `from`, type_of, status, \(ident: row.item.reference), message, mail_outbox_id,
                                           created_at)
                VALUES (\(row.to), \(actor), \(row.item.rawValue), \(row.status.rawValue), \(id), \(row.message), \(mailID),
                        \(now))
                """)
        }
    }
}

extension ApprovalItem {
    /// The item's table (§4).
    var table: String {
        switch self {
        case .quotation: "quotations"
        case .supply: "supplies"
        case .refund: "refunds"
        }
    }

    /// The column that references the item from `comments`, `expenses` and `notifications`.
    var reference: String { rawValue + "_id" }
}

extension EgresosPersistence {
    /// Confirm and reject of quotations, supplies and refunds.
    var approvals: any ApprovalRepository { MariaDBApprovalRepository(connection: connection) }
}
