import AppCore
import HTTPCore
import MariaDB

/// Turns database rows into Monitor's JSON: DATE as `YYYY-MM-DDT12:00:00.000Z` (M9), DATETIME as ISO 8601 UTC
/// with milliseconds (M3), DECIMAL as a string (as the original's Prisma output), TIME as `1970-01-01THH:MM:SS.sssZ` (M11, §10),
/// booleans (TINYINT(1) columns named in `booleans`) as `true`/`false`. The hot reads write the same bytes straight
/// from the fetched rows (`SQLRowJSON` with `MonitorJSONFormat`); tests hold the two together.
enum RowJSON {
    /// The row as an object, columns in select order.
    static func object(_ row: SQLRow, booleans: Set<String> = []) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        members.reserveCapacity(row.values.count)
        for (index, name) in row.columns.names.enumerated() {
            members.append((name, value(row.values[index], boolean: booleans.contains(name))))
        }
        return members
    }

    /// One value.
    static func value(_ value: SQLValue, boolean: Bool = false) -> JSONValue {
        switch value {
        case .null: return .null
        case .int(let n): return boolean ? .bool(n != 0) : .int(n)
        case .uint(let n): return boolean ? .bool(n != 0) : .number(String(n))
        case .double(let d): return .double(d)
        case .decimal(let text): return .string(text)
        case .text(let text): return .string(text)
        case .blob(let bytes): return .string(Base64URL.encode(bytes))
        case .date(let date):
            return CivilDate(year: date.year, month: date.month, day: date.day).map { .string(ISO8601.noonUTC($0)) } ?? .null
        case .dateTime(let stamp):
            return .string(ISO8601.format(utcMilliseconds: stamp.unixMilliseconds))
        case .time(let time):
            return .string(ISO8601.format(utcMilliseconds: MonitorJSONFormat.millisecondsOfDay(time)))
        }
    }
}
