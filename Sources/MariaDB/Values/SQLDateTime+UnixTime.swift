extension SQLDateTime {
    /// Creates the UTC date-time of a Unix timestamp (seconds since 1970-01-01 00:00:00 UTC).
    public init(unixTime seconds: Int64, microsecond: Int = 0) {
        let (days, secondOfDay) = seconds.floorDivided(by: 86_400)
        let (year, month, day) = civilDate(fromDaysSinceEpoch: days)
        self.init(year: year, month: month, day: day,
                  hour: Int(secondOfDay / 3600), minute: Int(secondOfDay % 3600 / 60), second: Int(secondOfDay % 60),
                  microsecond: microsecond)
    }

    /// Creates the UTC date-time of Unix milliseconds (a `DATETIME(3)` value); instants before 1970 round down.
    public init(unixMilliseconds milliseconds: Int64) {
        let (seconds, millisecond) = milliseconds.floorDivided(by: 1_000)
        self.init(unixTime: seconds, microsecond: Int(millisecond) * 1_000)
    }

    /// The Unix timestamp in milliseconds, reading the value as UTC (sub-millisecond digits are dropped).
    public var unixMilliseconds: Int64 { unixTime * 1_000 + Int64(microsecond / 1_000) }

    /// The Unix timestamp in whole seconds, reading the value as UTC (microseconds are dropped).
    public var unixTime: Int64 {
        daysSinceEpoch(year: year, month: month, day: day) * 86_400
            + Int64(hour) * 3600 + Int64(minute) * 60 + Int64(second)
    }
}

extension Int64 {
    /// Division rounding towards negative infinity, with a non-negative remainder.
    fileprivate func floorDivided(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let (q, r) = quotientAndRemainder(dividingBy: divisor)
        return r < 0 ? (q - 1, r + divisor) : (q, r)
    }
}

// Howard Hinnant's days_from_civil / civil_from_days, valid for the whole proleptic Gregorian calendar.

private func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int64 {
    let y = Int64(month <= 2 ? year - 1 : year)
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let m = Int64(month)
    let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
}

private func civilDate(fromDaysSinceEpoch days: Int64) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (Int(year), Int(month), Int(day))
}
