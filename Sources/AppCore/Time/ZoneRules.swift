import Foundation

/// A module's time zone (ruling 3): converts UTC instants to the local calendar and wall clock and back.
public struct ZoneRules: Sendable {
    /// The IANA identifier.
    public let identifier: String
    private let zone: TimeZone

    /// The rules of `identifier`; nil when the system does not know it.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.zone = zone
    }

    /// The offset from UTC, in seconds, at the UTC instant `millis`.
    public func offsetSeconds(atUTCMilliseconds millis: Int64) -> Int {
        zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(millis) / 1_000))
    }

    /// The local calendar date at the UTC instant `millis`.
    public func civilDate(atUTCMilliseconds millis: Int64) -> CivilDate {
        let local = millis + Int64(offsetSeconds(atUTCMilliseconds: millis)) * 1_000
        return CivilDate(daysSinceEpoch: Int(floorDivide(local, 86_400_000)))
    }

    /// The local wall-clock time of day at `millis`, as milliseconds since local midnight.
    public func millisecondsOfDay(atUTCMilliseconds millis: Int64) -> Int {
        let local = millis + Int64(offsetSeconds(atUTCMilliseconds: millis)) * 1_000
        return Int(local - floorDivide(local, 86_400_000) * 86_400_000)
    }

    /// The UTC instant of a local wall-clock reading (`millisOfDay` on `date`), using the offset in force then.
    public func utcMilliseconds(localDate date: CivilDate, millisecondsOfDay: Int) -> Int64 {
        let asIfUTC = Int64(date.daysSinceEpoch) * 86_400_000 + Int64(millisecondsOfDay)
        // Two passes settle the offset across a transition.
        var guess = asIfUTC - Int64(offsetSeconds(atUTCMilliseconds: asIfUTC)) * 1_000
        guess = asIfUTC - Int64(offsetSeconds(atUTCMilliseconds: guess)) * 1_000
        return guess
    }
}

func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    a >= 0 ? a / b : -((-a + b - 1) / b)
}
