import MariaDB

/// `supplies`, `refunds` and `expenses` (`0005_supplies_refunds.sql`) over the worker's connection. The kind names
/// the table and the expenses' id column; both are fixed identifiers of `SpendingKind`, never input.
struct MariaDBSpendingRepository: SpendingRepository {
    let connection: MariaDBConnection

    func spendings(_ kind: SpendingKind, ids: [Int]?) throws -> [SpendingRecord] {
        var query: SQLQuery = """
            SELECT x.id, x.status, x.customer_id, x.brand_id, x.project_id, x.quotation_id, x.created_by,
                   x.leader_accepted_by, x.leader_rejected_by, x.director_accepted_by, x.director_rejected_by,
                   x.completed_at, x.accepted_at, x.rejected_at,
                   c.name AS customer_name, b.name AS brand_name, p.name AS project_name
              FROM \(ident: kind.table) x
              LEFT JOIN customers c ON c.id = x.customer_id
              LEFT JOIN brands b ON b.id = x.brand_id
              LEFT JOIN projects p ON p.id = x.project_id
            """
        if let ids { query.append(" WHERE x.id IN (\(list: ids))") }
        query.append(" ORDER BY x.id")
        let rows = try connection.query(query)
        let people = ["created_by", "leader_accepted_by", "leader_rejected_by", "director_accepted_by", "director_rejected_by"]
        var userIDs: [Int] = []
        for row in rows { for column in people { if let id = try row.optionalInt(column) { userIDs.append(id) } } }
        let users = try UserSummaries.load(userIDs, on: connection)
        let found = try rows.map { try $0.int("id") }
        let expenses = try MariaDBExpensesRepository(connection: connection).expenses(of: kind, ids: found)
        let comments = try MariaDBCommentsRepository(connection: connection).comments(of: kind.commentParent, ids: found)
        return try rows.map { row in
            let id = try row.int("id")
            func user(_ column: String) throws -> UserSummaryRecord? { try row.optionalInt(column).flatMap { users[$0] } }
            return SpendingRecord(
                id: id, kind: kind, status: try row.int("status"),
                context: try Self.context(row),
                customerName: try row.optionalString("customer_name"), brandName: try row.optionalString("brand_name"),
                projectName: try row.optionalString("project_name"), createdBy: try user("created_by"),
                leaderAcceptedBy: try user("leader_accepted_by"), leaderRejectedBy: try user("leader_rejected_by"),
                directorAcceptedBy: try user("director_accepted_by"), directorRejectedBy: try user("director_rejected_by"),
                completedAt: try row.optionalDateTime("completed_at")?.unixMilliseconds,
                acceptedAt: try row.optionalDateTime("accepted_at")?.unixMilliseconds,
                rejectedAt: try row.optionalDateTime("rejected_at")?.unixMilliseconds,
                expenses: expenses[id] ?? [], comments: comments[id] ?? [])
        }
    }

    func state(_ kind: SpendingKind, id: Int) throws -> SpendingState? {
        try connection.queryFirst("""
            SELECT x.id, x.status, x.created_by, p.grouper_id, x.customer_id, x.brand_id, x.project_id, x.quotation_id
              FROM \(ident: kind.table) x LEFT JOIN projects p ON p.id = x.project_id
             WHERE x.id = \(id)
               FOR UPDATE
            """).map { row in
            SpendingState(id: try row.int("id"), status: try row.int("status"), createdBy: try row.int("created_by"),
                          leaderID: try row.optionalInt("grouper_id"), context: try Self.context(row))
        }
    }

    func context(of reference: SpendingContext.Reference) throws -> SpendingContext {
        let query: SQLQuery
        switch reference {
        case .quotation(let id):
            query = """
                SELECT b.customer_id, p.brand_id, q.project_id, q.id AS quotation_id
                  FROM quotations q JOIN projects p ON p.id = q.project_id JOIN brands b ON b.id = p.brand_id
                 WHERE q.id = \(id)
                """
        case .project(let id):
            query = """
                SELECT b.customer_id, p.brand_id, p.id AS project_id, NULL AS quotation_id
                  FROM projects p JOIN brands b ON b.id = p.brand_id WHERE p.id = \(id)
                """
        case .brand(let id):
            query = "SELECT customer_id, id AS brand_id, NULL AS project_id, NULL AS quotation_id FROM brands WHERE id = \(id)"
        case .customer(let id):
            return SpendingContext(customerID: id)
        }
        return try connection.queryFirst(query).map(Self.context) ?? .none
    }

    /// The four context columns of a row.
    private static func context(_ row: SQLRow) throws -> SpendingContext {
        SpendingContext(customerID: try row.optionalInt("customer_id"), brandID: try row.optionalInt("brand_id"),
                        projectID: try row.optionalInt("project_id"), quotationID: try row.optionalInt("quotation_id"))
    }

    func create(_ kind: SpendingKind, createdBy userID: Int, context: SpendingContext) throws -> Int {
        try connection.execute("""
            INSERT INTO \(ident: kind.table) (created_by, customer_id, brand_id, project_id, quotation_id)
            VALUES (\(userID), \(context.customerID), \(context.brandID), \(context.projectID), \(context.quotationID))
            """).lastInsertID
    }

    func setContext(_ kind: SpendingKind, id: Int, _ context: SpendingContext) throws {
        _ = try connection.execute("""
            UPDATE \(ident: kind.table)
               SET customer_id = \(context.customerID), brand_id = \(context.brandID), project_id = \(context.projectID),
                   quotation_id = \(context.quotationID)
             WHERE id = \(id)
            """)
    }

    func total(_ kind: SpendingKind, id: Int, excluding expenseID: Int?) throws -> Int64? {
        let rows = try connection.query("""
            SELECT cost_in_cents FROM expenses WHERE \(ident: kind.idColumn) = \(id) AND id <> \(expenseID ?? 0)
            """)
        var total: Int64 = 0
        for row in rows {
            let (sum, overflow) = total.addingReportingOverflow(Int64(try row.int("cost_in_cents")))
            if overflow { return nil }
            total = sum
        }
        return total
    }

    func addExpense(_ kind: SpendingKind, parentID: Int, _ fields: ExpenseFields) throws -> Int {
        let concept = fields.concept ?? ""
        let id = try connection.execute("""
            INSERT INTO expenses (\(ident: kind.idColumn), supplier_id, concept, comments, cost_in_cents, payment_method)
            VALUES (\(parentID), \(fields.supplierID ?? 0), \(concept), \(fields.comments ?? ""), \(fields.costInCents ?? 0),
                    \(fields.paymentMethod ?? "cash"))
            """).lastInsertID
        try ConceptCatalogue.record(concept, on: connection)
        return id
    }

    func updateExpense(id: Int, _ fields: ExpenseFields) throws {
        guard let query = SQLQuery.update("expenses", set: [
            ("supplier_id", fields.supplierID?.sqlValue), ("concept", fields.concept?.sqlValue),
            ("comments", fields.comments?.sqlValue), ("cost_in_cents", fields.costInCents?.sqlValue),
            ("payment_method", fields.paymentMethod?.sqlValue),
        ], where: "id = \(id)") else { return }
        _ = try connection.execute(query)
        if let concept = fields.concept { try ConceptCatalogue.record(concept, on: connection) }
    }

    func voucherPath(expenseID id: Int) throws -> String? {
        try connection.queryFirst("SELECT voucher_file_path FROM expenses WHERE id = \(id)")?.optionalString("voucher_file_path")
    }

    func setVoucher(expenseID id: Int, path: String) throws {
        _ = try connection.execute("UPDATE expenses SET voucher_file_path = \(path) WHERE id = \(id)")
    }

    func deleteExpense(id: Int) throws -> String? {
        let path = try voucherPath(expenseID: id)
        _ = try connection.execute("DELETE FROM expenses WHERE id = \(id)")
        return path
    }

    func delete(_ kind: SpendingKind, id: Int) throws -> [String] {
        let paths = try connection.query("""
            SELECT voucher_file_path FROM expenses WHERE \(ident: kind.idColumn) = \(id) AND voucher_file_path IS NOT NULL
            """).map { try $0.string("voucher_file_path") }
        // expenses and comments go with it (ON DELETE CASCADE); notifications keep their row (ON DELETE SET NULL).
        _ = try connection.execute("DELETE FROM \(ident: kind.table) WHERE id = \(id)")
        return paths
    }
}

extension EgresosPersistence {
    /// Supplies and refunds.
    var spending: any SpendingRepository { MariaDBSpendingRepository(connection: connection) }
}
