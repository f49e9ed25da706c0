@testable import AppCore
import Glibc
import Logging
import Testing

@Suite("AppCore: the standard-error log line is swift-log's StreamLogHandler line, byte for byte")
struct StandardErrorLogHandlerTests {
    /// A TextOutputStream keeping what StreamLogHandler writes.
    final class Captured: TextOutputStream, @unchecked Sendable {
        var text = ""
        func write(_ string: String) { text += string }
    }

    /// `%Y-%m-%dT%H:%M:%S%z` of `seconds` as strftime writes it (the reference).
    static func strftimeStamp(_ seconds: time_t) -> String {
        var clock = seconds, parts = tm()
        localtime_r(&clock, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%S%z", &parts)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    @Test("The timestamp is strftime's %Y-%m-%dT%H:%M:%S%z, for fixed instants across years, months and days")
    func timestamp() {
        for seconds: time_t in [0, 86_399, 951_782_400, 1_764_590_400, 1_796_000_000, 4_102_444_800] {
            var line: [UInt8] = []
            StandardErrorLogHandler.appendTimestamp(seconds, to: &line)
            #expect(String(decoding: line, as: UTF8.self) == Self.strftimeStamp(seconds))
        }
    }

    @Test("A line's timestamp is its own second's, whatever second the line before had (the text is cached per second)")
    func cachedTimestamp() {
        let handler = StandardErrorLogHandler(label: "l")
        let event = LogEvent(level: .info, message: "m", error: nil, metadata: nil, source: "S", file: #fileID,
                             function: #function, line: #line)
        for seconds: time_t in [1_764_590_400, 1_764_590_401, 1_764_590_400, 0, 4_102_444_800, 4_102_444_800, 86_399] {
            #expect(String(decoding: handler.line(event: event, seconds: seconds), as: UTF8.self)
                    == "\(Self.strftimeStamp(seconds)) info l: [S] m\n")
        }
    }

    @Test("After the timestamp: level, label, sorted metadata (logger's, the event's, the error's), source, message")
    func line() {
        struct Failure: Error, CustomStringConvertible { var description: String { "it broke" } }
        let cases: [(Logger.Metadata, Logger.Metadata?, (any Error)?)] = [
            ([:], nil, nil),
            (["request_id": "abc", "worker": .stringConvertible(3)], nil, nil),
            (["worker": "1"], ["user": .stringConvertible(7), "a": .array(["x", "y"]), "d": .dictionary(["k": "v"])], nil),
            (["request_id": "r"], ["request_id": "override"], Failure()),
        ]
        for (base, explicit, error) in cases {
            let captured = Captured()
            var reference = StreamLogHandler(label: "ventanilla.monitor", stream: captured, metadataProvider: nil)
            reference.metadata = base
            var handler = StandardErrorLogHandler(label: "ventanilla.monitor")
            handler.metadata = base
            let event = LogEvent(level: .warning, message: "GET /api/x 200 1.000ms", error: error, metadata: explicit,
                                 source: "App", file: #fileID, function: #function, line: #line)
            reference.log(event: event)
            let ours = String(decoding: handler.line(event: event, seconds: 0), as: UTF8.self)
            let afterStamp = { (text: String) in text.drop { $0 != " " } }
            #expect(afterStamp(ours) == afterStamp(captured.text))
            #expect(ours.hasSuffix("\n"))
        }
    }
}
