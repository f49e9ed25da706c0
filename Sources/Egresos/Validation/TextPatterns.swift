/// The patterns of egresos.md §8.2, written as matchers over Unicode scalars (`\p{L}` = the letter
/// categories, `\p{N}` = the number categories, `\s` = white space).
enum TextPatterns {
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }

    static func isNumber(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .decimalNumber, .letterNumber, .otherNumber: true
        default: false
        }
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }

    static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    static func isHex(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIDigit(scalar) || ("a"..."f").contains(scalar) || ("A"..."F").contains(scalar)
    }

    /// Every scalar satisfies `allowed`, and there is at least one.
    static func all(_ text: String, _ allowed: (Unicode.Scalar) -> Bool) -> Bool {
        !text.unicodeScalars.isEmpty && text.unicodeScalars.allSatisfy(allowed)
    }

    /// `^[\p{L}\p{N} ]+$`
    static func alphanumeric(_ text: String) -> Bool { all(text) { isLetter($0) || isNumber($0) || $0 == " " } }

    /// `^[\p{L} ]+$`
    static func letters(_ text: String) -> Bool { all(text) { isLetter($0) || $0 == " " } }

    /// `^[\p{L}\p{N} .,&'\-]+$`
    static func name(_ text: String) -> Bool {
        all(text) { isLetter($0) || isNumber($0) || " .,&'-".unicodeScalars.contains($0) }
    }

    /// `^https?://\S+$`
    static func url(_ text: String) -> Bool {
        for prefix in ["http://", "https://"] where text.hasPrefix(prefix) {
            return all(String(text.dropFirst(prefix.count))) { !isSpace($0) }
        }
        return false
    }

    /// `^[0-9]+$`
    static func digits(_ text: String) -> Bool { all(text, isASCIIDigit) }

    /// `^\d+(\.\d+)?$`, or with `signed` `^-?\d+(\.\d+)?$` (ASCII digits).
    static func decimal(_ text: String, signed: Bool = false) -> Bool {
        var body = Substring(text)
        if signed, body.first == "-" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return false }
        return parts.allSatisfy { all(String($0), isASCIIDigit) }
    }

    /// A canonical 8-4-4-4-12 hexadecimal UUID.
    static func uuid(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count == 36 else { return false }
        for (index, scalar) in scalars.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                guard scalar == "-" else { return false }
            } else if !isHex(scalar) {
                return false
            }
        }
        return true
    }

    /// `^\+?[0-9]{10,15}$`
    static func phone(_ text: String) -> Bool {
        let number = text.hasPrefix("+") ? String(text.dropFirst()) : text
        let count = number.unicodeScalars.count
        return (10...15).contains(count) && digits(number)
    }

    /// `^[^\s@]+@[^\s@]+\.[^\s@]+$`
    static func email(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, all(String(parts[0]), { !isSpace($0) }) else { return false }
        let domain = Array(parts[1].unicodeScalars)
        guard !domain.contains(where: isSpace) else { return false }
        return domain.indices.contains { domain[$0] == "." && $0 > 0 && $0 < domain.count - 1 }
    }

    /// `^[^@\s]+@(<domains>)$`, case-insensitive.
    static func element(_ text: String, domains: [String]) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, all(String(parts[0]), { !isSpace($0) }) else { return false }
        return domains.contains(parts[1].lowercased())
    }

    /// `YYYY-MM-DD` and a real calendar date.
    static func calendarDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ all(String($0), isASCIIDigit) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}
