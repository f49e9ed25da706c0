import MariaDB

/// Suppliers (`0003_suppliers.sql`) and payment schedules (`0004_quotations.sql`) over the worker's connection.
struct MariaDBSuppliersRepository: SuppliersRepository {
    let connection: MariaDBConnection

    /// Runs a write; a unique key refusal (a request that raced another past validation) becomes the 409
    /// `4093` field error the validator would have given.
    private func guarded<T>(_ fields: SupplierFields, _ body: () throws(MariaDBError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            guard error.kind == .duplicateKey else { throw error }
            let onEmail = error.message.contains("email")
            let (name, text) = onEmail ? ("email", fields.email) : ("company_name", fields.companyName)
            throw EgresosValidationError(failures: [ValidationFailure(field: name, code: 4093,
                                                                      values: ["thing": name, "value": text])])
        }
    }

    private static let select = """
        SELECT id, company_name, payment_conditions, contact_name, email, phone, business_activity, picture_path
          FROM suppliers
        """

    private static func supplier(_ row: SQLRow) throws -> SupplierRecord {
        SupplierRecord(id: try row.int("id"), companyName: try row.string("company_name"),
                       paymentConditions: try row.int("payment_conditions"), contactName: try row.string("contact_name"),
                       email: try row.string("email"), phone: try row.string("phone"),
                       businessActivity: try row.string("business_activity"),
                       picturePath: try row.optionalString("picture_path"))
    }

    func suppliers(contactName: String?, businessActivity: String?) throws -> [SupplierRecord] {
        // LOCATE under the tables' _ci collation: a case-insensitive substring without LIKE's wildcards.
        var conditions: [String] = []
        var binds: [SQLValue] = []
        if let contactName { conditions.append("LOCATE(?, contact_name) > 0"); binds.append(.text(contactName)) }
        if let businessActivity { conditions.append("LOCATE(?, business_activity) > 0"); binds.append(.text(businessActivity)) }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return try connection.query(SQLQuery(unsafeSQL: Self.select + filter + " ORDER BY id", binds: binds))
            .map(Self.supplier)
    }

    func supplier(id: Int) throws -> SupplierRecord? {
        try connection.queryFirst(SQLQuery(unsafeSQL: Self.select + " WHERE id = ?", binds: [.int(Int64(id))]))
            .map(Self.supplier)
    }

    func invite(supplierID id: Int, email: String, settings: EgresosSettings, nowMilliseconds: Int64) throws {
        try SupplierInvitation.issue(supplierID: id, email: email, settings: settings, nowMilliseconds: nowMilliseconds,
                                     on: connection)
    }

    func createSupplier(_ fields: SupplierFields) throws -> Int {
        let days = fields.paymentConditions ?? 0
        return try guarded(fields) { () throws(MariaDBError) in try connection.execute("""
            INSERT INTO suppliers (company_name, contact_name, email, phone, business_activity, payment_conditions,
                                   picture_path)
            VALUES (\(fields.companyName), \(fields.contactName), \(fields.email), \(fields.phone),
                    \(fields.businessActivity), \(days), \(fields.picturePath))
            """).lastInsertID }
    }

    func updateSupplier(id: Int, _ fields: SupplierFields, nowMilliseconds now: Int64) throws {
        var sets = ["company_name = ?", "contact_name = ?", "phone = ?", "business_activity = ?",
                    "password_changed_at = IF(email = ?, password_changed_at, ?)", "email = ?"]
        var binds: [SQLValue] = [.text(fields.companyName), .text(fields.contactName), .text(fields.phone),
                                 .text(fields.businessActivity), .text(fields.email),
                                 .dateTime(SQLDateTime(unixMilliseconds: now)), .text(fields.email)]
        if let days = fields.paymentConditions { sets.append("payment_conditions = ?"); binds.append(.int(Int64(days))) }
        if let path = fields.picturePath { sets.append("picture_path = ?"); binds.append(.text(path)) }
        let query = SQLQuery(unsafeSQL: "UPDATE suppliers SET " + sets.joined(separator: ", ") + " WHERE id = ?",
                             binds: binds + [.int(Int64(id))])
        _ = try guarded(fields) { () throws(MariaDBError) in try connection.execute(query) }
    }

    func paymentSchedule(id: Int) throws -> PaymentScheduleState? {
        try connection.queryFirst("""
            SELECT ps.id, ps.paid, q.status
              FROM payment_schedules ps
              JOIN supplier_quotations sq ON sq.id = ps.supplier_quotation_id
              JOIN quotations q ON q.id = sq.quotation_id
             WHERE ps.id = \(id)
               FOR UPDATE
            """).map { row in
            PaymentScheduleState(id: try row.int("id"), paid: try row.int("paid") != 0, quotationStatus: try row.int("status"))
        }
    }

    func markPaid(id: Int, on date: String) throws {
        _ = try connection.execute("UPDATE payment_schedules SET paid = 1, paid_at = \(date) WHERE id = \(id) AND paid = 0")
    }
}

extension EgresosPersistence {
    var suppliers: any SuppliersRepository { MariaDBSuppliersRepository(connection: connection) }
}
