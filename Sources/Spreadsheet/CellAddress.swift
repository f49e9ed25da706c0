/// A cell position: a zero-based row and column, written the spreadsheet way as `"A1"`, `"L75"`.
public struct CellAddress: Sendable, Hashable, CustomStringConvertible {
    /// Zero-based row (`"A1"` is row 0).
    public let row: Int
    /// Zero-based column (`"A"` is 0, `"AA"` is 26).
    public let column: Int

    /// A position from zero-based indexes.
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// A position from its A1 name; nil unless it is letters then a row number from 1 (`"A1"`, `"L75"`).
    public init?(_ name: String) {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for scalar in name.unicodeScalars {
            switch scalar.value {
            case 65...90 where digits == 0:
                column = column * 26 + Int(scalar.value - 64)
                letters += 1
            case 48...57 where letters > 0:
                row = row * 10 + Int(scalar.value - 48)
                digits += 1
            default:
                return nil
            }
            guard letters <= 3, digits <= 7 else { return nil }
        }
        guard letters > 0, digits > 0, row > 0 else { return nil }
        self.init(row: row - 1, column: column - 1)
    }

    /// The column's letters (`0` → `"A"`, `26` → `"AA"`).
    public static func columnName(_ column: Int) -> String {
        var n = column + 1
        var letters: [Character] = []
        while n > 0 {
            let rest = (n - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + rest))), at: 0)
            n = (n - 1) / 26
        }
        return String(letters)
    }

    /// The A1 name.
    public var description: String { Self.columnName(column) + String(row + 1) }

    /// The address `rows` below and `columns` to the right.
    public func offset(rows: Int = 0, columns: Int = 0) -> CellAddress {
        CellAddress(row: row + rows, column: column + columns)
    }
}
