import Spreadsheet

/// A sheet being laid out with the cell names of monitor.md §7 (`"E9"`, `"L75"`), in `FormatoStyle`.
struct FormSheet {
    private(set) var sheet: Sheet

    init(name: String, widths: [(ClosedRange<Int>, Double)]) {
        sheet = Sheet(name: name)
        sheet.fitToPagesWide = 1
        for (columns, width) in widths { sheet.setWidth(width, columns: columns) }
    }

    /// The address of a cell name of the layout. The names are constants of our layouts (a test writes every one),
    /// so an invalid name is a programming error; it lands in A1 rather than trapping.
    static func at(_ name: String) -> CellAddress {
        guard let address = CellAddress(name) else {
            assertionFailure("invalid cell name \(name)")
            return CellAddress(row: 0, column: 0)
        }
        return address
    }

    /// The title band over `first...last`.
    mutating func title(_ text: String, _ first: String, _ last: String) {
        sheet.merge(Self.at(first), Self.at(last), .text(text), style: FormatoStyle.title)
    }

    /// A section band over `first...last`.
    mutating func section(_ text: String, _ first: String, _ last: String) {
        sheet.merge(Self.at(first), Self.at(last), .text(text), style: FormatoStyle.section)
    }

    /// A label in `cell`.
    mutating func label(_ cell: String, _ text: String, style: CellStyle = FormatoStyle.label) {
        sheet.set(Self.at(cell), .text(text), style: style)
    }

    /// A value in `cell`, optionally merged through `through`.
    mutating func value(_ cell: String, _ value: CellValue, style: CellStyle = FormatoStyle.value, through: String? = nil) {
        if let through {
            sheet.merge(Self.at(cell), Self.at(through), value, style: style)
        } else {
            sheet.set(Self.at(cell), value, style: style)
        }
    }

    /// A value at a computed position.
    mutating func value(_ address: CellAddress, _ value: CellValue, style: CellStyle) {
        sheet.set(address, value, style: style)
    }

    /// Each field's label and value, from `record`.
    mutating func fill(_ fields: [FormField], from record: FormatoRecord) {
        for field in fields {
            if let labelCell = field.labelCell { label(labelCell, field.label) }
            let (content, style) = field.value(in: record)
            value(field.cell, content, style: style, through: field.through)
        }
    }

    /// Row heights in points.
    mutating func height(_ points: Double, rows: ClosedRange<Int>) {
        for row in rows { sheet.setHeight(points, row: row - 1) }
    }

    /// An image.
    mutating func insert(_ image: SheetImage) {
        sheet.insert(image)
    }
}
