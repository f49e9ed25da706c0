/// One payment-schedule row on the calendar (egresos.md §3.7, §5 item 16).
struct ScheduleItemRecord: Sendable, Equatable {
    /// The payment-schedule row.
    var id: Int
    var quotationID: Int
    var supplierQuotationID: Int
    var project: QuotationProjectRecord
    /// `payment_date`, `YYYY-MM-DD`.
    var date: String
    var amount: Int64
    var paymentMethod: String
    var paid: Bool
}

/// The expense totals of a customer's approved supplies and refunds (§6.2 `supplies_total`, `refunds_total`).
struct ExpenseTotals: Sendable, Equatable {
    var supplies: Int64 = 0
    var refunds: Int64 = 0
}

/// The calendar's and the report's own reads (the quotations come from `QuotationsReader`).
protocol ReportsRepository {
    /// Every payment-schedule row of a quotation that is not rejected, by date, quotation id, row id (#45).
    func schedule() throws -> [ScheduleItemRecord]
    /// Per customer id, the cents of the expenses of its approved (status 3) supplies and refunds, summed in SQL.
    func approvedExpenseTotals() throws -> [Int: ExpenseTotals]
}
