/// Header values as RFC 5322 and RFC 2047 want them: plain ASCII folded at spaces, anything else as
/// `=?UTF-8?B?…?=` encoded words; never a bare CR or LF, so a value cannot start a header of its own.
public enum MailHeaderEncoding {
    /// The longest line this encoder aims for (RFC 5322 §2.1.1 recommends 78).
    static let lineLimit = 78

    /// `name: value` folded for the wire (no trailing CRLF). `value` must already be a single line.
    public static func header(_ name: String, text value: String) -> String {
        if needsEncoding(value) {
            return name + ": " + encodedWords(value).joined(separator: "\r\n ")
        }
        return fold(name + ": " + value)
    }

    /// A display name as a quoted string, or as encoded words when it is not plain ASCII.
    public static func displayName(_ name: String) -> String {
        if needsEncoding(name) {
            return encodedWords(name).joined(separator: " ")
        }
        var quoted = "\""
        for character in name {
            if character == "\"" || character == "\\" { quoted.append("\\") }
            quoted.append(character)
        }
        return quoted + "\""
    }

    /// Whether `value` has anything but printable ASCII and spaces, or text that would read as an encoded word.
    static func needsEncoding(_ value: String) -> Bool {
        value.contains("=?") || !value.utf8.allSatisfy { (0x20...0x7E).contains($0) }
    }

    /// `value` as base64 encoded words of at most 75 characters, never splitting a character's UTF-8 bytes.
    static func encodedWords(_ value: String) -> [String] {
        let maxBytes = 45   // 60 base64 characters + 12 of `=?UTF-8?B?` and `?=`
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in value.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > maxBytes {
                words.append("=?UTF-8?B?" + Base64.encode(chunk) + "?=")
                chunk.removeAll(keepingCapacity: true)
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty {
            words.append("=?UTF-8?B?" + Base64.encode(chunk) + "?=")
        }
        return words
    }

    /// Folds a printable-ASCII header line at spaces so lines stay near `lineLimit` (a word longer than that
    /// stays whole: RFC 5322 allows lines up to 998 characters).
    static func fold(_ line: String) -> String {
        guard line.utf8.count > lineLimit else { return line }
        var out = ""
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if current.isEmpty {
                current = String(word)
            } else if current.utf8.count + 1 + word.utf8.count > lineLimit {
                out += current + "\r\n"
                current = " " + word
            } else {
                current += " " + word
            }
        }
        return out + current
    }
}
