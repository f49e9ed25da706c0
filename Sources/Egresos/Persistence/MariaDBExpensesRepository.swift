import MariaDB

/// Reading `expenses` (`0005_supplies_refunds.sql`) over the worker's connection.
struct MariaDBExpensesRepository: ExpensesRepository {
    let connection: MariaDBConnection

    static let columns = """
        e.id, e.supply_id, e.refund_id, e.supplier_id, e.concept, e.comments, e.cost_in_cents, e.payment_method,
        e.voucher_file_path, e.accepted_at, e.rejected_at
        """

    static func expense(_ row: SQLRow) throws -> ExpenseRecord {
        let supply = try row.optionalInt("supply_id")
        return ExpenseRecord(id: try row.int("id"), kind: supply == nil ? .refund : .supply,
                             parentID: try supply ?? row.int("refund_id"), supplierID: try row.int("supplier_id"),
                             concept: try row.string("concept"), comments: try row.optionalString("comments"),
                             costInCents: Int64(try row.int("cost_in_cents")), paymentMethod: try row.string("payment_method"),
                             voucherFilePath: try row.optionalString("voucher_file_path"),
                             acceptedAt: try row.optionalDateTime("accepted_at")?.unixMilliseconds,
                             rejectedAt: try row.optionalDateTime("rejected_at")?.unixMilliseconds)
    }

    func expenses(of kind: SpendingKind, ids: [Int]) throws -> [Int: [ExpenseRecord]] {
        var lists = Dictionary(uniqueKeysWithValues: ids.map { ($0, [ExpenseRecord]()) })
        guard !ids.isEmpty else { return lists }
        for row in try connection.query("""
            SELECT \(unsafeRaw: Self.columns) FROM expenses e WHERE \(ident: kind.idColumn) IN (\(list: ids)) ORDER BY e.id
            """) {
            let expense = try Self.expense(row)
            lists[expense.parentID, default: []].append(expense)
        }
        return lists
    }

    func expenses(linkedToQuotation id: Int) throws -> [ExpenseRecord] {
        // One branch per kind, so each uses its (quotation_id, status) index.
        try connection.query("""
            SELECT \(unsafeRaw: Self.columns) FROM expenses e JOIN supplies x ON x.id = e.supply_id
             WHERE x.quotation_id = \(id) AND x.status <> 4
            UNION ALL
            SELECT \(unsafeRaw: Self.columns) FROM expenses e JOIN refunds x ON x.id = e.refund_id
             WHERE x.quotation_id = \(id) AND x.status <> 4
            ORDER BY id
            """).map(Self.expense)
    }
}

extension EgresosPersistence {
    /// Expenses of supplies and refunds.
    var expenses: any ExpensesRepository { MariaDBExpensesRepository(connection: connection) }
}
