/// What a cell holds. Dates and times are wall-clock values with no time zone: the caller converts instants to the
/// zone the sheet is read in, so a calendar date is written as that same day (no previous-day shift).
public enum CellValue: Sendable, Equatable {
    /// Text (an empty string leaves the cell blank, keeping its style).
    case text(String)
    /// A number.
    case number(Double)
    /// A calendar date (shown with the cell's number format, e.g. `d/m/yyyy`).
    case date(year: Int, month: Int, day: Int)
    /// A date and a wall-clock time.
    case dateTime(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)
    /// A time of day only.
    case time(hour: Int, minute: Int, second: Int)
    /// A formula (`"=SUM(E21:E74)"`) with the value a reader that does not calculate shows.
    case formula(String, cached: Double)
    /// Nothing but the cell's style.
    case blank
}
