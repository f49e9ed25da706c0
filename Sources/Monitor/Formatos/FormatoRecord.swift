import AppCore
import HTTPCore
import Spreadsheet

/// One row of Monitor's JSON (an expediente, a checklist, a levantamiento or one of their children) read for a
/// form: text as printed, `X` marks, and the date columns as spreadsheet dates in the module's time zone (§7, M13).
struct FormatoRecord {
    private let values: [String: JSONValue]

    /// The members of `json` when it is an object (first of a repeated key); empty otherwise.
    init(_ json: JSONValue?) {
        var values: [String: JSONValue] = [:]
        if case .object(let members)? = json {
            for (key, value) in members where values[key] == nil { values[key] = value }
        }
        self.values = values
    }

    /// The value as printed: strings as they are, numbers in their JSON form, `null` and absent as `""`.
    func text(_ key: String) -> String {
        switch values[key] {
        case .string(let text)?: return text
        case .int(let n)?: return String(n)
        case .number(let text)?: return text
        case .double(let d)?: return String(d)
        case .bool(let b)?: return b ? "true" : "false"
        case .null?, .array?, .object?, nil: return ""
        }
    }

    /// `X` when the value is `true`, `""` otherwise (§7: booleans print as X marks).
    func mark(_ key: String) -> String {
        if case .bool(true)? = values[key] { return "X" }
        return ""
    }

    /// A DATE column (`YYYY-MM-DDT12:00:00.000Z`, M9) as that calendar day: no time zone arithmetic, so the
    /// printed day is the stored day (the original printed the day before, §12.2).
    func civilDate(_ key: String) -> CivilDate? {
        CivilDate(iso: String(text(key).prefix(10)))
    }

    /// A DATE column as a spreadsheet date, or a blank cell.
    func date(_ key: String) -> CellValue {
        guard let date = civilDate(key) else { return .blank }
        return .date(year: date.year, month: date.month, day: date.day)
    }

    /// A DATE column as `d/m/yyyy` text (es-MX short form), or `""`.
    func dateText(_ key: String) -> String {
        guard let date = civilDate(key) else { return "" }
        return "\(date.day)/\(date.month)/\(date.year)"
    }

    /// An instant (ISO 8601 UTC, M3) as a date and wall-clock time in `zone`, or a blank cell.
    func timestamp(_ key: String, zone: ZoneRules) -> CellValue {
        guard let millis = ISO8601.parse(text(key), zone: zone) else { return .blank }
        let date = zone.civilDate(atUTCMilliseconds: millis)
        let seconds = zone.millisecondsOfDay(atUTCMilliseconds: millis) / 1_000
        return .dateTime(year: date.year, month: date.month, day: date.day,
                         hour: seconds / 3_600, minute: seconds / 60 % 60, second: seconds % 60)
    }

    /// A TIME column (`1970-01-01THH:MM:SS.000Z`, M11) as a time of day, or a blank cell.
    func time(_ key: String) -> CellValue {
        let value = text(key)
        guard value.hasPrefix("1970-01-01T"), let millis = TimeOfDay.milliseconds(String(value.dropFirst(11).prefix(8))) else {
            return .blank
        }
        let seconds = millis / 1_000
        return .time(hour: seconds / 3_600, minute: seconds / 60 % 60, second: seconds % 60)
    }

    /// A DECIMAL column (a JSON string, §10) as a number, or nil when null or not a number.
    func decimal(_ key: String) -> Double? {
        Double(text(key)).flatMap { $0.isFinite ? $0 : nil }
    }

    /// A DECIMAL column as a number cell, or a blank cell.
    func number(_ key: String) -> CellValue {
        decimal(key).map(CellValue.number) ?? .blank
    }

    /// The child rows of an array member (`checklist_item`, `levantamiento_concepto`).
    func children(_ key: String) -> [FormatoRecord] {
        guard case .array(let items)? = values[key] else { return [] }
        return items.map(FormatoRecord.init)
    }

    /// A nested object member (`aseguradora`).
    func child(_ key: String) -> FormatoRecord {
        FormatoRecord(values[key])
    }
}
