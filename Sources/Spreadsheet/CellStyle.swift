/// How a cell looks: font, fill, border, alignment and number format. Equal styles share one format in the file.
public struct CellStyle: Sendable, Hashable {
    /// Horizontal alignment.
    public enum Alignment: Sendable, Hashable { case general, left, center, right }

    /// Bold text.
    public var bold: Bool
    /// Italic text.
    public var italic: Bool
    /// Font size in points (nil: the workbook's default, 11).
    public var fontSize: Double?
    /// Font colour as `0xRRGGBB` (nil: automatic).
    public var fontColor: UInt32?
    /// Solid background fill as `0xRRGGBB` (nil: none).
    public var fill: UInt32?
    /// A thin border on all four sides.
    public var border: Bool
    /// Horizontal alignment.
    public var alignment: Alignment
    /// Vertically centred (otherwise at the bottom, Excel's default).
    public var verticalCenter: Bool
    /// Wraps long text inside the cell.
    public var wrap: Bool
    /// An Excel number format (`"d/m/yyyy"`, `"#,##0.00"`), nil for General.
    public var numberFormat: String?

    /// A style; every part defaults to Excel's plain cell.
    public init(bold: Bool = false, italic: Bool = false, fontSize: Double? = nil, fontColor: UInt32? = nil,
                fill: UInt32? = nil, border: Bool = false, alignment: Alignment = .general, verticalCenter: Bool = false,
                wrap: Bool = false, numberFormat: String? = nil) {
        self.bold = bold
        self.italic = italic
        self.fontSize = fontSize
        self.fontColor = fontColor
        self.fill = fill
        self.border = border
        self.alignment = alignment
        self.verticalCenter = verticalCenter
        self.wrap = wrap
        self.numberFormat = numberFormat
    }

    /// Excel's plain cell.
    public static let plain = CellStyle()

    /// This style with another number format.
    public func formatted(_ numberFormat: String) -> CellStyle {
        var copy = self
        copy.numberFormat = numberFormat
        return copy
    }
}
