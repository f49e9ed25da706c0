import MariaDB

/// The calendar and the report's expense totals over the worker's connection: one query each, whatever the
/// number of rows.
struct MariaDBReportsRepository: ReportsRepository {
    let connection: MariaDBConnection

    func schedule() throws -> [ScheduleItemRecord] {
        try connection.query("""
            SELECT ps.id, sq.quotation_id, ps.supplier_quotation_id, DATE_FORMAT(ps.payment_date, '%Y-%m-%d') AS payment_date,
                   ps.amount, ps.payment_method, ps.paid, p.id AS project_id, p.folio, p.name AS project_name,
                   p.description AS project_description, p.grouper_id, b.name AS brand_name,
                   COALESCE(b.picture_path, c.picture_path) AS brand_picture_path, c.name AS customer_name,
                   c.picture_path AS customer_picture_path
              FROM payment_schedules ps
              JOIN supplier_quotations sq ON sq.id = ps.supplier_quotation_id
              JOIN quotations q ON q.id = sq.quotation_id
              JOIN projects p ON p.id = q.project_id
              JOIN brands b ON b.id = p.brand_id
              JOIN customers c ON c.id = b.customer_id
             WHERE q.status <> 4
             ORDER BY ps.payment_date, q.id, ps.id
            """).map { row in
            let project = QuotationProjectRecord(
                id: try row.int("project_id"), folio: try row.string("folio"), name: try row.string("project_name"),
                description: try row.optionalString("project_description"), brandName: try row.string("brand_name"),
                brandPicturePath: try row.optionalString("brand_picture_path"), customerName: try row.string("customer_name"),
                customerPicturePath: try row.optionalString("customer_picture_path"), grouperID: try row.optionalInt("grouper_id"))
            return ScheduleItemRecord(
                id: try row.int("id"), quotationID: try row.int("quotation_id"),
                supplierQuotationID: try row.int("supplier_quotation_id"), project: project,
                date: try row.string("payment_date"), amount: Int64(try row.int("amount")),
                paymentMethod: try row.string("payment_method"), paid: try row.int("paid") != 0)
        }
    }

    func approvedExpenseTotals() throws -> [Int: ExpenseTotals] {
        // SUM of BIGINT is DECIMAL: cast back, so the totals are read as integers (ruling E10).
        var totals: [Int: ExpenseTotals] = [:]
        for row in try connection.query("""
            SELECT 'supply' AS kind, x.customer_id, CAST(SUM(e.cost_in_cents) AS SIGNED) AS total
              FROM supplies x JOIN expenses e ON e.supply_id = x.id
             WHERE x.status = 3 AND x.customer_id IS NOT NULL GROUP BY x.customer_id
            UNION ALL
            SELECT 'refund' AS kind, x.customer_id, CAST(SUM(e.cost_in_cents) AS SIGNED) AS total
              FROM refunds x JOIN expenses e ON e.refund_id = x.id
             WHERE x.status = 3 AND x.customer_id IS NOT NULL GROUP BY x.customer_id
            """) {
            let total = Int64(try row.int("total"))
            let customer = try row.int("customer_id")
            if try row.string("kind") == "supply" {
                totals[customer, default: ExpenseTotals()].supplies = total
            } else {
                totals[customer, default: ExpenseTotals()].refunds = total
            }
        }
        return totals
    }
}

extension EgresosPersistence {
    /// The calendar (#45) and the report's expense totals (#64).
    var reports: any ReportsRepository { MariaDBReportsRepository(connection: connection) }
}
