import Spreadsheet

/// One field of a form as data: where its label goes, which column of the row it prints, how, and where.
struct FormField {
    /// How the value is printed.
    enum Printed {
        /// The text as it is.
        case text
        /// The text after a fixed prefix (`"MARCA: Scania"`).
        case prefixed(String)
        /// A DATE column as `d/m/yyyy` text after a prefix (`"Fecha de inspeccion: 1/3/2026"`).
        case prefixedDate(String)
        /// A DATE column as a spreadsheet date.
        case date
        /// A TIME column as a time of day.
        case time
        /// A boolean as an X mark.
        case mark
        /// A DECIMAL column as a money number.
        case money
    }

    /// The label's cell (nil: the value carries its own label, or none).
    let labelCell: String?
    /// The label.
    let label: String
    /// The value's cell.
    let cell: String
    /// The row's column.
    let column: String
    /// How it is printed.
    let printed: Printed
    /// The last cell of a merged value, if it spans several.
    let through: String?

    init(_ labelCell: String?, _ label: String, _ cell: String, _ column: String, _ printed: Printed = .text,
         through: String? = nil) {
        self.labelCell = labelCell
        self.label = label
        self.cell = cell
        self.column = column
        self.printed = printed
        self.through = through
    }

    /// The value and style of this field for `record`.
    func value(in record: FormatoRecord) -> (CellValue, CellStyle) {
        switch printed {
        case .text: return (.text(record.text(column)), FormatoStyle.value)
        case .prefixed(let prefix): return (.text(prefix + record.text(column)), FormatoStyle.value)
        case .prefixedDate(let prefix): return (.text(prefix + record.dateText(column)), FormatoStyle.value)
        case .date: return (record.date(column), FormatoStyle.date)
        case .time: return (record.time(column), FormatoStyle.time)
        case .mark: return (.text(record.mark(column)), FormatoStyle.mark)
        case .money: return (record.number(column), FormatoStyle.money)
        }
    }
}
