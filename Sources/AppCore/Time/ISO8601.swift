/// ISO 8601 instants: parsing what clients send, printing UTC with milliseconds (`2024-03-20T10:30:00.000Z`).
public enum ISO8601 {
    /// Parses `YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|±HH:MM|±HHMM]` (a space may replace `T`). Without a zone the
    /// reading is local time in `zone`. Returns Unix milliseconds, or nil when the text is not such an instant.
    public static func parse(_ text: String, zone: ZoneRules) -> Int64? {
        let b = Array(text.utf8)
        guard b.count >= 16, let date = CivilDate(iso: String(decoding: b[0..<10], as: UTF8.self)),
              b[10] == 84 || b[10] == 116 || b[10] == 32,
              let hour = CivilDate.digits(b, 11, 2), b[13] == 58, let minute = CivilDate.digits(b, 14, 2),
              hour < 24, minute < 60 else { return nil }
        var index = 16
        var second = 0, millis = 0
        if index < b.count, b[index] == 58 {
            guard let s = CivilDate.digits(b, index + 1, 2), s < 60 else { return nil }
            second = s
            index += 3
            if index < b.count, b[index] == 46 || b[index] == 44 {
                index += 1
                var digits = 0
                while index < b.count, b[index] >= 48, b[index] <= 57 {
                    if digits < 3 { millis = millis * 10 + Int(b[index] - 48) }
                    digits += 1
                    index += 1
                }
                guard digits > 0 else { return nil }
                for _ in 0..<max(0, 3 - digits) { millis *= 10 }
            }
        }
        let ofDay = ((hour * 60 + minute) * 60 + second) * 1_000 + millis
        if index == b.count { return zone.utcMilliseconds(localDate: date, millisecondsOfDay: ofDay) }
        let local = Int64(date.daysSinceEpoch) * 86_400_000 + Int64(ofDay)
        if b[index] == 90 || b[index] == 122 { return index + 1 == b.count ? local : nil }
        guard b[index] == 43 || b[index] == 45, let oh = CivilDate.digits(b, index + 1, 2), oh < 24 else { return nil }
        var rest = index + 3
        if rest < b.count, b[rest] == 58 { rest += 1 }
        guard let om = CivilDate.digits(b, rest, 2), om < 60, rest + 2 == b.count else { return nil }
        let offset = Int64((oh * 60 + om) * 60_000)
        return b[index] == 43 ? local - offset : local + offset
    }

    /// `YYYY-MM-DDTHH:MM:SS.sssZ` for the UTC instant `millis`.
    public static func format(utcMilliseconds millis: Int64) -> String {
        let days = floorDivide(millis, 86_400_000)
        let ofDay = Int(millis - days * 86_400_000)
        let date = CivilDate(daysSinceEpoch: Int(days))
        return date.description + "T" + clock(ofDay) + "Z"
    }

    /// A calendar date as Monitor returns DATE columns (rulings M3, M9): `YYYY-MM-DDT12:00:00.000Z`.
    public static func noonUTC(_ date: CivilDate) -> String {
        date.description + "T12:00:00.000Z"
    }

    /// `HH:MM:SS.sss` for milliseconds since midnight.
    static func clock(_ ofDay: Int) -> String {
        let ms = ofDay % 1_000, s = ofDay / 1_000
        return CivilDate.pad(s / 3_600, 2) + ":" + CivilDate.pad(s / 60 % 60, 2) + ":" + CivilDate.pad(s % 60, 2) + "."
            + CivilDate.pad(ms, 3)
    }
}
