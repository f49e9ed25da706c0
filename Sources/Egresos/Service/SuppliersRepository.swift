/// A supplier row (egresos.md §5 item 6).
struct SupplierRecord: Sendable, Equatable {
    var id: Int
    var companyName: String
    var paymentConditions: Int
    var contactName: String
    var email: String
    var phone: String
    var businessActivity: String
    var picturePath: String?
}

/// The fields #24 creates and #25 replaces (§3.3). `paymentConditions` nil keeps the stored value (#25) or
/// takes the default 0 (#24); `picturePath` nil keeps the stored picture.
struct SupplierFields: Sendable {
    var companyName: String
    var contactName: String
    var paymentConditions: Int?
    var phone: String
    var email: String
    var businessActivity: String
    var picturePath: String?
}

/// What EXT-7 needs to know about a payment schedule row (§3.9, §7.3).
struct PaymentScheduleState: Sendable, Equatable {
    var id: Int
    var paid: Bool
    /// The status of the quotation the row belongs to (§7.1; 3 = approved).
    var quotationStatus: Int
}

/// Suppliers on the staff side (§3.3) and EXT-7's payment mark. Writes run inside the caller's transaction
/// (`EgresosPersistence.transaction`).
protocol SuppliersRepository {
    /// Suppliers by id; each filter is a case-insensitive substring, combined with AND (#22).
    func suppliers(contactName: String?, businessActivity: String?) throws -> [SupplierRecord]
    func supplier(id: Int) throws -> SupplierRecord?
    /// A new supplier without a password (`password_hash` NULL: it sets one through §10.3).
    func createSupplier(_ fields: SupplierFields) throws -> Int
    /// Issues supplier `id`'s password token and queues the invitation mail to `email`, in the running
    /// transaction (#24, §10.3, §12; ruling 2).
    func invite(supplierID id: Int, email: String, settings: EgresosSettings, nowMilliseconds: Int64) throws
    /// Replaces the fields of #25. A changed e-mail also sets `password_changed_at` to `now` (the module's clock,
    /// the one that stamps the sessions' `iat`), which invalidates the supplier's JWTs (their `sub` is the e-mail).
    func updateSupplier(id: Int, _ fields: SupplierFields, nowMilliseconds now: Int64) throws

    /// The row (locked for update) with its quotation's status.
    func paymentSchedule(id: Int) throws -> PaymentScheduleState?
    /// Sets `paid = true, paid_at = date` (`YYYY-MM-DD`).
    func markPaid(id: Int, on date: String) throws
}
