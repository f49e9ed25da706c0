/// A `TIME` value: a signed duration or time of day, -838:59:59 ... 838:59:59 with microseconds.
public struct SQLTime: Sendable, Hashable, CustomStringConvertible {
    /// Whether the duration is negative.
    public var negative: Bool
    /// The hours, 0...838.
    public var hours: Int
    /// The minutes, 0...59.
    public var minutes: Int
    /// The seconds, 0...59.
    public var seconds: Int
    /// The fraction of the second in microseconds, 0...999_999.
    public var microseconds: Int

    /// Creates a time from its components; the server validates them.
    public init(negative: Bool = false, hours: Int, minutes: Int, seconds: Int, microseconds: Int = 0) {
        self.negative = negative
        self.hours = hours
        self.minutes = minutes
        self.seconds = seconds
        self.microseconds = microseconds
    }

    /// The value as `[-]HH:MM:SS`, followed by `.ffffff` when there are microseconds.
    public var description: String {
        let sign = negative ? "-" : ""
        let fraction = microseconds == 0 ? "" : "." + zeroPadded(microseconds, 6)
        return "\(sign)\(zeroPadded(hours, 2)):\(zeroPadded(minutes, 2)):\(zeroPadded(seconds, 2))\(fraction)"
    }
}
