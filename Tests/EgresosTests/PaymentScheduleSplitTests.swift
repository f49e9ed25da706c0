import Testing
@testable import Egresos

/// egresos.md §6.4: even split with the remainder on the last open entry; explicit amounts must add up.
@Suite struct PaymentScheduleSplitTests {
    @Test("amounts", arguments: [
        (Int64(10001), [Int64?](repeating: nil, count: 3), [Int64(3333), 3333, 3335] as [Int64]?),
        (50000, [nil, nil], [25000, 25000]),
        (50000, [30000, 20000], [30000, 20000]),
        (50000, [30000, nil], [30000, 20000]),
        (50000, [nil, 30000, nil], [10000, 30000, 10000]),
        (10001, [nil, 1, nil], [5000, 1, 5000]),
        (50000, [30000, 30000], nil),
        (50000, [30000, 10000], nil),
        (50000, [60000, nil], nil),
        (0, [nil, nil], [0, 0]),
        (7, [nil], [7]),
        (Int64.max, [-1, nil], nil),
    ] as [(Int64, [Int64?], [Int64]?)])
    func amounts(_ c: (Int64, [Int64?], [Int64]?)) {
        #expect(PaymentScheduleSplit.amounts(cost: c.0, given: c.1) == c.2)
    }
}
