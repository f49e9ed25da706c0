/// A workbook described as data, written to an `.xlsx` file by libxlsxwriter in one call.
public struct Workbook: Sendable {
    /// The sheets, in tab order.
    public var sheets: [Sheet]

    /// A workbook of `sheets`.
    public init(sheets: [Sheet]) {
        self.sheets = sheets
    }

    /// Writes the workbook to `path` (created or replaced). Temporary files go to `temporaryDirectory` (nil: the
    /// system's). Throws `SpreadsheetError` naming what failed; a half-written file may remain at `path`.
    public func write(to path: String, temporaryDirectory: String? = nil) throws {
        try WorkbookWriter(path: path, temporaryDirectory: temporaryDirectory).write(self)
    }
}
