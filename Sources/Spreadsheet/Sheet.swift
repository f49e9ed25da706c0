/// One worksheet, described as data: cells with their values and styles, merged ranges, column widths, row
/// heights and images. Later writes to the same cell replace earlier ones.
public struct Sheet: Sendable {
    /// A cell's value and style.
    public struct Cell: Sendable, Equatable {
        /// The value.
        public let value: CellValue
        /// The style.
        public let style: CellStyle
    }

    /// A merged rectangle: its value and style sit in `first`, the top-left cell.
    public struct MergedRange: Sendable, Equatable {
        /// The top-left cell.
        public let first: CellAddress
        /// The bottom-right cell.
        public let last: CellAddress
        /// The value shown across the range.
        public let value: CellValue
        /// The style of every cell of the range.
        public let style: CellStyle
    }

    /// The tab's name (at most 31 characters, none of `[]:*?/\`).
    public let name: String
    /// The cells, by position.
    public private(set) var cells: [CellAddress: Cell] = [:]
    /// The merged ranges, in the order they were added.
    public private(set) var merges: [MergedRange] = []
    /// Column widths in characters, by column index.
    public private(set) var columnWidths: [Int: Double] = [:]
    /// Row heights in points, by row index.
    public private(set) var rowHeights: [Int: Double] = [:]
    /// The images.
    public private(set) var images: [SheetImage] = []
    /// Fit the printed page to this many pages wide (nil: no fitting).
    public var fitToPagesWide: Int?

    /// An empty sheet.
    public init(name: String) {
        self.name = name
    }

    /// Sets one cell.
    public mutating func set(_ address: CellAddress, _ value: CellValue, style: CellStyle = .plain) {
        cells[address] = Cell(value: value, style: style)
    }

    /// Merges `first...last` into one cell showing `value`.
    public mutating func merge(_ first: CellAddress, _ last: CellAddress, _ value: CellValue, style: CellStyle = .plain) {
        merges.append(MergedRange(first: first, last: last, value: value, style: style))
    }

    /// Sets the width of columns `columns` in characters.
    public mutating func setWidth(_ width: Double, columns: ClosedRange<Int>) {
        for column in columns { columnWidths[column] = width }
    }

    /// Sets the height of `row` in points.
    public mutating func setHeight(_ height: Double, row: Int) {
        rowHeights[row] = height
    }

    /// Places an image.
    public mutating func insert(_ image: SheetImage) {
        images.append(image)
    }

    /// The value at `address` (a merged range's value at its top-left cell), for tests and readers.
    public func value(at address: CellAddress) -> CellValue? {
        if let cell = cells[address] { return cell.value }
        return merges.last(where: { $0.first == address })?.value
    }
}
