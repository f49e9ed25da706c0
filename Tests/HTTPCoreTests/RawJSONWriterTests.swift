import AppCore
import Testing
@testable import HTTPCore

/// The writers that put database values into JSON without a `String` in between (issue 16) must write exactly the
/// bytes of the `JSONValue` path they replace: `.string` of the decoded text, `.number(String(n))` of an unsigned
/// integer, and the ISO 8601 texts of `ISO8601.format` and `noonUTC`.
@Suite("JSONWriter: raw bytes, unsigned integers and ISO 8601 into the output")
struct RawJSONWriterTests {
    @Test("UTF-8 bytes escape as the String they decode to", arguments: JSONWriterTests.stringCases.map { $0.0 } + [
        String(repeating: "largo \u{1} ñ 😀 \"\\ ", count: 200), "\u{0}", "a\u{E2}b", "\u{E2}\u{80}",
    ])
    func validText(_ text: String) {
        let raw = JSONOutput.written { output in
            Array(text.utf8).withUnsafeBytes { JSONWriter.appendString(utf8: $0, to: &output) }
        }
        #expect(raw == JSONWriter.encode(.string(text)))
    }

    @Test("invalid UTF-8 is written as its decoding (U+FFFD), like the String path", arguments: [
        [0xFF], [0x61, 0xC3], [0xED, 0xA0, 0x80], [0xC0, 0x80], [0xF0, 0x9F, 0x98], [0xE2, 0x80, 0xFF, 0x22],
        [0xF4, 0x90, 0x80, 0x80], [0x80, 0x0A],
    ] as [[UInt8]])
    func invalidText(_ bytes: [UInt8]) {
        let raw = JSONOutput.written { output in bytes.withUnsafeBytes { JSONWriter.appendString(utf8: $0, to: &output) } }
        #expect(raw == JSONWriter.encode(.string(String(decoding: bytes, as: UTF8.self))))
    }

    @Test("an empty buffer is an empty string")
    func emptyText() {
        #expect(JSONOutput.written { JSONWriter.appendString(utf8: UnsafeRawBufferPointer(start: nil, count: 0), to: &$0) }
                == Array("\"\"".utf8))
    }

    @Test("unsigned integers as .number(String(n))", arguments: [0, 7, 1_000_000, UInt64(Int64.max), UInt64(Int64.max) + 1, .max] as [UInt64])
    func unsigned(_ number: UInt64) {
        #expect(JSONOutput.written { JSONWriter.appendUnsigned(number, to: &$0) } == JSONWriter.encode(.number(String(number))))
    }

    /// Instants over the whole range: the epoch, leap days, the ends of four-digit years and beyond them, negative
    /// milliseconds, and a sweep of odd steps.
    static let instants: [Int64] = [
        0, -1, 1, 999, 86_399_999, 951_782_400_000, 951_868_799_999, 1_796_126_400_000, 253_402_300_799_999,
        253_402_300_800_000, -62_135_596_800_000, -62_135_596_800_001, -62_167_219_200_000, -62_167_219_200_001,
        -99_999_999_999_999, 999_999_999_999_999,
    ] + (0..<3_000).map { Int64($0) * 133_333_337_777 - 150_000_000_000_000 }

    @Test("appendQuoted(utcMilliseconds:) writes format(utcMilliseconds:) quoted, across the range")
    func instantsMatch() {
        for millis in Self.instants {
            let raw = JSONOutput.written { ISO8601.appendQuoted(utcMilliseconds: millis, to: &$0) }
            #expect(raw == JSONWriter.encode(.string(ISO8601.format(utcMilliseconds: millis))), "\(millis)")
        }
    }

    @Test("appendQuotedNoonUTC writes noonUTC quoted")
    func noonMatches() throws {
        for (year, month, day) in [(1, 1, 1), (999, 9, 9), (2024, 2, 29), (9999, 12, 31), (1970, 1, 1)] {
            let date = try #require(CivilDate(year: year, month: month, day: day))
            let raw = JSONOutput.written { ISO8601.appendQuotedNoonUTC(date, to: &$0) }
            #expect(raw == JSONWriter.encode(.string(ISO8601.noonUTC(date))))
        }
    }

    @Test("a part written aside is appended by range")
    func appendRange() {
        var aside = JSONOutput(capacity: 4)
        aside.append("[1,2][3]")
        var output = JSONOutput(capacity: 4)
        output.append(aside, range: 5..<8)
        output.append(aside, range: 0..<5)
        #expect(output.bytes() == Array("[3][1,2]".utf8))
    }
}
