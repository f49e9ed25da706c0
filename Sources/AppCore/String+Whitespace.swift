/// White space as Ventanilla means it, in the application and in the database CHECKs alike: the Unicode
/// `White_Space` property (what JavaScript's `\s` and `trim` use, less U+FEFF) plus U+FEFF, the byte-order mark
/// that JavaScript also counts. One list, so that validation and the CHECK constraints in `sql/` (which spell the
/// same code points as `Whitespace.sqlCharacterClass`) always agree about what is blank.
public enum Whitespace {
    /// The code points, as ranges (Unicode 15 `White_Space`, then U+FEFF).
    public static let ranges: [ClosedRange<UInt32>] = [
        0x0009...0x000D, 0x0020...0x0020, 0x0085...0x0085, 0x00A0...0x00A0, 0x1680...0x1680, 0x2000...0x200A,
        0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
    ]

    /// Whether `scalar` is white space.
    @inline(__always)
    public static func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        return ranges.contains { $0.contains(value) }
    }

    /// The same code points as a MariaDB (PCRE2) bracket-expression body, `\x{0009}-\x{000D}\x{0020}…`: a CHECK
    /// says "not blank" as `col REGEXP '[^<this>]'` and "no white space" as `col NOT REGEXP '[<this>]'`.
    public static var sqlCharacterClass: String {
        ranges.map { range in
            range.lowerBound == range.upperBound ? hex(range.lowerBound) : hex(range.lowerBound) + "-" + hex(range.upperBound)
        }.joined()
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "\\x{" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "}"
    }
}

extension String {
    /// The text without leading and trailing white space (`Whitespace`: Unicode spaces, tabs, line breaks,
    /// no-break spaces, U+FEFF).
    public var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !Whitespace.contains($0) }),
              let last = scalars.lastIndex(where: { !Whitespace.contains($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// Whether the text is empty or only white space (`Whitespace`).
    public var isBlank: Bool { unicodeScalars.allSatisfy(Whitespace.contains) }

    /// Whether the text has white space (`Whitespace`) anywhere.
    public var containsWhitespace: Bool { unicodeScalars.contains(where: Whitespace.contains) }
}
