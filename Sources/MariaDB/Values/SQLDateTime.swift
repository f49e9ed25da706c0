/// A date and time with microseconds, as in `DATETIME(6)`/`TIMESTAMP(6)`; instants are stored in UTC.
public struct SQLDateTime: Sendable, Hashable, CustomStringConvertible {
    /// The year, 0...9999.
    public var year: Int
    /// The month, 1...12.
    public var month: Int
    /// The day of the month, 1...31.
    public var day: Int
    /// The hour, 0...23.
    public var hour: Int
    /// The minute, 0...59.
    public var minute: Int
    /// The second, 0...59.
    public var second: Int
    /// The fraction of the second in microseconds, 0...999_999.
    public var microsecond: Int

    /// Creates a date-time from its components; the server validates them.
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, microsecond: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.microsecond = microsecond
    }

    /// Creates a date-time from a date and a time of day.
    public init(date: SQLDate, hour: Int = 0, minute: Int = 0, second: Int = 0, microsecond: Int = 0) {
        self.init(year: date.year, month: date.month, day: date.day,
                  hour: hour, minute: minute, second: second, microsecond: microsecond)
    }

    /// The calendar date part.
    public var date: SQLDate {
        SQLDate(year: year, month: month, day: day)
    }

    /// The value as `YYYY-MM-DD HH:MM:SS`, followed by `.ffffff` when there are microseconds.
    public var description: String {
        let time = "\(zeroPadded(hour, 2)):\(zeroPadded(minute, 2)):\(zeroPadded(second, 2))"
        let fraction = microsecond == 0 ? "" : "." + zeroPadded(microsecond, 6)
        return "\(date) \(time)\(fraction)"
    }
}
