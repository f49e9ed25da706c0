import HTTPCore

/// The SupplyOrRefund object of egresos.md §5 item 14: the doc's keys (`customer` = the customer, brand and project
/// **names**, decision 16), then the EXT keys (`status`, the context ids, the instants, `cost_in_cents` = Σ of the
/// expenses, `cost`, `comments`).
struct SpendingViews {
    let expenses: ExpenseViews

    func spending(_ record: SpendingRecord) throws -> JSONValue {
        guard let cents = record.costInCents else { throw EgresosError.internalError }
        let user = CustomerViews.user
        let instant = ExpenseViews.instant
        return .object([
            ("id", .integer(record.id)),
            ("customer", .object([("name", .optional(record.customerName)), ("brand", .optional(record.brandName)),
                                  ("project", .optional(record.projectName))])),
            ("created_by", user(record.createdBy)), ("leader_accepted_by", user(record.leaderAcceptedBy)),
            ("leader_rejected_by", user(record.leaderRejectedBy)), ("director_accepted_by", user(record.directorAcceptedBy)),
            ("director_rejected_by", user(record.directorRejectedBy)),
            ("expenses", .array(record.expenses.map(expenses.expense))),
            ("status", .integer(record.status)), ("customer_id", Self.id(record.context.customerID)),
            ("brand_id", Self.id(record.context.brandID)), ("project_id", Self.id(record.context.projectID)),
            ("quotation_id", Self.id(record.context.quotationID)), ("completed_at", instant(record.completedAt)),
            ("accepted_at", instant(record.acceptedAt)), ("rejected_at", instant(record.rejectedAt)),
            ("cost_in_cents", .int(cents)), ("cost", .string(Figures.money(cents))),
            ("comments", ExpenseViews.comments(record.comments)),
        ])
    }

    private static func id(_ value: Int?) -> JSONValue { value.map { .integer($0) } ?? .null }
}

extension EgresosContext {
    /// The renderer of §5 item 14 with this module's file URLs.
    var spendingViews: SpendingViews { SpendingViews(expenses: expenseViews) }
}
