import AppCore
import HTTPCore

extension FieldValue {
    /// The value as a response shows it: dates `YYYY-MM-DD`, times `HH:MM:SS`, decimals as numbers.
    var json: JSONValue {
        switch self {
        case .null: .null
        case .text(let text): .string(text)
        case .integer(let value): .integer(value)
        case .decimal(let text): .number(text)
        case .boolean(let flag): .bool(flag)
        case .date(let date): .string(date.description)
        case .time(let milliseconds):
            .string([milliseconds / 3_600_000, milliseconds / 60_000 % 60, milliseconds / 1_000 % 60]
                .map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":"))
        }
    }
}
