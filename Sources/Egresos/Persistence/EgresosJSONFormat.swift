import AppCore
import HTTPCore
import MariaDB

/// Egresos' JSON forms of the column kinds `SQLRowJSON` leaves to a module, the forms the module's views write
/// today: an instant (DATETIME(3) holding UTC) as ISO 8601 UTC with milliseconds (`QuotationViews.instant`), a
/// calendar date as the `YYYY-MM-DD` text the repositories select with `DATE_FORMAT(col, '%Y-%m-%d')`, a time as
/// `TIME_FORMAT(col, '%H:%i:%s')` would give it; decimals as their exact text (the default). Egresos stores no
/// binary column: one is written as the text its bytes decode to, as `SQLRow` reads a text column. Booleans
/// (TINYINT(1), `paid`) are `SQLJSONMembers`' `booleans`.
enum EgresosJSONFormat: SQLJSONFormat {
    /// `"YYYY-MM-DD"`, each field zero-padded (a zero date is `"0000-00-00"`, as `DATE_FORMAT` writes it).
    static func appendDate(_ date: SQLDate, to output: inout JSONOutput) {
        output.append(UInt8(ascii: "\""))
        output.appendDecimal(max(date.year, 0), minimumDigits: 4)
        output.append(UInt8(ascii: "-"))
        output.appendDecimal(max(date.month, 0), minimumDigits: 2)
        output.append(UInt8(ascii: "-"))
        output.appendDecimal(max(date.day, 0), minimumDigits: 2)
        output.append(UInt8(ascii: "\""))
    }

    /// ISO 8601 UTC with milliseconds; the column holds UTC (ruling 3).
    static func appendDateTime(_ stamp: SQLDateTime, to output: inout JSONOutput) {
        ISO8601.appendQuoted(utcMilliseconds: stamp.unixMilliseconds, to: &output)
    }

    /// `"[-]HH:MM:SS"`, hours zero-padded to two digits at least.
    static func appendTime(_ time: SQLTime, to output: inout JSONOutput) {
        output.append(UInt8(ascii: "\""))
        if time.negative { output.append(UInt8(ascii: "-")) }
        output.appendDecimal(time.hours, minimumDigits: 2)
        output.append(UInt8(ascii: ":"))
        output.appendDecimal(time.minutes, minimumDigits: 2)
        output.append(UInt8(ascii: ":"))
        output.appendDecimal(time.seconds, minimumDigits: 2)
        output.append(UInt8(ascii: "\""))
    }

    /// The bytes as the text they decode to (invalid UTF-8 repaired, as `String(decoding:as:)` does).
    static func appendBlob(_ bytes: UnsafeRawBufferPointer, to output: inout JSONOutput) {
        JSONWriter.appendString(utf8: bytes, to: &output)
    }
}
