import Foundation
import Spreadsheet
import Testing

/// The Spreadsheet target against libxlsxwriter: addresses, a written file that is a real xlsx package, and
/// failures that come back as `SpreadsheetError`.
@Suite("Spreadsheet")
struct WorkbookTests {
    @Test("A1 names map to zero-based rows and columns, and back")
    func addresses() {
        #expect(CellAddress("A1") == CellAddress(row: 0, column: 0))
        #expect(CellAddress("L75") == CellAddress(row: 74, column: 11))
        #expect(CellAddress("AA10") == CellAddress(row: 9, column: 26))
        #expect(CellAddress("AA10")?.description == "AA10")
        #expect(CellAddress(row: 74, column: 11).description == "L75")
        for bad in ["", "A", "1", "A0", "1A", "a1", "A1B", "ÑA1", "A-1"] {
            #expect(CellAddress(bad) == nil, "\(bad)")
        }
    }

    @Test("a workbook is written as an xlsx zip with its sheet, strings, styles and image parts")
    func writesAPackage() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spreadsheet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("libro.xlsx").path

        var sheet = Sheet(name: "Hoja")
        let bold = CellStyle(bold: true, border: true)
        sheet.set(CellAddress(row: 0, column: 0), .text("Título ñ"), style: bold)
        sheet.set(CellAddress(row: 1, column: 0), .number(12.5))
        sheet.set(CellAddress(row: 2, column: 0), .date(year: 2026, month: 7, day: 10), style: CellStyle(numberFormat: "d/m/yyyy"))
        sheet.set(CellAddress(row: 3, column: 0), .formula("=A2*2", cached: 25))
        sheet.merge(CellAddress(row: 5, column: 0), CellAddress(row: 5, column: 3), .text("unido"), style: bold)
        sheet.setWidth(20, columns: 0...1)
        sheet.setHeight(30, row: 0)
        sheet.insert(SheetImage(anchor: CellAddress(row: 0, column: 4), bytes: Self.png))
        try Workbook(sheets: [sheet]).write(to: path)

        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(Array(bytes.prefix(4)) == [0x50, 0x4B, 0x03, 0x04])
        let text = String(decoding: bytes, as: UTF8.self)
        for part in ["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml",
                     "xl/sharedStrings.xml", "xl/media/image1.png"] {
            #expect(text.contains(part), "missing part \(part)")
        }
    }

    @Test("an unwritable path and an invalid sheet name are SpreadsheetErrors, not crashes")
    func failures() throws {
        #expect(throws: SpreadsheetError.self) {
            try Workbook(sheets: [Sheet(name: "Hoja")]).write(to: "/nonexistent-directory/libro.xlsx")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spreadsheet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: SpreadsheetError.self) {
            try Workbook(sheets: [Sheet(name: "a/b")]).write(to: directory.appendingPathComponent("x.xlsx").path)
        }
    }

    /// A 1×1 red PNG.
    static let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
        0xDE, 0x00, 0x00, 0x00, 0x0C, 0x49, 0x44, 0x41, 0x54, 0x08, 0xD7, 0x63, 0xF8, 0xCF, 0xC0, 0x00,
        0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xDD, 0x8D, 0xB0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E,
        0x44, 0xAE, 0x42, 0x60, 0x82,
    ]
}
