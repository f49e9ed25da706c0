import AppCore
import MariaDB

/// The supplier portal over the worker's connection (tables `suppliers`, `mail_outbox`; §3.4, §10.3, §12).
struct MariaDBSupplierPortalRepository: SupplierPortalRepository {
    let connection: MariaDBConnection

    func login(email: String) throws -> SupplierLogin? {
        guard let row = try connection.queryFirst("""
            SELECT id, company_name, contact_name, phone, email, business_activity, password_hash
              FROM suppliers WHERE email = \(email) ORDER BY id LIMIT 1
            """) else { return nil }
        return SupplierLogin(id: try row.int("id"), companyName: try row.string("company_name"),
                             contactName: try row.string("contact_name"), phone: try row.string("phone"),
                             email: try row.string("email"), businessActivity: try row.string("business_activity"),
                             passwordHash: try row.optionalString("password_hash"))
    }

    func tokenOwner(hash: String) throws -> (supplierID: Int, expiresAtMilliseconds: Int64)? {
        guard let row = try connection.queryFirst("""
            SELECT id, password_token_expires_at FROM suppliers WHERE password_token_hash = \(hash) LIMIT 1
            """), let expires = try row.optionalDateTime("password_token_expires_at") else { return nil }
        return (try row.int("id"), expires.unixMilliseconds)
    }

    func setPassword(supplierID id: Int, passwordHash: String, tokenHash: String, nowMilliseconds now: Int64) throws -> Bool {
        let result = try connection.execute("""
            UPDATE suppliers SET password_hash = \(passwordHash), password_changed_at = \(SQLDateTime(unixMilliseconds: now)),
                   password_token_hash = NULL, password_token_expires_at = NULL
             WHERE id = \(id) AND password_token_hash = \(tokenHash)
            """)
        return result.affectedRows == 1
    }

    func lastRecoveryMail(supplierID id: Int) throws -> Int64? {
        try connection.queryFirst("SELECT recovery_mailed_at FROM suppliers WHERE id = \(id) FOR UPDATE")?
            .optionalDateTime("recovery_mailed_at")?.unixMilliseconds
    }

    func issueRecovery(supplierID id: Int, email: String, settings: EgresosSettings, nowMilliseconds now: Int64) throws -> String {
        try connection.transaction {
            let token = try SupplierInvitation.storeToken(supplierID: id, settings: settings, nowMilliseconds: now, on: connection)
            try connection.execute("""
                UPDATE suppliers SET recovery_mailed_at = \(SQLDateTime(unixMilliseconds: now)) WHERE id = \(id)
                """)
            try MariaDBMailOutbox.enqueue(try PasswordTokens.recovery(to: email, token: token, settings: settings), on: connection)
            return token
        }
    }

    func transaction<T>(_ body: () throws -> T) throws -> T {
        try connection.transaction(body)
    }
}

/// Supplier invitations (#24, egresos.md §10.3, §12), for the staff side: call `issue` on the connection of
/// the transaction that creates the supplier, so the token and the mail commit (or roll back) with it.
public enum SupplierInvitation {
    /// Stores a new password token for supplier `supplierID` (replacing any older one, expiring
    /// `PASSWORD_TOKEN_TTL_HOURS` after `nowMilliseconds`) and enqueues the "establece tu contraseña" mail to
    /// `email` in the outbox, both on `connection` (in its running transaction). Returns the token.
    @discardableResult
    public static func issue(supplierID: Int, email: String, settings: EgresosSettings, nowMilliseconds: Int64,
                             on connection: MariaDBConnection) throws -> String {
        let token = try storeToken(supplierID: supplierID, settings: settings, nowMilliseconds: nowMilliseconds, on: connection)
        try MariaDBMailOutbox.enqueue(try PasswordTokens.invitation(to: email, token: token, settings: settings), on: connection)
        return token
    }

    static func storeToken(supplierID id: Int, settings: EgresosSettings, nowMilliseconds now: Int64,
                           on connection: MariaDBConnection) throws -> String {
        let token = PasswordTokens.generate()
        let expires = now + Int64(settings.passwordTokenHours) * 3_600_000
        try connection.execute("""
            UPDATE suppliers SET password_token_hash = \(PasswordTokens.hash(token)),
                   password_token_expires_at = \(SQLDateTime(unixMilliseconds: expires)) WHERE id = \(id)
            """)
        return token
    }
}

extension MariaDBSupplierPortalRepository: SupplierBillingRepository {
    func billing(supplierID: Int) throws -> BillingRecord? {
        guard let row = try connection.queryFirst("""
            SELECT id, name, contact_name, contact_phone, rfc, business_name, banking_institution, bank_account,
                   concept, account_status_file_path
              FROM billings WHERE supplier_id = \(supplierID) LIMIT 1
            """) else { return nil }
        return BillingRecord(id: try row.int("id"), name: try row.string("name"), contactName: try row.string("contact_name"),
                             contactPhone: try row.string("contact_phone"), rfc: try row.string("rfc"),
                             businessName: try row.string("business_name"),
                             bankingInstitution: try row.string("banking_institution"),
                             bankAccount: try row.string("bank_account"), concept: try row.string("concept"),
                             accountStatusFilePath: try row.optionalString("account_status_file_path"))
    }
}

extension MariaDBSupplierPortalRepository: SupplierBillingWriter {
    /// A second create racing the first past validation hits `uq_billings_supplier`: 409 `"409"`.
    func createBilling(supplierID: Int, _ fields: BillingChanges) throws -> Int {
        do {
            return try insertBilling(supplierID: supplierID, fields)
        } catch {
            guard error.kind == .duplicateKey else { throw error }
            throw EgresosError(code: "409")
        }
    }

    private func insertBilling(supplierID: Int, _ fields: BillingChanges) throws(MariaDBError) -> Int {
        try connection.execute("""
            INSERT INTO billings (supplier_id, name, contact_name, contact_phone, rfc, business_name,
                                  banking_institution, bank_account, concept)
            VALUES (\(supplierID), \(fields.name ?? ""), \(fields.contactName ?? ""), \(fields.contactPhone ?? ""),
                    \(fields.rfc ?? ""), \(fields.businessName ?? ""), \(fields.bankingInstitution ?? ""),
                    \(fields.bankAccount ?? ""), \(fields.concept ?? ""))
            """).lastInsertID
    }

    func updateBilling(id: Int, _ changes: BillingChanges) throws {
        let columns: [(String, String?)] = [
            ("name", changes.name), ("contact_name", changes.contactName), ("contact_phone", changes.contactPhone),
            ("rfc", changes.rfc), ("business_name", changes.businessName),
            ("banking_institution", changes.bankingInstitution), ("bank_account", changes.bankAccount),
            ("concept", changes.concept),
        ]
        guard let query = SQLQuery.update("billings", set: columns.map { ($0.0, $0.1?.sqlValue) },
                                          where: "id = \(id)") else { return }
        try connection.execute(query)
    }

    func setAccountStatusFile(billingID id: Int, path: String) throws {
        try connection.execute("UPDATE billings SET account_status_file_path = \(path) WHERE id = \(id)")
    }
}

extension MariaDBSupplierPortalRepository: SupplierBillsRepository {
    private static let billSelect = """
        SELECT ps.id, sq.concept, sq.cost_in_cents, p.name AS project, ps.payment_method, ps.amount,
               DATE_FORMAT(ps.billing_date, '%Y-%m-%d') AS billing_date, DATE_FORMAT(ps.payment_date, '%Y-%m-%d') AS payment_date,
               DATE_FORMAT(ps.paid_at, '%Y-%m-%d') AS paid_at, ps.paid, ps.billing_file_path,
               CONCAT(DATE_FORMAT(ps.billing_uploaded_at, '%Y-%m-%dT%H:%i:%s.'),
                      LPAD(FLOOR(MICROSECOND(ps.billing_uploaded_at) / 1000), 3, '0'), 'Z') AS billing_uploaded_at,
               q.id AS quotation_id, sq.id AS supplier_quotation_id, q.status AS quotation_status
          FROM payment_schedules ps
          JOIN supplier_quotations sq ON sq.id = ps.supplier_quotation_id
          JOIN quotations q ON q.id = sq.quotation_id
          JOIN projects p ON p.id = q.project_id
        """

    func bills(supplierID: Int) throws -> [BillRecord] {
        try connection.query(SQLQuery(unsafeSQL: Self.billSelect + " WHERE sq.supplier_id = ? AND q.status = 3 ORDER BY ps.payment_date, ps.id",
                                      binds: [.int(Int64(supplierID))])).map(Self.bill)
    }

    func bill(id: Int, supplierID: Int) throws -> BillRecord? {
        try connection.queryFirst(SQLQuery(unsafeSQL: Self.billSelect + " WHERE ps.id = ? AND sq.supplier_id = ?",
                                           binds: [.int(Int64(id)), .int(Int64(supplierID))])).map(Self.bill)
    }

    func recordUpload(id: Int, path: String, billingDate: String??, nowMilliseconds now: Int64) throws -> Bool {
        let at = SQLDateTime(unixMilliseconds: now)
        // The state check and the write are one statement, so a quotation rejected or a row paid meanwhile
        // (after the request's 423 pre-check) is never written.
        var query: SQLQuery = """
            UPDATE payment_schedules ps
              JOIN supplier_quotations sq ON sq.id = ps.supplier_quotation_id
              JOIN quotations q ON q.id = sq.quotation_id
               SET ps.billing_file_path = \(path), ps.billing_uploaded_at = \(at)
            """
        if let billingDate { query.append(", ps.billing_date = \(billingDate)") }
        query.append(" WHERE ps.id = \(id) AND ps.paid = 0 AND q.status = 3")
        return try connection.execute(query).affectedRows == 1
    }

    private static func bill(_ row: SQLRow) throws -> BillRecord {
        BillRecord(id: try row.int("id"), concept: try row.string("concept"), costInCents: Int64(try row.int("cost_in_cents")),
                   project: try row.string("project"), paymentMethod: try row.string("payment_method"),
                   amount: Int64(try row.int("amount")), billingDate: try row.optionalString("billing_date"),
                   paymentDate: try row.string("payment_date"), paidAt: try row.optionalString("paid_at"),
                   paid: try row.int("paid") != 0, billingFilePath: try row.optionalString("billing_file_path"),
                   billingUploadedAt: try row.optionalString("billing_uploaded_at"),
                   quotationID: try row.int("quotation_id"), supplierQuotationID: try row.int("supplier_quotation_id"),
                   quotationStatus: try row.int("quotation_status"))
    }
}

extension EgresosPersistence {
    /// The portal's bills.
    var supplierBills: any SupplierBillsRepository { MariaDBSupplierPortalRepository(connection: connection) }

    /// The supplier portal's billing writes.
    var supplierBillingWriter: any SupplierBillingWriter { MariaDBSupplierPortalRepository(connection: connection) }

    /// The supplier portal's billing.
    var supplierBilling: any SupplierBillingRepository { MariaDBSupplierPortalRepository(connection: connection) }

    /// The supplier portal.
    var supplierPortal: any SupplierPortalRepository { MariaDBSupplierPortalRepository(connection: connection) }
}
