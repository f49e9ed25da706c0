import Testing
import AppCore
import HTTPCore
@testable import Egresos

/// egresos.md §6.1 (the 15 stats keys) and §6.3 (the resume's payment_date): the document's examples exactly.
@Suite struct QuotationStatsTests {
    private static func object(_ stats: QuotationStats) -> [String: JSONValue] {
        Dictionary(uniqueKeysWithValues: stats.members)
    }

    @Test("the resume example: 100000 / 100000 / 0 / \"0 %\" / cash 50000 + transfer 50000 / danger")
    func resumeExample() throws {
        // Two supplier quotations of 50000, one paid by transfer and one in cash; no linked expenses.
        let stats = try QuotationStats(QuotationStats.Inputs(
            quotationCost: 100000, supplierCosts: [50000, 50000],
            schedule: .init(cash: 50000, directBankTransfer: 50000)), successMin: 30)
        let expected: [(String, JSONValue)] = [
            ("quotation_cost_number", .int(100000)), ("quotation_cost", .string("1000.00")),
            ("profitability_number", .int(0)), ("profitability", .string("0 %")),
            ("subtotal", .string("1000.00")), ("subtotal_number", .int(100000)),
            ("gain_total", .string("0.00")), ("gain_total_number", .int(0)),
            ("direct_bank_transfer", .string("500.00")), ("cash", .string("500.00")),
            ("direct_bank_transfer_number", .int(50000)), ("cash_number", .int(50000)),
            ("suppliers_total", .string("1000.00")), ("suppliers_total_number", .int(100000)),
            ("status_label", .string("danger")),
        ]
        #expect(stats.members.map(\.0) == expected.map(\.0), "the 15 keys in the example's order")
        for (key, value) in expected { #expect(Self.object(stats)[key] == value, "\(key)") }
    }

    @Test("each row of §6.1", arguments: [
        // (cost, supplier costs, schedule cash, transfer, expense cash, transfer) → subtotal, gain, pct, cash, transfer, label
        (Int64(100000), [Int64(30000)], Int64(30000), Int64(0), Int64(0), Int64(10000),
         Int64(40000), Int64(60000), "60 %", Int64(30000), Int64(10000), "success"),
        (100000, [50000, 30000], 0, 80000, 5000, 0, 85000, 15000, "15 %", 5000, 80000, "warning"),
        (100000, [150000], 150000, 0, 0, 0, 150000, -50000, "-50 %", 150000, 0, "danger"),
        (0, [], 0, 0, 0, 0, 0, 0, "0 %", 0, 0, "danger"),
        (30000, [20000], 10000, 10000, 0, 0, 20000, 10000, "33.33 %", 10000, 10000, "success"),
        (20001, [20002], 20002, 0, 0, 0, 20002, -1, "0 %", 20002, 0, "danger"),
    ] as [(Int64, [Int64], Int64, Int64, Int64, Int64, Int64, Int64, String, Int64, Int64, String)])
    func rows(_ c: (Int64, [Int64], Int64, Int64, Int64, Int64, Int64, Int64, String, Int64, Int64, String)) throws {
        let stats = try QuotationStats(QuotationStats.Inputs(
            quotationCost: c.0, supplierCosts: c.1, schedule: .init(cash: c.2, directBankTransfer: c.3),
            expenses: .init(cash: c.4, directBankTransfer: c.5)), successMin: 30)
        let json = Self.object(stats)
        #expect(json["subtotal_number"] == .int(c.6))
        #expect(json["gain_total_number"] == .int(c.7))
        #expect(json["profitability"] == .string(c.8), "never -0 %")
        #expect(json["cash_number"] == .int(c.9))
        #expect(json["direct_bank_transfer_number"] == .int(c.10))
        #expect(json["status_label"] == .string(c.11))
    }

    @Test("sums are overflow-checked: a total past Int64 is refused, never wrapped")
    func overflow() {
        #expect(throws: EgresosError.internalError) {
            try QuotationStats(QuotationStats.Inputs(quotationCost: 1, supplierCosts: [Int64.max, 1]), successMin: 30)
        }
        #expect(throws: EgresosError.internalError) {
            try QuotationStats(QuotationStats.Inputs(quotationCost: Int64.min, supplierCosts: [1]), successMin: 30)
        }
        var byMethod = QuotationStats.ByMethod(cash: Int64.max)
        #expect(throws: EgresosError.internalError) { try byMethod.add(1, method: "cash") }
    }

    @Test("payment_date (§6.3): end + ⌊days/30⌋ months + days mod 30, time kept, month ends clamped")
    func paymentDate() {
        let cases: [(String, Int, String)] = [
            ("2020-08-02T12:47:00.714Z", 60, "2020-10-02T12:47:00.714Z"),
            ("2020-01-31T00:00:00.000Z", 30, "2020-02-29T00:00:00.000Z"),
            ("2021-01-31T00:00:00.000Z", 31, "2021-03-01T00:00:00.000Z"),
            ("2020-11-15T23:59:59.999Z", 45, "2020-12-30T23:59:59.999Z"),
            ("2020-12-01T00:00:00.000Z", 365, "2021-12-06T00:00:00.000Z"),
            ("2020-05-05T00:00:00.000Z", 0, "2020-05-05T00:00:00.000Z"),
        ]
        for (end, days, expected) in cases {
            let millis = ISO8601.parse(end, zone: ZoneRules(identifier: "UTC")!)!
            #expect(ISO8601.format(utcMilliseconds: ResumePaymentDate.of(end: millis, paymentConditions: days)) == expected,
                    "\(end) + \(days)")
        }
    }
}
