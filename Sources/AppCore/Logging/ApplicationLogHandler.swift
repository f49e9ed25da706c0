import HTTPCore
import Logging

/// A swift-log handler that writes monitor.md §8.1's line format to an `ApplicationLogFile`:
/// `[<ISO timestamp>] [<LEVEL>] [<Context>] <message>`, then ` | <compact JSON>` of the metadata when there is any.
///
/// Levels map to the four of §8.1: trace, debug, info → `INFO`; notice → `SUCCESS`; warning → `WARN`;
/// error, critical → `ERROR`. The context is the `contexto` metadata value when given (and then left out of the
/// JSON), else the logger's label. Timestamps come from `clock` in UTC with milliseconds.
public struct ApplicationLogHandler: LogHandler {
    /// The least level written.
    public var logLevel: Logger.Level
    /// The logger's metadata, merged under each message's own.
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let file: ApplicationLogFile
    private let clock: any Clock

    /// A handler for the logger `label` writing to `file`.
    public init(label: String, file: ApplicationLogFile, level: Logger.Level = .info, clock: any Clock = SystemClock()) {
        self.label = label
        self.file = file
        self.logLevel = level
        self.clock = clock
    }

    /// One metadata value.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one line: assembled in one buffer (the timestamp's second from `stamps`) and appended with one write,
    /// or kept for the next batch when the file is buffered (a warning or an error is written at once).
    public func log(event: LogEvent) {
        var output = JSONOutput(capacity: 256)
        let millis = clock.nowMilliseconds()
        let shown = LogEventMetadata.effective(metadata, event) { ["error": "\($0)"] }
        Self.write(millis: millis, level: event.level, context: label, message: event.message.description,
                   metadata: shown, to: &output)
        output.append(0x0A)
        output.withBytes { file.log(terminatedLine: $0, urgent: event.level >= .warning) }
    }

    /// The §8.1 line for one event (no newline).
    public static func line(millis: Int64, level: Logger.Level, context: String, message: String, metadata: Logger.Metadata) -> String {
        var output = JSONOutput(capacity: 256)
        write(millis: millis, level: level, context: context, message: message, metadata: metadata, to: &output)
        return output.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// `[YYYY-MM-DDTHH:MM:SS.` of a second: the part of the timestamp that changes once a second.
    private static let stamps = SecondStampCache { second in
        Array("[".utf8) + Array(ISO8601.format(utcMilliseconds: second * 1_000).utf8.dropLast(4))  // without `000Z`
    }

    /// Writes the §8.1 line (no newline) into `output`: the metadata without `contexto`, sorted by key, as compact JSON.
    static func write(millis: Int64, level: Logger.Level, context: String, message: String, metadata: Logger.Metadata,
                      to output: inout JSONOutput) {
        let second = millis >= 0 ? millis / 1_000 : (millis - 999) / 1_000
        let stamp = stamps.text(forSecond: second)
        stamp.withUnsafeBufferPointer { output.append($0) }
        output.appendDecimal(Int(millis - second * 1_000), minimumDigits: 3)
        output.append("Z] [")
        output.append(levelName(level))
        output.append("] [")
        if let shown = metadata["contexto"] { output.append("\(shown)") } else { output.append(context) }
        output.append("] ")
        if mayContainLineBreak(message) { output.append(oneLine(message)) } else { output.append(message) }
        let shownCount = metadata.count - (metadata["contexto"] == nil ? 0 : 1)
        guard shownCount > 0 else { return }
        output.append(" | {")
        var first = true
        LogEventMetadata.forEachSorted(metadata, excluding: "contexto") { key, value in
            appendMember(key, value, first: &first, to: &output)
        }
        output.append(UInt8(ascii: "}"))
    }

    /// §8.1's level name.
    public static func name(of level: Logger.Level) -> String {
        levelName(level).description
    }

    /// `"key":value` of the metadata object, after a comma unless it is the first.
    private static func appendMember(_ key: String, _ value: Logger.Metadata.Value, first: inout Bool, to output: inout JSONOutput) {
        if !first { output.append(UInt8(ascii: ",")) }
        first = false
        JSONWriter.appendString(key, to: &output)
        output.append(UInt8(ascii: ":"))
        if case .string(let text) = value {
            JSONWriter.appendString(text, to: &output)
        } else {
            JSONWriter.append(json(value), to: &output)
        }
    }

    /// §8.1's level name, without building a string.
    private static func levelName(_ level: Logger.Level) -> StaticString {
        switch level {
        case .trace, .debug, .info: "INFO"
        case .notice: "SUCCESS"
        case .warning: "WARN"
        case .error, .critical: "ERROR"
        }
    }

    /// Whether `text` may hold a `Character.isNewline` (U+000A–U+000D, U+0085, U+2028, U+2029): a byte scan, so
    /// the usual message skips `oneLine`'s walk over characters. A false alarm (another character with an 0x85,
    /// 0xA8 or 0xA9 byte) only takes the exact path.
    private static func mayContainLineBreak(_ text: String) -> Bool {
        text.utf8.contains { (0x0A...0x0D).contains($0) || $0 == 0x85 || $0 == 0xA8 || $0 == 0xA9 }
    }

    /// A message on one line: a newline would split the event in two lines of the file.
    private static func oneLine(_ text: String) -> String {
        guard text.contains(where: \.isNewline) else { return text }
        return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: " ")
    }

    private static func json(_ value: Logger.Metadata.Value) -> JSONValue {
        switch value {
        case .string(let text): .string(text)
        case .stringConvertible(let convertible): .string(convertible.description)
        case .array(let values): .array(values.map(json))
        case .dictionary(let values): .object(values.sorted { $0.key < $1.key }.map { ($0.key, json($0.value)) })
        }
    }
}
