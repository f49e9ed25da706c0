/// A calendar date as MariaDB stores it in a `DATE` column, with no time zone.
public struct SQLDate: Sendable, Hashable, CustomStringConvertible {
    /// The year, 0...9999.
    public var year: Int
    /// The month, 1...12 (0 only in legacy zero dates).
    public var month: Int
    /// The day of the month, 1...31 (0 only in legacy zero dates).
    public var day: Int

    /// Creates a date from its components; the server validates them.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date as `YYYY-MM-DD`.
    public var description: String {
        "\(zeroPadded(year, 4))-\(zeroPadded(month, 2))-\(zeroPadded(day, 2))"
    }
}

/// Formats `value` in decimal with at least `width` digits, keeping the sign in front.
func zeroPadded(_ value: Int, _ width: Int) -> String {
    let digits = String(value.magnitude)
    let padding = digits.count < width ? String(repeating: "0", count: width - digits.count) : ""
    return (value < 0 ? "-" : "") + padding + digits
}
