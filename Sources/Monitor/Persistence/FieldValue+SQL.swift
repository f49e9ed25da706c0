import AppCore
import MariaDB

extension FieldValue {
    /// The bind for this value (instants and times are stored as UTC DATETIME(3) / TIME(3)).
    var sqlValue: SQLValue {
        switch self {
        case .null: return .null
        case .text(let text): return .text(text)
        case .date(let date): return .date(SQLDate(year: date.year, month: date.month, day: date.day))
        case .timestamp(let millis):
            return .dateTime(SQLDateTime(unixMilliseconds: millis))
        case .timeOfDay(let millis):
            return .time(SQLTime(negative: false, hours: millis / 3_600_000, minutes: millis / 60_000 % 60,
                                 seconds: millis / 1_000 % 60, microseconds: millis % 1_000 * 1_000))
        case .boolean(let flag): return .int(flag ? 1 : 0)
        case .integer(let value): return .int(Int64(value))
        case .money(let text): return .decimal(text)
        }
    }
}
