import Testing
import HTTPCore
@testable import Egresos

/// egresos.md §1 (money, percentages) and §6 (pct, label): the document's examples and the edges.
@Suite struct FiguresTests {
    @Test("money(c): sign, whole units, two digits, no separator")
    func money() {
        let cases: [(Int64, String)] = [(50000, "500.00"), (500000, "5000.00"), (-1050, "-10.50"), (0, "0.00"),
                                        (5, "0.05"), (-5, "-0.05"), (100000, "1000.00"), (Int64.min, "-92233720368547758.08")]
        for (cents, text) in cases { #expect(Figures.money(cents) == text, "\(cents)") }
    }

    @Test("pct rounds half away from zero to two decimals; zero income gives 0; no overflow at the extremes")
    func pct() {
        let cases: [(Int64, Int64, Int64)] = [
            (0, 100000, 0), (-100000, 100000, -10000), (1, 3, 3333), (2, 3, 6667), (-2, 3, -6667), (1, 8, 1250),
            (1, 20000, 1), (-1, 20000, -1), (1, 20001, 0), (-1, 20001, 0), (5, 0, 0), (-5, 0, 0),
            (10_000_000_000_000, 1, 100_000_000_000_000_000), (Int64.max, 1, Int64.max), (Int64.min, 1, Int64.min),
        ]
        for (a, b, p) in cases { #expect(Figures.percentHundredths(a, of: b) == p, "pct(\(a), \(b))") }
    }

    @Test("fmtpct and the JSON number: shortest form, whole values as integers, never -0")
    func percentText() {
        let cases: [(Int64, String, JSONValue)] = [
            (0, "0 %", .int(0)), (-10000, "-100 %", .int(-100)), (3333, "33.33 %", .number("33.33")),
            (1250, "12.5 %", .number("12.5")), (5, "0.05 %", .number("0.05")), (-5, "-0.05 %", .number("-0.05")),
            (Figures.percentHundredths(-1, of: 20001), "0 %", .int(0)),
        ]
        for (p, text, number) in cases {
            #expect(Figures.percentText(p) == text, "\(p)")
            #expect(Figures.percentNumber(p) == number, "\(p)")
        }
    }

    @Test("label: p ≤ 0 danger, below the success minimum warning, else success")
    func label() {
        let cases: [(Int64, String)] = [(0, "danger"), (-10000, "danger"), (1, "warning"), (2999, "warning"),
                                        (3000, "success"), (10000, "success")]
        for (p, label) in cases { #expect(Figures.label(p, successMin: 30) == label, "\(p)") }
        #expect(Figures.label(3000, successMin: 50) == "warning")
    }
}
