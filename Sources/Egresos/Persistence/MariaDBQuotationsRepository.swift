import MariaDB

/// Quotations, supplier quotations and payment schedules over the worker's connection (tables of
/// `0004_quotations.sql`; the users they name from `0001_users.sql`, deleted ones included, §1).
struct MariaDBQuotationsRepository: QuotationsReader {
    let connection: MariaDBConnection

    private static let select = """
        SELECT q.id, q.project_id, p.folio, p.name AS project_name, p.description AS project_description, p.grouper_id,
               b.name AS brand_name, COALESCE(b.picture_path, c.picture_path) AS brand_picture_path,
               c.name AS customer_name, c.picture_path AS customer_picture_path,
               q.location, q.cost_in_cents, DATE_FORMAT(q.billing_date, '%Y-%m-%d') AS billing_date, q.purchase_order,
               q.project_start_date, q.project_end_date, q.payment_conditions, q.priority, q.quotation_file_path,
               q.confirmation_file_path, q.created_by, q.status, q.completed_at, q.accepted_at, q.rejected_at,
               q.leader_accepted_by, q.leader_rejected_by, q.director_accepted_by, q.director_rejected_by
          FROM quotations q
          JOIN projects p ON p.id = q.project_id
          JOIN brands b ON b.id = p.brand_id
          JOIN customers c ON c.id = b.customer_id
        """

    private static let userColumns = ["created_by", "leader_accepted_by", "leader_rejected_by", "director_accepted_by",
                                      "director_rejected_by"]

    private func load(_ query: SQLQuery) throws -> [QuotationRecord] {
        let rows = try connection.query(query)
        var userIDs = Set<Int>()
        for row in rows {
            for column in Self.userColumns { if let id = try row.optionalInt(column) { userIDs.insert(id) } }
        }
        let users = try self.users(Array(userIDs))
        return try rows.map { row in
            func user(_ column: String) throws -> UserSummaryRecord? { try row.optionalInt(column).flatMap { users[$0] } }
            let project = QuotationProjectRecord(
                id: try row.int("project_id"), folio: try row.string("folio"), name: try row.string("project_name"),
                description: try row.optionalString("project_description"), brandName: try row.string("brand_name"),
                brandPicturePath: try row.optionalString("brand_picture_path"), customerName: try row.string("customer_name"),
                customerPicturePath: try row.optionalString("customer_picture_path"), grouperID: try row.optionalInt("grouper_id"))
            return QuotationRecord(
                id: try row.int("id"), project: project, location: try row.optionalString("location"),
                costInCents: Int64(try row.int("cost_in_cents")), billingDate: try row.string("billing_date"),
                purchaseOrder: try row.optionalString("purchase_order"),
                projectStartDate: try row.dateTime("project_start_date").unixMilliseconds,
                projectEndDate: try row.dateTime("project_end_date").unixMilliseconds,
                paymentConditions: try row.int("payment_conditions"), priority: try row.string("priority"),
                quotationFilePath: try row.optionalString("quotation_file_path"),
                confirmationFilePath: try row.optionalString("confirmation_file_path"),
                createdByID: try row.int("created_by"), createdBy: try user("created_by"), status: try row.int("status"),
                completedAt: try row.optionalDateTime("completed_at")?.unixMilliseconds,
                acceptedAt: try row.optionalDateTime("accepted_at")?.unixMilliseconds,
                rejectedAt: try row.optionalDateTime("rejected_at")?.unixMilliseconds,
                leaderAcceptedBy: try user("leader_accepted_by"), leaderRejectedBy: try user("leader_rejected_by"),
                directorAcceptedBy: try user("director_accepted_by"), directorRejectedBy: try user("director_rejected_by"))
        }
    }

    /// The summaries of `ids`, in one query.
    private func users(_ ids: [Int]) throws -> [Int: UserSummaryRecord] {
        guard !ids.isEmpty else { return [:] }
        var users: [Int: UserSummaryRecord] = [:]
        let query: SQLQuery = "\(unsafeRaw: MariaDBCustomersRepository.userSelect) WHERE id IN (\(list: ids.sorted()))"
        for row in try connection.query(query) {
            let user = try MariaDBCustomersRepository.user(row)
            users[user.id] = user
        }
        return users
    }

    func quotation(id: Int) throws -> QuotationRecord? {
        try load("\(unsafeRaw: Self.select) WHERE q.id = \(id)").first
    }

    func quotations(projectID: Int?, status: Int?) throws -> [QuotationRecord] {
        var query: SQLQuery = "\(unsafeRaw: Self.select) WHERE 1 = 1"
        if let projectID { query.append(" AND q.project_id = \(projectID)") }
        if let status { query.append(" AND q.status = \(status)") }
        query.append(" ORDER BY q.id")
        return try load(query)
    }

    private static let scheduleSelect = """
        SELECT id, supplier_quotation_id, amount, payment_method, DATE_FORMAT(payment_date, '%Y-%m-%d') AS payment_date,
               DATE_FORMAT(billing_date, '%Y-%m-%d') AS billing_date, DATE_FORMAT(paid_at, '%Y-%m-%d') AS paid_at, paid,
               billing_file_path,
               CONCAT(DATE_FORMAT(billing_uploaded_at, '%Y-%m-%dT%H:%i:%s.'),
                      LPAD(FLOOR(MICROSECOND(billing_uploaded_at) / 1000), 3, '0'), 'Z') AS billing_uploaded_at
          FROM payment_schedules
        """

    func supplierQuotations(quotationIDs: [Int]) throws -> [SupplierQuotationRecord] {
        guard !quotationIDs.isEmpty else { return [] }
        let rows = try connection.query("""
            SELECT sq.id, sq.quotation_id, sq.concept, sq.cost_in_cents, sq.comments, sq.quotation_file_path,
                   s.id AS supplier_id, s.company_name, s.payment_conditions, s.contact_name, s.email, s.phone,
                   s.business_activity, s.picture_path
              FROM supplier_quotations sq JOIN suppliers s ON s.id = sq.supplier_id
             WHERE sq.quotation_id IN (\(list: quotationIDs)) ORDER BY sq.id
            """)
        let ids = try rows.map { try $0.int("id") }
        var schedules: [Int: [PaymentScheduleRecord]] = [:]
        if !ids.isEmpty {
            let query: SQLQuery = """
                \(unsafeRaw: Self.scheduleSelect) WHERE supplier_quotation_id IN (\(list: ids))
                 ORDER BY supplier_quotation_id, position, id
                """
            for row in try connection.query(query) {
                let schedule = try Self.schedule(row)
                schedules[schedule.supplierQuotationID, default: []].append(schedule)
            }
        }
        return try rows.map { row in
            let supplier = SupplierRecord(
                id: try row.int("supplier_id"), companyName: try row.string("company_name"),
                paymentConditions: try row.int("payment_conditions"), contactName: try row.string("contact_name"),
                email: try row.string("email"), phone: try row.string("phone"),
                businessActivity: try row.string("business_activity"), picturePath: try row.optionalString("picture_path"))
            let id = try row.int("id")
            return SupplierQuotationRecord(
                id: id, quotationID: try row.int("quotation_id"), supplier: supplier, concept: try row.string("concept"),
                costInCents: Int64(try row.int("cost_in_cents")), comments: try row.optionalString("comments"),
                quotationFilePath: try row.optionalString("quotation_file_path"), schedule: schedules[id] ?? [])
        }
    }

    private static func schedule(_ row: SQLRow) throws -> PaymentScheduleRecord {
        PaymentScheduleRecord(
            id: try row.int("id"), supplierQuotationID: try row.int("supplier_quotation_id"),
            amount: Int64(try row.int("amount")), paymentMethod: try row.string("payment_method"),
            paymentDate: try row.string("payment_date"), billingDate: try row.optionalString("billing_date"),
            paidAt: try row.optionalString("paid_at"), paid: try row.int("paid") != 0,
            billingFilePath: try row.optionalString("billing_file_path"),
            billingUploadedAt: try row.optionalString("billing_uploaded_at"))
    }

    func statsInputs(quotationIDs: [Int]) throws -> [Int: QuotationStats.Inputs] {
        guard !quotationIDs.isEmpty else { return [:] }
        var inputs: [Int: QuotationStats.Inputs] = [:]
        for row in try connection.query("SELECT id, cost_in_cents FROM quotations WHERE id IN (\(list: quotationIDs))") {
            inputs[try row.int("id")] = QuotationStats.Inputs(quotationCost: Int64(try row.int("cost_in_cents")))
        }
        for row in try connection.query("""
            SELECT quotation_id, cost_in_cents FROM supplier_quotations WHERE quotation_id IN (\(list: quotationIDs)) ORDER BY id
            """) {
            inputs[try row.int("quotation_id")]?.supplierCosts.append(Int64(try row.int("cost_in_cents")))
        }
        // SUM of BIGINT is DECIMAL: cast back, so the sums are read as integers (ruling E10).
        for row in try connection.query("""
            SELECT sq.quotation_id, ps.payment_method, CAST(SUM(ps.amount) AS SIGNED) AS total
              FROM payment_schedules ps JOIN supplier_quotations sq ON sq.id = ps.supplier_quotation_id
             WHERE sq.quotation_id IN (\(list: quotationIDs))
             GROUP BY sq.quotation_id, ps.payment_method
            """) {
            try inputs[try row.int("quotation_id")]?.schedule.add(Int64(try row.int("total")),
                                                                  method: try row.string("payment_method"))
        }
        for row in try connection.query("""
            SELECT x.quotation_id, e.payment_method, CAST(SUM(e.cost_in_cents) AS SIGNED) AS total
              FROM expenses e JOIN supplies x ON x.id = e.supply_id
             WHERE x.quotation_id IN (\(list: quotationIDs)) AND x.status <> 4
             GROUP BY x.quotation_id, e.payment_method
            UNION ALL
            SELECT x.quotation_id, e.payment_method, CAST(SUM(e.cost_in_cents) AS SIGNED) AS total
              FROM expenses e JOIN refunds x ON x.id = e.refund_id
             WHERE x.quotation_id IN (\(list: quotationIDs)) AND x.status <> 4
             GROUP BY x.quotation_id, e.payment_method
            """) {
            try inputs[try row.int("quotation_id")]?.expenses.add(Int64(try row.int("total")),
                                                                  method: try row.string("payment_method"))
        }
        return inputs
    }
}

extension EgresosPersistence {
    /// Quotation reads (#33-#44, the calendar, the report).
    var quotationsReader: any QuotationsReader { MariaDBQuotationsRepository(connection: connection) }
}
