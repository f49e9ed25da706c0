/// What one body field accepts; the endpoints declare their fields as data (`FieldSpec`) and one decoder
/// checks them all, so every field error has the same shape.
enum FieldKind: Sendable, Equatable {
    /// A JSON string of at most `maxLength` characters (code points, as MariaDB counts them) and 65,535 UTF-8 bytes.
    case text(maxLength: Int)
    /// A calendar date: `YYYY-MM-DD`, or an ISO date-time whose local date (module zone) is used (ruling M3).
    case date
    /// As `date`, and also `DD/MM/YYYY` (levantamiento `fecha`, ruling M9).
    case dateOrDayMonthYear
    /// An instant: ISO 8601 (without a zone: local time in the module zone).
    case timestamp
    /// A time of day: `HH:MM` or `HH:MM:SS[.fff]`.
    case timeOfDay
    /// A JSON boolean.
    case boolean
    /// A JSON integer in `range` (also a string of digits, as forms send them).
    case integer(ClosedRange<Int>)
    /// An amount: a JSON number or numeric string with at most 2 decimals and 12 integer digits.
    case money
}
