import AppCore
import HTTPCore
import MariaDB

/// Turns database rows into Transporte records (T1, T7): keys are the column names (PascalCase); DATETIME
/// columns (UTC) as `YYYY-MM-DDTHH:MM:SS` in the module's zone; DATE as `YYYY-MM-DD`; TIME as `HH:MM:SS`;
/// DECIMAL as a JSON number; the BOOLEAN columns of the schema as `true`/`false`.
struct RecordJSON: Sendable {
    /// Column names that hold BOOLEAN (TINYINT(1)) values across the module's tables.
    static let booleanColumns: Set<String> = [
        "Eliminado", "EsEstadoFinal", "PermiteAsignacion", "EsPuntoFrecuente", "EsOrigen", "RequiereRetorno", "Activo",
    ]

    let zone: ZoneRules

    /// The row as an object, columns in select order.
    func object(_ row: SQLRow) -> JSONValue {
        .object(members(row))
    }

    /// The row's members, for callers that append nested lists.
    func members(_ row: SQLRow) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        members.reserveCapacity(row.values.count)
        for (index, name) in row.columns.names.enumerated() {
            members.append((name, value(row.values[index], boolean: Self.booleanColumns.contains(name))))
        }
        return members
    }

    /// The members of `values`, a part of a row laid out as `layout` (no lookups by name).
    func members(_ values: ArraySlice<SQLValue>, _ layout: RecordLayout) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        members.reserveCapacity(values.count)
        var index = values.startIndex
        for (position, name) in layout.columns.names.enumerated() {
            members.append((name, value(values[index], boolean: layout.booleans[position])))
            index += 1
        }
        return members
    }

    /// One value.
    func value(_ value: SQLValue, boolean: Bool = false) -> JSONValue {
        switch value {
        case .null: return .null
        case .int(let n): return boolean ? .bool(n != 0) : .int(n)
        case .uint(let n): return boolean ? .bool(n != 0) : .number(String(n))
        case .double(let d): return .double(d)
        case .decimal(let text): return Double(text).map(JSONValue.double) ?? .string(text)
        case .text(let text): return .string(text)
        case .blob(let bytes): return .string(String(decoding: bytes, as: UTF8.self))
        case .date(let date): return .string(date.description)
        case .dateTime(let stamp): return .string(localTimestamp(stamp))
        case .time(let time): return .string(TimeOfDay.format(hours: time.hours, minutes: time.minutes, seconds: time.seconds))
        }
    }

    /// A stored UTC instant as local `YYYY-MM-DDTHH:MM:SS` (T7).
    func localTimestamp(_ stamp: SQLDateTime) -> String {
        Self.localTimestamp(utcMilliseconds: stamp.unixMilliseconds, zone: zone)
    }

    /// A UTC instant as local `YYYY-MM-DDTHH:MM:SS` in `zone`.
    static func localTimestamp(utcMilliseconds millis: Int64, zone: ZoneRules) -> String {
        let date = zone.civilDate(atUTCMilliseconds: millis)
        return date.description + "T" + TimeOfDay.format(milliseconds: zone.millisecondsOfDay(atUTCMilliseconds: millis))
    }
}
