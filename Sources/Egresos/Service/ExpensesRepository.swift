/// An expense of a supply or refund (egresos.md §4 `expenses`, §5 item 15).
struct ExpenseRecord: Sendable, Equatable {
    var id: Int
    /// The parent's kind and id (the resume's EXT `type_of` and `supply`/`refund`).
    var kind: SpendingKind
    var parentID: Int
    var supplierID: Int
    var concept: String
    var comments: String?
    var costInCents: Int64
    /// `cash` or `direct_bank_transfer`.
    var paymentMethod: String
    var voucherFilePath: String?
    /// UTC milliseconds.
    var acceptedAt: Int64?
    var rejectedAt: Int64?
}

/// Reading expenses (writes belong to the supplies and refunds repository).
protocol ExpensesRepository {
    /// The expenses of each `kind` row of `ids` (every id is a key), in id order.
    func expenses(of kind: SpendingKind, ids: [Int]) throws -> [Int: [ExpenseRecord]]
    /// The expenses of the supplies and refunds linked to quotation `id` whose status is not 4 (rejected), in id
    /// order: the resume's `expenses` and its `E` (§5 item 9, §6.1).
    func expenses(linkedToQuotation id: Int) throws -> [ExpenseRecord]
}
