/// A supply or refund with what its object needs (egresos.md §5 item 14): the names of its context (soft-deleted
/// rows still render), its people, expenses and comments.
struct SpendingRecord: Sendable, Equatable {
    var id: Int
    var kind: SpendingKind
    var status: Int
    var context: SpendingContext
    var customerName: String?
    var brandName: String?
    var projectName: String?
    var createdBy: UserSummaryRecord?
    var leaderAcceptedBy: UserSummaryRecord?
    var leaderRejectedBy: UserSummaryRecord?
    var directorAcceptedBy: UserSummaryRecord?
    var directorRejectedBy: UserSummaryRecord?
    /// UTC milliseconds.
    var completedAt: Int64?
    var acceptedAt: Int64?
    var rejectedAt: Int64?
    var expenses: [ExpenseRecord]
    var comments: [CommentRecord]

    /// Σ of the expenses' cents (EXT `cost_in_cents`), nil if it does not fit (writes keep it within 64 bits).
    var costInCents: Int64? {
        var total: Int64 = 0
        for expense in expenses {
            let (sum, overflow) = total.addingReportingOverflow(expense.costInCents)
            if overflow { return nil }
            total = sum
        }
        return total
    }
}

/// What the approval chain needs to know about a supply or refund (§7.2): its status and people.
struct SpendingState: Sendable, Equatable {
    var id: Int
    var status: Int
    var createdBy: Int
    /// The grouper of its project, if any.
    var leaderID: Int?
    var context: SpendingContext
}

/// The fields of an expense a request writes; nil keeps the stored value (an edit) or takes the default (`cash`).
struct ExpenseFields: Sendable {
    var supplierID: Int?
    var concept: String?
    var comments: String?
    var costInCents: Int64?
    var paymentMethod: String?
}

/// Supplies and refunds and their expenses (§3.8), one implementation for both kinds. Writes run inside the
/// caller's transaction (`EgresosPersistence.transaction`).
protocol SpendingRepository {
    /// Every supply or refund of `kind` with `ids` (nil: all), by id.
    func spendings(_ kind: SpendingKind, ids: [Int]?) throws -> [SpendingRecord]
    /// The row, locked for update, with its project's grouper.
    func state(_ kind: SpendingKind, id: Int) throws -> SpendingState?
    /// The context `reference` determines (§3.8 precedence), read from the stored rows.
    func context(of reference: SpendingContext.Reference) throws -> SpendingContext
    /// A new draft created by `userID`.
    func create(_ kind: SpendingKind, createdBy userID: Int, context: SpendingContext) throws -> Int
    /// Replaces the context of row `id`.
    func setContext(_ kind: SpendingKind, id: Int, _ context: SpendingContext) throws
    /// Σ of the cents of row `id`'s expenses, without `excluding` (nil if it does not fit in 64 bits).
    func total(_ kind: SpendingKind, id: Int, excluding expenseID: Int?) throws -> Int64?
    /// A new expense of row `parentID` (every field of `fields` given but `paymentMethod`); records its concept
    /// in the catalogue (§6.6).
    func addExpense(_ kind: SpendingKind, parentID: Int, _ fields: ExpenseFields) throws -> Int
    /// Changes the fields given of expense `id`; records a new concept in the catalogue.
    func updateExpense(id: Int, _ fields: ExpenseFields) throws
    /// The stored voucher of expense `id`.
    func voucherPath(expenseID id: Int) throws -> String?
    /// Sets the voucher of expense `id`.
    func setVoucher(expenseID id: Int, path: String) throws
    /// Deletes expense `id`; returns its voucher's path.
    func deleteExpense(id: Int) throws -> String?
    /// Deletes row `id` with its expenses and comments (notifications keep their row, the reference nulled);
    /// returns the vouchers' paths.
    func delete(_ kind: SpendingKind, id: Int) throws -> [String]
}
