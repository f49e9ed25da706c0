import AppCore
import HTTPCore
import MariaDB
import Testing
@testable import Monitor

/// `MonitorJSONFormat` writes dates, times and blobs from fetched rows; its bytes must be those of `RowJSON.value`
/// (M3, M9, M11) through `JSONWriter`, zero dates, long and negative TIMEs and sub-millisecond fractions included.
@Suite("Monitor: the JSON forms written from rows")
struct MonitorJSONFormatTests {
    @Test("DATE as noon UTC, null for a zero date", arguments: [
        SQLDate(year: 2024, month: 2, day: 29), SQLDate(year: 1, month: 1, day: 1), SQLDate(year: 9999, month: 12, day: 31),
        SQLDate(year: 0, month: 0, day: 0), SQLDate(year: 2023, month: 2, day: 29),
    ])
    func dates(_ date: SQLDate) {
        #expect(JSONOutput.written { MonitorJSONFormat.appendDate(date, to: &$0) } == JSONWriter.encode(RowJSON.value(.date(date))))
    }

    @Test("DATETIME as ISO 8601 UTC with milliseconds, with and without a fraction", arguments: [
        SQLDateTime(year: 2024, month: 3, day: 20, hour: 10, minute: 30),
        SQLDateTime(year: 2024, month: 3, day: 20, hour: 10, minute: 30, second: 59, microsecond: 123_456),
        SQLDateTime(year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59, microsecond: 999_999),
        SQLDateTime(year: 9999, month: 12, day: 31, hour: 23, minute: 59, second: 59, microsecond: 999_000),
        SQLDateTime(year: 1000, month: 1, day: 1, microsecond: 1),
    ])
    func dateTimes(_ stamp: SQLDateTime) {
        #expect(JSONOutput.written { MonitorJSONFormat.appendDateTime(stamp, to: &$0) } == JSONWriter.encode(RowJSON.value(.dateTime(stamp))))
    }

    @Test("TIME on 1970-01-01, long and negative ones as RowJSON writes them", arguments: [
        SQLTime(hours: 8, minutes: 5, seconds: 9), SQLTime(hours: 23, minutes: 59, seconds: 59, microseconds: 999_999),
        SQLTime(hours: 838, minutes: 59, seconds: 59), SQLTime(negative: true, hours: 1, minutes: 2, seconds: 3, microseconds: 400_000),
    ])
    func times(_ time: SQLTime) {
        #expect(JSONOutput.written { MonitorJSONFormat.appendTime(time, to: &$0) } == JSONWriter.encode(RowJSON.value(.time(time))))
    }

    @Test("blobs as base64url text, decimals as their exact text", arguments: [[], [0], [0xFB, 0xFF, 0xBF], Array(0...255)] as [[UInt8]])
    func blobsAndDecimals(_ bytes: [UInt8]) {
        #expect(JSONOutput.written { out in bytes.withUnsafeBytes { MonitorJSONFormat.appendBlob($0, to: &out) } }
                == JSONWriter.encode(RowJSON.value(.blob(bytes))))
        let decimal = "-0012345.678"
        #expect(JSONOutput.written { out in Array(decimal.utf8).withUnsafeBytes { MonitorJSONFormat.appendDecimal($0, to: &out) } }
                == JSONWriter.encode(RowJSON.value(.decimal(decimal))))
    }
}
