/// A PNG or JPEG placed over the cells with its top-left corner in `anchor`.
public struct SheetImage: Sendable, Equatable {
    /// The cell under the image's top-left corner.
    public let anchor: CellAddress
    /// The image file's bytes (PNG, JPEG, GIF or BMP).
    public let bytes: [UInt8]
    /// Pixels from the anchor cell's left edge.
    public let xOffset: Int
    /// Pixels from the anchor cell's top edge.
    public let yOffset: Int
    /// Horizontal scale (1 = the image's own size).
    public let xScale: Double
    /// Vertical scale.
    public let yScale: Double
    /// Alt text.
    public let description: String

    /// An image at `anchor`.
    public init(anchor: CellAddress, bytes: [UInt8], xOffset: Int = 0, yOffset: Int = 0, xScale: Double = 1,
                yScale: Double = 1, description: String = "") {
        self.anchor = anchor
        self.bytes = bytes
        self.xOffset = xOffset
        self.yOffset = yOffset
        self.xScale = xScale
        self.yScale = yScale
        self.description = description
    }
}
