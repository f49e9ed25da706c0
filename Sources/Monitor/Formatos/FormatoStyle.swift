import Spreadsheet

/// Our own styling of the three forms (M13): a dark title band, labels in the title colour, bordered value
/// boxes, dates as `d/m/yyyy` (es-MX short form), instants as `d/m/yyyy h:mm`.
enum FormatoStyle {
    static let ink: UInt32 = 0x1F3864
    static let band: UInt32 = 0xD9E1F2

    static let title = CellStyle(bold: true, fontSize: 16, fontColor: 0xFFFFFF, fill: ink, alignment: .center,
                                 verticalCenter: true)
    static let section = CellStyle(bold: true, fontSize: 10, fontColor: ink, fill: band, border: true)
    static let header = CellStyle(bold: true, fontSize: 9, fontColor: ink, fill: band, border: true, alignment: .center)
    static let label = CellStyle(bold: true, fontSize: 9, fontColor: ink, alignment: .right)
    static let value = CellStyle(fontSize: 10, border: true, alignment: .left, verticalCenter: true)
    static let note = CellStyle(fontSize: 10, border: true, alignment: .left, wrap: true)
    static let item = CellStyle(fontSize: 9, border: true)
    static let mark = CellStyle(bold: true, fontSize: 10, border: true, alignment: .center)
    static let date = value.formatted("d/m/yyyy")
    static let dateTime = value.formatted("d/m/yyyy h:mm")
    static let time = value.formatted("hh:mm")
    static let money = CellStyle(fontSize: 10, border: true, numberFormat: "#,##0.00")
    static let total = CellStyle(bold: true, fontSize: 10, fill: band, border: true, numberFormat: "#,##0.00")
}
