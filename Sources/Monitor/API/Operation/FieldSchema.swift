import HTTPCore

/// JSON Schemas from `FieldSpec`s, so the documented request is the one `FieldDecoder` enforces (ruling 10):
/// texts with their `maxLength`, dates, instants and times with the patterns the decoder accepts, booleans,
/// integers with their range, amounts as a number or a numeric string; `null` where the field is nullable.
enum FieldSchema {
    /// ISO 8601 as `FieldDecoder` parses it (`ISO8601.parse`, `CivilDate(iso:)`): a date, optionally a time with
    /// `T`, `t` or a space, seconds, a fraction and an offset.
    static let isoPattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$"
    /// What a body that refuses unknown keys says of them.
    static let refusalNote = "Any other key is a 400 naming it (ruling 1, monitor.md §9)."

    /// A time of day (`TimeOfDay.milliseconds`), or the form the API returns it in (M11).
    static let timePattern = #"^([0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?|1970-01-01T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?Z?)$"#

    /// An object of `fields`, every one optional; `description` says what it is (by default, when other keys are
    /// refused, that they are).
    static func object(_ fields: [FieldSpec], refusesUnknownKeys: Bool, nullMeaning: MonitorBody.NullMeaning?,
                       description: String? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [("type", "object")]
        if let text = description ?? (refusesUnknownKeys ? refusalNote : nil) { members.append(("description", .string(text))) }
        if refusesUnknownKeys { members.append(("additionalProperties", false)) }
        members.append(("properties", .object(fields.map {
            ($0.name, property($0, nullable: $0.nullable, nonBlank: false, nullMeaning: nullMeaning))
        })))
        return .object(members)
    }

    /// The schema of one field.
    static func property(_ field: FieldSpec, nullable: Bool, nonBlank: Bool, nullMeaning: MonitorBody.NullMeaning?) -> JSONValue {
        var types: [String]
        var members: [(String, JSONValue)] = []
        var rules: String?
        switch field.kind {
        case .text(let maxLength):
            types = ["string"]
            if nonBlank { members.append(("minLength", 1)) }
            members.append(("maxLength", .integer(maxLength)))
        case .date:
            types = ["string"]
            members += [("minLength", 1), ("pattern", .string(isoPattern))]
            rules = "Format `YYYY-MM-DD`; an ISO date-time is also accepted and its calendar date in America/Mexico_City is used (ruling M3)."
        case .dateOrDayMonthYear:
            types = ["string"]
            members.append(("minLength", 1))
            rules = "`YYYY-MM-DD`, `DD/MM/YYYY` or an ISO date-time (ruling M9)."
        case .timestamp:
            types = ["string"]
            members += [("minLength", 1), ("pattern", .string(isoPattern))]
            rules = "ISO 8601, as the pattern says: a date-time with `T`, `t` or a space, optional seconds and fraction, and an offset (`Z`, `±HH:MM`, `±HHMM`) or none (local time in America/Mexico_City); a bare `YYYY-MM-DD` is noon local time (ruling M3)."
        case .timeOfDay:
            types = ["string"]
            members += [("minLength", 1), ("pattern", .string(timePattern))]
            rules = "`HH:MM`, `HH:MM:SS[.ffffff]` or the form the API returns, `1970-01-01THH:MM:SS.000Z` (ruling M11)."
        case .boolean:
            types = ["boolean"]
        case .integer(let range):
            types = ["integer"]
            members += [("format", "int32"), ("minimum", .integer(range.lowerBound)), ("maximum", .integer(range.upperBound))]
        case .money:
            types = ["number", "string"]
            rules = "Amount with at most 2 decimals (a number or a numeric string)."
        }
        if let format = field.format { members.append(("format", .string(format))) }
        if let allowed = field.allowed {
            members.append(("enum", .array(allowed.map(JSONValue.string) + (nullable ? [.null] : []))))
        }
        if nullable { types.append("null") }
        var text = [field.doc, rules].compactMap { $0 }.joined(separator: " ")
        switch field.kind {
        case .date, .dateOrDayMonthYear, .timeOfDay, .timestamp:
            let other = field.kind == .timestamp ? "`\"\"` or any other form" : "`\"\"`"
            text += " \((nullMeaning ?? .clears).rawValue); \(other) is a 400 naming the field (ruling M11)."
        case .text, .integer:
            // Only an update says it: on create an omitted or null field is simply empty.
            if nullMeaning == .clears, nullable, field.doc != nil { text += " \(MonitorBody.NullMeaning.clears.rawValue)." }
        case .boolean, .money:
            break
        }
        let type: JSONValue = types.count == 1 ? .string(types[0]) : .array(types.map(JSONValue.string))
        return .object([("type", type)] + members + (text.isEmpty ? [] : [("description", .string(text))]))
    }
}
