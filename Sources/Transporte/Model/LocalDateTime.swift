import AppCore

/// A wall-clock date and time in the module's zone, as a client sends it (`YYYY-MM-DDTHH:MM[:SS]`, a space
/// also separating): the input form of the local timestamps of T7. Stored as the UTC instant it names.
struct LocalDateTime: Sendable, Equatable, CustomStringConvertible {
    /// The calendar day.
    let date: CivilDate
    /// Milliseconds since local midnight (whole seconds).
    let millisecondsOfDay: Int

    /// The value `text` spells, or nil.
    init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 16 || bytes.count == 19, bytes[10] == 84 || bytes[10] == 32,
              let date = CivilDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)), date.year >= 1,
              let millis = TimeOfDay.milliseconds(String(decoding: bytes[11...], as: UTF8.self)) else { return nil }
        self.date = date
        millisecondsOfDay = millis
    }

    /// `YYYY-MM-DDTHH:MM:SS`.
    var description: String { date.description + "T" + TimeOfDay.format(milliseconds: millisecondsOfDay) }

    /// The UTC instant (milliseconds) this wall-clock time names in `zone`.
    func utcMilliseconds(in zone: ZoneRules) -> Int64 {
        zone.utcMilliseconds(localDate: date, millisecondsOfDay: millisecondsOfDay)
    }
}
