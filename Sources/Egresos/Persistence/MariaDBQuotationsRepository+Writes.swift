import MariaDB

extension MariaDBQuotationsRepository: QuotationsWriter {
    func lockQuotation(id: Int) throws -> (status: Int, createdBy: Int)? {
        guard let row = try connection.queryFirst("SELECT status, created_by FROM quotations WHERE id = \(id) FOR UPDATE") else {
            return nil
        }
        return (try row.int("status"), try row.int("created_by"))
    }

    func createQuotation(_ quotation: NewQuotation) throws -> Int {
        // Dates arrive as YYYY-MM-DD and are stored as UTC midnight; a missing payment_conditions takes the
        // customer's (§3.5 #33).
        try connection.execute("""
            INSERT INTO quotations (project_id, created_by, location, payment_conditions, billing_date, purchase_order,
                                    project_start_date, project_end_date, cost_in_cents)
            SELECT p.id, \(quotation.createdBy), \(quotation.location), COALESCE(\(quotation.paymentConditions), c.payment_conditions),
                   \(quotation.billingDate), \(quotation.purchaseOrder), \(quotation.projectStartDate), \(quotation.projectEndDate),
                   \(quotation.costInCents)
              FROM projects p JOIN brands b ON b.id = p.brand_id JOIN customers c ON c.id = b.customer_id
             WHERE p.id = \(quotation.projectID)
            """).lastInsertID
    }

    func updateQuotation(id: Int, _ changes: QuotationChanges) throws {
        guard let query = SQLQuery.update("quotations", set: [
            ("project_id", changes.projectID?.sqlValue), ("location", changes.location?.sqlValue),
            ("billing_date", changes.billingDate?.sqlValue), ("purchase_order", changes.purchaseOrder?.sqlValue),
            ("payment_conditions", changes.paymentConditions?.sqlValue),
            ("project_start_date", changes.projectStartDate?.sqlValue), ("project_end_date", changes.projectEndDate?.sqlValue),
            ("cost_in_cents", changes.costInCents?.sqlValue), ("priority", changes.priority?.sqlValue),
            ("quotation_file_path", changes.quotationFilePath?.sqlValue),
            ("confirmation_file_path", changes.confirmationFilePath?.sqlValue),
        ], where: "id = \(id)") else { return }
        _ = try connection.execute(query)
    }

    func createSupplierQuotation(quotationID: Int, _ fields: SupplierQuotationChanges) throws -> Int {
        let id = try connection.execute("""
            INSERT INTO supplier_quotations (quotation_id, supplier_id, concept, cost_in_cents, comments, quotation_file_path)
            VALUES (\(quotationID), \(fields.supplierID ?? 0), \(fields.concept ?? ""), \(fields.costInCents ?? 0),
                    \(fields.comments), \(fields.quotationFilePath))
            """).lastInsertID
        try ConceptCatalogue.record(fields.concept ?? "", on: connection)
        return id
    }

    func updateSupplierQuotation(id: Int, _ changes: SupplierQuotationChanges) throws {
        if let query = SQLQuery.update("supplier_quotations", set: [
            ("supplier_id", changes.supplierID?.sqlValue), ("concept", changes.concept?.sqlValue),
            ("cost_in_cents", changes.costInCents?.sqlValue), ("comments", changes.comments?.sqlValue),
            ("quotation_file_path", changes.quotationFilePath?.sqlValue),
        ], where: "id = \(id)") {
            _ = try connection.execute(query)
        }
        if let concept = changes.concept { try ConceptCatalogue.record(concept, on: connection) }
    }

    func replaceSchedule(supplierQuotationID id: Int, _ entries: [ScheduleEntry]) throws {
        _ = try connection.execute("DELETE FROM payment_schedules WHERE supplier_quotation_id = \(id)")
        for (position, entry) in entries.enumerated() {
            _ = try connection.execute("""
                INSERT INTO payment_schedules (supplier_quotation_id, position, amount, payment_method, payment_date, billing_date)
                VALUES (\(id), \(position), \(entry.amount), \(entry.paymentMethod), \(entry.paymentDate), \(entry.billingDate))
                """)
        }
    }

    func setScheduleAmounts(supplierQuotationID id: Int, _ amounts: [Int64]) throws {
        let rows = try connection.query("SELECT id FROM payment_schedules WHERE supplier_quotation_id = \(id) ORDER BY position, id")
        for (row, amount) in zip(rows, amounts) {
            _ = try connection.execute("UPDATE payment_schedules SET amount = \(amount) WHERE id = \(try row.int("id"))")
        }
    }

    func deleteSupplierQuotation(id: Int) throws -> [String] {
        // Its stored files go with it (ruling E8): its quotation file and any bill of its schedule rows.
        let files = try connection.query("""
            SELECT quotation_file_path AS path FROM supplier_quotations WHERE id = \(id) AND quotation_file_path IS NOT NULL
            UNION ALL
            SELECT billing_file_path FROM payment_schedules WHERE supplier_quotation_id = \(id) AND billing_file_path IS NOT NULL
            """).map { try $0.string("path") }
        _ = try connection.execute("DELETE FROM supplier_quotations WHERE id = \(id)")
        return files
    }
}

extension EgresosPersistence {
    /// Quotation writes (#33-#37).
    var quotationsWriter: any QuotationsWriter { MariaDBQuotationsRepository(connection: connection) }
}
