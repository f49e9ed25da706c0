import AppCore
import HTTPCore

/// Checks a body object against field specs: only declared keys are read, a wrong type is a 400 that names the
/// field (ruling 1), and `""` on a date, timestamp or time is a 400 naming the field, never a silent `null` (M11).
/// Unknown keys are ignored where the rulings say so (expedientes, M1/M2) and refused with a 400 naming the key
/// where `unknownKeys` is `.refused` (levantamientos, conceptos, checklists, checklist items: ruling 1, monitor.md §9).
struct FieldDecoder: Sendable {
    /// What a key that no spec declares gets.
    enum UnknownKeys: Sendable {
        /// Skipped silently.
        case ignored
        /// A 400 naming it; `alsoAllowed` are keys read elsewhere (`conceptos`, `items`) or ignored on purpose.
        case refused(alsoAllowed: Set<String> = [])
    }

    let zone: ZoneRules

    func decode(_ object: InputObject, _ fields: [FieldSpec], unknownKeys: UnknownKeys = .ignored) throws -> DecodedFields {
        if case .refused(let alsoAllowed) = unknownKeys {
            try Self.refuseUnknown(object, fields, alsoAllowed: alsoAllowed, prefix: "")
        }
        var result = DecodedFields(values: [])
        for spec in fields {
            guard let input = object[spec.name] else { continue }
            result.values.append((spec.name, try decode(input, spec)))
        }
        return result
    }

    func decode(_ input: Input, _ spec: FieldSpec) throws -> FieldValue {
        if case .null = input {
            guard spec.nullable else { throw FieldDecoder.error(spec, "no puede ser nulo") }
            return .null
        }
        switch spec.kind {
        case .text(let maxLength):
            guard case .string(let text) = input else { throw FieldDecoder.error(spec, "debe ser texto") }
            // MariaDB counts characters as code points (not grapheme clusters), and a TEXT column holds at most
            // 65,535 bytes whatever its character count, so both limits are checked here rather than by the database.
            guard text.unicodeScalars.count <= maxLength, text.utf8.count <= FieldDecoder.textColumnBytes else {
                throw FieldDecoder.error(spec, "excede la longitud máxima de \(maxLength) caracteres")
            }
            return .text(text)
        case .date, .dateOrDayMonthYear:
            guard case .string(let text) = input else { throw FieldDecoder.error(spec, "debe ser una fecha válida (YYYY-MM-DD)") }
            if let date = parseDate(text, dayMonthYear: spec.kind == .dateOrDayMonthYear), FieldDecoder.storableYears.contains(date.year) {
                return .date(date)
            }
            throw FieldDecoder.error(spec, "debe ser una fecha válida (YYYY-MM-DD)")
        case .timestamp:
            guard case .string(let text) = input else { throw FieldDecoder.error(spec, "debe ser una fecha y hora ISO 8601 válida") }
            if let millis = ISO8601.parse(text, zone: zone) {
                guard FieldDecoder.storableMillis.contains(millis) else {
                    throw FieldDecoder.error(spec, "debe ser una fecha y hora ISO 8601 válida")
                }
                return .timestamp(millis)
            }
            if let date = CivilDate(iso: text), FieldDecoder.storableYears.contains(date.year) {
                return .timestamp(zone.utcMilliseconds(localDate: date, millisecondsOfDay: 12 * 3_600_000))
            }
            throw FieldDecoder.error(spec, "debe ser una fecha y hora ISO 8601 válida")
        case .timeOfDay:
            guard case .string(let text) = input else { throw FieldDecoder.error(spec, "debe ser una hora válida (HH:MM o HH:MM:SS)") }
            guard let millis = TimeOfDay.milliseconds(Self.timeOfDayText(text)) else {
                throw FieldDecoder.error(spec, "debe ser una hora válida (HH:MM o HH:MM:SS)")
            }
            return .timeOfDay(millis)
        case .boolean:
            guard case .bool(let flag) = input else { throw FieldDecoder.error(spec, "debe ser verdadero o falso") }
            return .boolean(flag)
        case .integer(let range):
            let text: String
            switch input {
            case .number(let n): text = n
            case .string(let s): text = s
            default: throw FieldDecoder.error(spec, "debe ser un número entero")
            }
            guard let value = Int(text), range.contains(value) else { throw FieldDecoder.error(spec, "debe ser un número entero") }
            return .integer(value)
        case .money:
            let text: String
            switch input {
            case .number(let n): text = n
            case .string(let s): text = s
            default: throw FieldDecoder.error(spec, "debe ser un importe con a lo más 2 decimales")
            }
            guard let amount = FieldDecoder.money(text) else {
                throw FieldDecoder.error(spec, "debe ser un importe con a lo más 2 decimales")
            }
            return .money(amount)
        }
    }

    /// A key of `object` that neither `fields` nor `alsoAllowed` names is a 400 naming it (`prefix` + key).
    static func refuseUnknown(_ object: InputObject, _ fields: [FieldSpec], alsoAllowed: Set<String>, prefix: String) throws {
        for key in object.keys where !alsoAllowed.contains(key) && !fields.contains(where: { $0.name == key }) {
            throw MonitorError(status: 400, "El campo '\(prefix)\(key)' no está permitido")
        }
    }

    /// The time of the form the API returns (`1970-01-01THH:MM:SS.sssZ`, M11), else `text` as it is.
    static func timeOfDayText(_ text: String) -> String {
        guard text.hasPrefix(isoTimePrefix) else { return text }
        let rest = text.dropFirst(isoTimePrefix.count)
        return String(rest.hasSuffix("Z") ? rest.dropLast() : rest)
    }

    /// The date part of a TIME column as the API returns it (monitor.md §10).
    static let isoTimePrefix = "1970-01-01T"

    /// `YYYY-MM-DD`, an ISO date-time (its local date), or, when allowed, `DD/MM/YYYY`.
    func parseDate(_ text: String, dayMonthYear: Bool) -> CivilDate? {
        if let date = CivilDate(iso: text) { return date }
        if text.utf8.count > 10, let millis = ISO8601.parse(text, zone: zone) {
            return zone.civilDate(atUTCMilliseconds: millis)
        }
        if dayMonthYear {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            if parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
               let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) {
                return CivilDate(year: y, month: m, day: d)
            }
        }
        return nil
    }

    /// The canonical decimal text of an amount (`"3500"` → `"3500.00"`), or nil.
    static func money(_ text: String) -> String? {
        var body = Substring(text)
        var negative = false
        if body.first == "-" { negative = true; body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.count <= 12,
              whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 2, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        if parts.count == 2 && fraction.isEmpty { return nil }
        while fraction.count < 2 { fraction += "0" }
        let trimmed = whole.drop { $0 == "0" }
        return (negative ? "-" : "") + (trimmed.isEmpty ? "0" : String(trimmed)) + "." + fraction
    }

    /// The years a DATE column holds; a date outside them (e.g. an instant late on 9999-12-31 UTC that is already
    /// year 10000 in the module zone) is a 400, not a database error.
    static let storableYears = 0...9999
    /// The instants a DATETIME(3) column holds: 0000-01-01T00:00:00.000Z through 9999-12-31T23:59:59.999Z.
    static let storableMillis: ClosedRange<Int64> = -62_167_219_200_000...253_402_300_799_999

    /// The most bytes a TEXT column holds; no text field can be longer.
    static let textColumnBytes = 65_535

    static func error(_ spec: FieldSpec, _ problem: String) -> MonitorError {
        MonitorError(status: 400, "El campo '\(spec.name)' \(problem)")
    }
}
