import AppCore

/// The resume's `payment_date` (egresos.md §6.3, decision 40): `project_end_date` + ⌊payment_conditions / 30⌋
/// calendar months + (payment_conditions mod 30) days, in UTC, keeping the time of day; a month-end day is
/// clamped (Jan 31 + 1 month = Feb 28/29). `2020-08-02T12:47:00.714Z` with 60 → `2020-10-02T12:47:00.714Z`.
enum ResumePaymentDate {
    static let dayMilliseconds: Int64 = 86_400_000

    /// The instant, in Unix milliseconds, for a project end `end` (Unix milliseconds) and `days` of credit.
    static func of(end: Int64, paymentConditions days: Int) -> Int64 {
        let (whole, rest) = end.quotientAndRemainder(dividingBy: dayMilliseconds)
        let (dayIndex, ofDay) = rest < 0 ? (whole - 1, rest + dayMilliseconds) : (whole, rest)
        let date = CivilDate(daysSinceEpoch: Int(dayIndex))
        let months = max(days, 0) / 30
        let total = date.month - 1 + months
        let year = date.year + total / 12
        let month = total % 12 + 1
        var day = date.day
        var clamped = CivilDate(year: year, month: month, day: day)
        while clamped == nil && day > 28 {
            day -= 1
            clamped = CivilDate(year: year, month: month, day: day)
        }
        let target = clamped ?? date
        let shifted = Int64(target.daysSinceEpoch) + Int64(max(days, 0) % 30)
        return shifted * dayMilliseconds + ofDay
    }
}
