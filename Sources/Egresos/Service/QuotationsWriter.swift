/// A new draft quotation (#33).
struct NewQuotation: Sendable {
    var projectID: Int
    var createdBy: Int
    var location: String?
    /// Days; nil takes the customer's `payment_conditions` (§3.5).
    var paymentConditions: Int?
    /// `YYYY-MM-DD`.
    var billingDate: String
    var purchaseOrder: String?
    /// `YYYY-MM-DD`, stored as UTC midnight (decision 50).
    var projectStartDate: String
    var projectEndDate: String
    var costInCents: Int64
}

/// What #34 may change on a quotation (nil keeps the stored value), and the file paths #33/#34 store.
struct QuotationChanges: Sendable {
    var projectID: Int?
    var location: String?
    var billingDate: String?
    var purchaseOrder: String?
    var paymentConditions: Int?
    var projectStartDate: String?
    var projectEndDate: String?
    var costInCents: Int64?
    var priority: String?
    var quotationFilePath: String?
    var confirmationFilePath: String?
}

/// One payment-schedule row to write (§6.4): in request order, unpaid.
struct ScheduleEntry: Sendable, Equatable {
    var paymentDate: String
    var paymentMethod: String
    var amount: Int64
    var billingDate: String?
}

/// What #35 writes and #36 may change on a supplier quotation (nil keeps the stored value on #36).
struct SupplierQuotationChanges: Sendable {
    var supplierID: Int?
    var concept: String?
    var costInCents: Int64?
    var comments: String?
    var quotationFilePath: String?
}

/// Quotation writes (#33-#37), inside the caller's transaction.
protocol QuotationsWriter {
    /// Locks quotation `id` for the rest of the transaction and reads its status and creator (nil: no such row).
    func lockQuotation(id: Int) throws -> (status: Int, createdBy: Int)?
    func createQuotation(_ quotation: NewQuotation) throws -> Int
    func updateQuotation(id: Int, _ changes: QuotationChanges) throws
    /// A new supplier quotation of `quotationID` (`supplierID`, `concept` and `costInCents` set); the concept is
    /// recorded in the catalogue (§6.6).
    func createSupplierQuotation(quotationID: Int, _ fields: SupplierQuotationChanges) throws -> Int
    /// Changes supplier quotation `id`; a new concept is recorded in the catalogue.
    func updateSupplierQuotation(id: Int, _ changes: SupplierQuotationChanges) throws
    /// Replaces every schedule row of supplier quotation `id` with `entries`, in order.
    func replaceSchedule(supplierQuotationID id: Int, _ entries: [ScheduleEntry]) throws
    /// Sets the amounts of the stored rows of supplier quotation `id`, in row order.
    func setScheduleAmounts(supplierQuotationID id: Int, _ amounts: [Int64]) throws
    /// Deletes supplier quotation `id` (its schedule rows and comments cascade, ruling 5).
    /// Deletes the supplier quotation (its schedule rows and comments cascade); the stored files it held, to remove
    /// after the commit.
    func deleteSupplierQuotation(id: Int) throws -> [String]
}
