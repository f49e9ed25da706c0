import HTTPCore

/// The 15 stats keys of egresos.md §6.1 (the resume's top level, the report's `quotations[].stats`) as a pure
/// function over values: the quotation's cost, its supplier quotations' costs, its payment-schedule amounts by
/// method and the expenses of its linked supplies and refunds (parent status ≠ 4) by method. Integer cents
/// throughout; every sum is overflow-checked (ruling E10) and an impossible total is refused, never wrapped.
struct QuotationStats: Sendable, Equatable {
    /// Cents paid in cash and by direct bank transfer.
    struct ByMethod: Sendable, Equatable {
        var cash: Int64 = 0
        var directBankTransfer: Int64 = 0

        init(cash: Int64 = 0, directBankTransfer: Int64 = 0) {
            self.cash = cash
            self.directBankTransfer = directBankTransfer
        }

        /// Adds `cents` to the method named `method` (`cash` or `direct_bank_transfer`).
        mutating func add(_ cents: Int64, method: String) throws {
            if method == "cash" {
                cash = try QuotationStats.sum([cash, cents])
            } else {
                directBankTransfer = try QuotationStats.sum([directBankTransfer, cents])
            }
        }

        /// Both methods together.
        func total() throws -> Int64 { try QuotationStats.sum([cash, directBankTransfer]) }
    }

    /// What the stats are computed from.
    struct Inputs: Sendable, Equatable {
        /// `Q.cost_in_cents`.
        var quotationCost: Int64
        /// `SQ.cost_in_cents` of each supplier quotation.
        var supplierCosts: [Int64] = []
        /// `PS.amount` of the schedule rows, by method.
        var schedule = ByMethod()
        /// `E.cost_in_cents` of the linked expenses, by method.
        var expenses = ByMethod()
    }

    let quotationCost: Int64
    let suppliersTotal: Int64
    let subtotal: Int64
    let gainTotal: Int64
    /// Hundredths of a percent.
    let profitability: Int64
    let cash: Int64
    let directBankTransfer: Int64
    let statusLabel: String

    /// §6.1: subtotal = suppliers + expenses; gain = cost − subtotal; profitability = pct(gain, cost); cash and
    /// transfer = schedule + expenses of that method; the label from `successMin` (`PROFITABILITY_SUCCESS_MIN`).
    init(_ inputs: Inputs, successMin: Int) throws {
        quotationCost = inputs.quotationCost
        suppliersTotal = try Self.sum(inputs.supplierCosts)
        subtotal = try Self.sum([suppliersTotal, try inputs.expenses.total()])
        let (gain, overflow) = quotationCost.subtractingReportingOverflow(subtotal)
        guard !overflow else { throw EgresosError.internalError }
        gainTotal = gain
        profitability = Figures.percentHundredths(gainTotal, of: quotationCost)
        cash = try Self.sum([inputs.schedule.cash, inputs.expenses.cash])
        directBankTransfer = try Self.sum([inputs.schedule.directBankTransfer, inputs.expenses.directBankTransfer])
        statusLabel = Figures.label(profitability, successMin: successMin)
    }

    /// The 15 keys in the resume example's order.
    var members: [(String, JSONValue)] {
        [
            ("quotation_cost_number", .integer(quotationCost)), ("quotation_cost", .string(Figures.money(quotationCost))),
            ("profitability_number", Figures.percentNumber(profitability)),
            ("profitability", .string(Figures.percentText(profitability))),
            ("subtotal", .string(Figures.money(subtotal))), ("subtotal_number", .integer(subtotal)),
            ("gain_total", .string(Figures.money(gainTotal))), ("gain_total_number", .integer(gainTotal)),
            ("direct_bank_transfer", .string(Figures.money(directBankTransfer))), ("cash", .string(Figures.money(cash))),
            ("direct_bank_transfer_number", .integer(directBankTransfer)), ("cash_number", .integer(cash)),
            ("suppliers_total", .string(Figures.money(suppliersTotal))), ("suppliers_total_number", .integer(suppliersTotal)),
            ("status_label", .string(statusLabel)),
        ]
    }

    /// The stats as one JSON object (the report's `stats`).
    var json: JSONValue { .object(members) }

    /// An overflow-checked sum of cents (ruling E10): 500 rather than a wrapped total.
    static func sum(_ values: [Int64]) throws -> Int64 {
        var total: Int64 = 0
        for value in values {
            let (next, overflow) = total.addingReportingOverflow(value)
            guard !overflow else { throw EgresosError.internalError }
            total = next
        }
        return total
    }
}
