import HTTPCore
import MariaDB

/// A module's JSON form of the column kinds it has a convention for (dates, times, binary, decimals), used by
/// `SQLRowJSON` when it writes fetched rows straight into a response. Every other kind has one form everywhere:
/// NULL `null`, integers as numbers, doubles as `JSONWriter` writes them, text as an escaped string.
package protocol SQLJSONFormat {
    /// Appends a `DATE` column's value.
    static func appendDate(_ date: SQLDate, to output: inout JSONOutput)
    /// Appends a `DATETIME`/`TIMESTAMP` column's value.
    static func appendDateTime(_ stamp: SQLDateTime, to output: inout JSONOutput)
    /// Appends a `TIME` column's value.
    static func appendTime(_ time: SQLTime, to output: inout JSONOutput)
    /// Appends a binary column's bytes (valid only during the call).
    static func appendBlob(_ bytes: UnsafeRawBufferPointer, to output: inout JSONOutput)
    /// Appends a `DECIMAL` column's exact text (ASCII digits, valid only during the call).
    static func appendDecimal(_ digits: UnsafeRawBufferPointer, to output: inout JSONOutput)
}

extension SQLJSONFormat {
    /// A decimal as a JSON string of its exact text (no rounding through a double), the form the modules return.
    package static func appendDecimal(_ digits: UnsafeRawBufferPointer, to output: inout JSONOutput) {
        JSONWriter.appendString(utf8: digits, to: &output)
    }
}
