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

    /// Writes one line.
    public func log(event: LogEvent) {
        var merged = metadata
        if let explicit = event.metadata { merged.merge(explicit) { $1 } }
        if let error = event.error { merged["error"] = "\(error)" }
        file.append(Self.line(millis: clock.nowMilliseconds(), level: event.level, context: label, message: "\(event.message)",
                              metadata: merged))
    }

    /// The §8.1 line for one event (no newline).
    public static func line(millis: Int64, level: Logger.Level, context: String, message: String, metadata: Logger.Metadata) -> String {
        var data = metadata
        let shownContext = data.removeValue(forKey: "contexto").map { "\($0)" } ?? context
        var text = "[\(ISO8601.format(utcMilliseconds: millis))] [\(name(of: level))] [\(shownContext)] \(oneLine(message))"
        if !data.isEmpty {
            let object = JSONValue.object(data.sorted { $0.key < $1.key }.map { ($0.key, json($0.value)) })
            text += " | " + String(decoding: JSONWriter.encode(object), as: UTF8.self)
        }
        return text
    }

    /// §8.1's level name.
    public static func name(of level: Logger.Level) -> String {
        switch level {
        case .trace, .debug, .info: "INFO"
        case .notice: "SUCCESS"
        case .warning: "WARN"
        case .error, .critical: "ERROR"
        }
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
