import Glibc
import HTTPCore
import Logging

/// A swift-log handler writing swift-log's `StreamLogHandler` line format to standard error, byte for byte:
/// `<local time %Y-%m-%dT%H:%M:%S%z> <level> <label>: <key=value …> [<source>] <message>` (metadata sorted by key,
/// left out when empty), at a fraction of its cost per line: the local time is converted with `localtime_r`,
/// which reads the zone file once per process (`localtime`, which `StreamLogHandler` calls, makes glibc check
/// the zone file again on every call), the metadata is rendered only when a line is written (not on each change),
/// the timestamp is formatted once per second (`SecondStampCache`), and the line is assembled in one byte buffer
/// and written with one `write(2)`, or, in a server, batched with other lines (`LogLineBuffer`).
public struct StandardErrorLogHandler: LogHandler {
    /// The least level written.
    public var logLevel: Logger.Level = .info
    /// The logger's metadata.
    public var metadata: Logger.Metadata = [:]
    private let label: String
    /// Where lines wait for their batch (a server's), or nil: each line is written at once.
    private let buffer: LogLineBuffer?

    /// A handler for the logger `label`; with a `buffer` (one for the process, on descriptor 2), lines are written
    /// in batches, a warning or an error at once with the lines before it.
    public init(label: String, buffer: LogLineBuffer? = nil) {
        Self.loadZoneOnce
        self.label = label
        self.buffer = buffer
    }

    /// One metadata value.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one line to file descriptor 2 with one `write(2)`, or keeps it for the buffer's next batch.
    public func log(event: LogEvent) {
        var output = JSONOutput(capacity: 256)
        write(event: event, seconds: time(nil), to: &output)
        output.withBytes { bytes in
            if let buffer { buffer.append(bytes, urgent: event.level >= .warning) } else { LogLineBuffer.writeAll(bytes, to: 2) }
        }
    }

    /// The line for `event` at Unix time `seconds` (newline included).
    func line(event: LogEvent, seconds: time_t) -> [UInt8] {
        var output = JSONOutput(capacity: 256)
        write(event: event, seconds: seconds, to: &output)
        return output.bytes()
    }

    /// Writes the line for `event` at Unix time `seconds` (newline included) into `output`.
    private func write(event: LogEvent, seconds: time_t, to output: inout JSONOutput) {
        Self.stamps.text(forSecond: Int64(seconds)).withUnsafeBufferPointer { output.append($0) }
        output.append(0x20)
        output.append(event.level.rawValue)
        if !label.isEmpty {
            output.append(0x20)
            output.append(label)
        }
        output.append(UInt8(ascii: ":"))
        let shown = LogEventMetadata.effective(metadata, event) { error in
            ["error.message": "\(error)", "error.type": "\(String(reflecting: type(of: error)))"]
        }
        LogEventMetadata.forEachSorted(shown) { key, value in Self.appendEntry(key, value, to: &output) }
        output.append(" [")
        output.append(event.source)
        output.append("] ")
        output.append(event.message.description)
        output.append(0x0A)
    }

    /// ` key=value` of one entry.
    private static func appendEntry(_ key: String, _ value: Logger.Metadata.Value, to output: inout JSONOutput) {
        output.append(0x20)
        output.append(key)
        output.append(UInt8(ascii: "="))
        switch value {
        case .string(let text): output.append(text)
        default: output.append("\(value)")
        }
    }

    /// The local `%Y-%m-%dT%H:%M:%S%z` of a second, made once per second.
    private static let stamps = SecondStampCache { second in
        var text: [UInt8] = []
        appendTimestamp(time_t(second), to: &text)
        return text
    }

    /// glibc reads the zone file here, once; `localtime_r` does not read it again.
    private static let loadZoneOnce: Void = tzset()

    /// `%Y-%m-%dT%H:%M:%S%z` of `seconds` in the process's local time zone.
    static func appendTimestamp(_ seconds: time_t, to line: inout [UInt8]) {
        var clock = seconds
        var parts = tm()
        guard localtime_r(&clock, &parts) != nil else {
            line.append(contentsOf: "<unknown>".utf8)
            return
        }
        line.appendDecimal(Int(parts.tm_year) + 1900, minimumDigits: 4)
        line.append(UInt8(ascii: "-"))
        line.appendDecimal(Int(parts.tm_mon) + 1, minimumDigits: 2)
        line.append(UInt8(ascii: "-"))
        line.appendDecimal(Int(parts.tm_mday), minimumDigits: 2)
        line.append(UInt8(ascii: "T"))
        line.appendDecimal(Int(parts.tm_hour), minimumDigits: 2)
        line.append(UInt8(ascii: ":"))
        line.appendDecimal(Int(parts.tm_min), minimumDigits: 2)
        line.append(UInt8(ascii: ":"))
        line.appendDecimal(Int(parts.tm_sec), minimumDigits: 2)
        let offset = Int(parts.tm_gmtoff) / 60
        line.append(offset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
        line.appendDecimal(abs(offset) / 60 * 100 + abs(offset) % 60, minimumDigits: 4)
    }
}
