/// The amounts of a supplier quotation's payment schedule (egresos.md §6.4, decision 11): the entries without an
/// `amount` share `rest = cost − Σ given amounts` evenly, ⌊rest / k⌋ each, and the **last** of them also gets the
/// remainder cents (10001 over 3 → 3333, 3333, 3335). `rest < 0`, or `rest ≠ 0` when every entry has an amount,
/// is refused (422 `4224` on `payment_schedule`). Overflow-checked (ruling E10).
enum PaymentScheduleSplit {
    /// The amount of each entry, in order, or nil when the given amounts cannot add up to `cost`.
    static func amounts(cost: Int64, given: [Int64?]) -> [Int64]? {
        var rest = cost
        for case let amount? in given {
            let (next, overflow) = rest.subtractingReportingOverflow(amount)
            guard !overflow else { return nil }
            rest = next
        }
        guard rest >= 0 else { return nil }
        let open = given.indices.filter { given[$0] == nil }
        guard let last = open.last else { return rest == 0 ? given.map { $0 ?? 0 } : nil }
        let (share, remainder) = rest.quotientAndRemainder(dividingBy: Int64(open.count))
        return given.indices.map { index in
            if let amount = given[index] { return amount }
            return index == last ? share + remainder : share
        }
    }
}
