import AppCore
import HTTPCore
import MariaDB

/// Monitor's JSON forms of dates, times and binary columns (those of `RowJSON`, rulings M3, M9, M11), written by
/// `SQLRowJSON` straight from fetched rows into the response.
enum MonitorJSONFormat: SQLJSONFormat {
    /// `"YYYY-MM-DDT12:00:00.000Z"` (M9); `null` for a date no calendar has (a zero date).
    static func appendDate(_ date: SQLDate, to output: inout JSONOutput) {
        guard let civil = CivilDate(year: date.year, month: date.month, day: date.day) else {
            output.append("null")
            return
        }
        ISO8601.appendQuotedNoonUTC(civil, to: &output)
    }

    /// ISO 8601 UTC with milliseconds (M3); the column holds UTC.
    static func appendDateTime(_ stamp: SQLDateTime, to output: inout JSONOutput) {
        ISO8601.appendQuoted(utcMilliseconds: stamp.unixMilliseconds, to: &output)
    }

    /// `"1970-01-01THH:MM:SS.sssZ"` (M11).
    static func appendTime(_ time: SQLTime, to output: inout JSONOutput) {
        ISO8601.appendQuoted(utcMilliseconds: millisecondsOfDay(time), to: &output)
    }

    /// Base64url text, as `RowJSON` writes a blob.
    static func appendBlob(_ bytes: UnsafeRawBufferPointer, to output: inout JSONOutput) {
        JSONWriter.appendString(Base64URL.encode(Array(bytes)), to: &output)
    }

    /// A TIME as milliseconds since midnight (its sign dropped), the instant M11 writes on 1970-01-01.
    static func millisecondsOfDay(_ time: SQLTime) -> Int64 {
        Int64(((time.hours * 60 + time.minutes) * 60 + time.seconds) * 1_000 + time.microseconds / 1_000)
    }
}
