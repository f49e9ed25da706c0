import HTTPCore

/// The profitability of one project in the report (egresos.md §6.2, §5 item 12): over its approved quotations,
/// income (`profits`) against their §6.1 subtotals (`outgoings`), the margin over income. Integer cents,
/// overflow-checked (ruling E10).
struct ProjectProfitability: Sendable, Equatable {
    let profits: Int64
    let outgoings: Int64
    /// Hundredths of a percent.
    let total: Int64
    let statusLabel: String

    /// From the stats of the project's approved quotations.
    init(_ quotations: [QuotationStats], successMin: Int) throws {
        profits = try QuotationStats.sum(quotations.map(\.quotationCost))
        outgoings = try QuotationStats.sum(quotations.map(\.subtotal))
        total = Figures.percentHundredths(try Profitability.difference(profits, outgoings), of: profits)
        statusLabel = Figures.label(total, successMin: successMin)
    }

    /// `{profits_number, outgoings_number, profits, outgoings, total_number, total, status_label}` (decision 15:
    /// the strings are money() of their numbers).
    var json: JSONValue {
        .object([
            ("profits_number", .integer(profits)), ("outgoings_number", .integer(outgoings)),
            ("profits", .string(Figures.money(profits))), ("outgoings", .string(Figures.money(outgoings))),
            ("total_number", Figures.percentNumber(total)), ("total", .string(Figures.percentText(total))),
            ("status_label", .string(statusLabel)),
        ])
    }
}

/// The profitability of one customer in the report (§6.2): the supplier costs of its approved quotations plus
/// the expenses of its approved supplies and refunds (`money_outflow`) against the income of those quotations.
/// Only supplier costs count here, never `subtotal`, so an expense linked to a quotation is counted once.
struct Profitability: Sendable, Equatable {
    let refunds: Int64
    let supplies: Int64
    let suppliersPayment: Int64
    let profits: Int64
    let moneyOutflow: Int64
    /// Hundredths of a percent.
    let profitability: Int64
    let statusLabel: String

    /// From the stats of the customer's approved quotations and its approved expense totals.
    init(_ quotations: [QuotationStats], supplies: Int64, refunds: Int64, successMin: Int) throws {
        self.refunds = refunds
        self.supplies = supplies
        suppliersPayment = try QuotationStats.sum(quotations.map(\.suppliersTotal))
        profits = try QuotationStats.sum(quotations.map(\.quotationCost))
        moneyOutflow = try QuotationStats.sum([refunds, supplies, suppliersPayment])
        profitability = Figures.percentHundredths(try Self.difference(profits, moneyOutflow), of: profits)
        statusLabel = Figures.label(profitability, successMin: successMin)
    }

    /// `{refunds_total, supplies_total, suppliers_payment_total, profits_total, money_outflow, profitability_number,
    /// profitability, status_label}`.
    var json: JSONValue {
        .object([
            ("refunds_total", .integer(refunds)), ("supplies_total", .integer(supplies)),
            ("suppliers_payment_total", .integer(suppliersPayment)), ("profits_total", .integer(profits)),
            ("money_outflow", .integer(moneyOutflow)), ("profitability_number", Figures.percentNumber(profitability)),
            ("profitability", .string(Figures.percentText(profitability))), ("status_label", .string(statusLabel)),
        ])
    }

    /// `a − b`, overflow-checked (E10).
    static func difference(_ a: Int64, _ b: Int64) throws -> Int64 {
        let (value, overflow) = a.subtractingReportingOverflow(b)
        guard !overflow else { throw EgresosError.internalError }
        return value
    }
}
