/// An e-mail address (RFC 5321 `Mailbox` in dot-atom form, ASCII only) that is safe to put in a header and in
/// an SMTP command: no quoted local parts, no domain literals, no spaces, commas, angle brackets or controls.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The address, e.g. `ana@example.com`.
    public let value: String

    /// Validates `text` after trimming spaces and tabs at either end; nil when it is not a plain address.
    /// CR, LF and every other control character are refused wherever they appear, so no header can be injected.
    public init?(_ text: String) {
        var bytes = Array(text.utf8)
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes.removeFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
        guard bytes.count >= 3, bytes.count <= 254 else { return nil }
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), bytes.lastIndex(of: UInt8(ascii: "@")) == at else {
            return nil
        }
        guard Self.isLocalPart(bytes[..<at]), Self.isDomain(bytes[(at + 1)...]) else { return nil }
        value = String(decoding: bytes, as: UTF8.self)
    }

    /// The part after `@`.
    public var domain: Substring { value[value.index(after: value.firstIndex(of: "@")!)...] }

    /// The address itself.
    public var description: String { value }

    /// `atext` of RFC 5322 §3.2.3 plus `.` between atoms; 1...64 octets.
    private static func isLocalPart(_ part: ArraySlice<UInt8>) -> Bool {
        guard (1...64).contains(part.count), part.first != UInt8(ascii: "."), part.last != UInt8(ascii: ".") else {
            return false
        }
        var previousWasDot = false
        for byte in part {
            if byte == UInt8(ascii: ".") {
                if previousWasDot { return false }
                previousWasDot = true
                continue
            }
            previousWasDot = false
            guard isAlphanumeric(byte) || atextSymbols.contains(byte) else { return false }
        }
        return true
    }

    /// Two or more LDH labels of 1...63 octets, none starting or ending with `-`, the last not all digits.
    private static func isDomain(_ part: ArraySlice<UInt8>) -> Bool {
        let labels = part.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard (1...63).contains(label.count), label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-"),
                  label.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: "-") }) else {
                return false
            }
        }
        return !labels.last!.allSatisfy { (0x30...0x39).contains($0) }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static let atextSymbols = Set("!#$%&'*+/=?^_`{|}~-".utf8)
}
