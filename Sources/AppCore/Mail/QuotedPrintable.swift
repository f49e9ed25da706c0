/// Quoted-printable body encoding (RFC 2045 §6.7) for UTF-8 text, with CRLF line breaks.
public enum QuotedPrintable {
    /// Encodes `text`: every line break (CRLF, CR or LF) becomes CRLF; bytes outside printable ASCII, `=`,
    /// a space or tab at the end of a line, and a `.` at the start of a line are escaped as `=XX`; lines are
    /// broken with soft line breaks so none is longer than 76 characters.
    public static func encode(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        var lineLength = 0
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D || byte == 0x0A {
                // A CR LF pair is one line break; so is a lone CR or LF.
                index += (byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) ? 2 : 1
                out += [0x0D, 0x0A]
                lineLength = 0
                continue
            }
            let atLineEnd = index + 1 == bytes.count || bytes[index + 1] == 0x0D || bytes[index + 1] == 0x0A
            let literal: Bool
            switch byte {
            case 0x20, 0x09: literal = !atLineEnd
            case UInt8(ascii: "="): literal = false
            case UInt8(ascii: "."): literal = lineLength > 0
            case 0x21...0x7E: literal = true
            default: literal = false
            }
            let width = literal ? 1 : 3
            // Keep room for the `=` of a soft break, unless this is the line's last character.
            let limit = atLineEnd ? 76 : 75
            if lineLength + width > limit {
                out += [UInt8(ascii: "="), 0x0D, 0x0A]
                lineLength = 0
                if byte == UInt8(ascii: ".") {
                    out += escaped(byte)
                    lineLength = 3
                    index += 1
                    continue
                }
            }
            if literal {
                out.append(byte)
            } else {
                out += escaped(byte)
            }
            lineLength += width
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hex = Array("0123456789ABCDEF".utf8)

    private static func escaped(_ byte: UInt8) -> [UInt8] {
        [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
    }
}
