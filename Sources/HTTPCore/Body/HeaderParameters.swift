/// A header value split into its leading value and `; name=value` parameters (`form-data; name="a"`).
///
/// Parameter values are tokens or quoted strings; inside quotes `\"` and `\\` are escapes and any other
/// backslash is kept (old browsers send Windows paths unescaped). Parameter names compare case-insensitively.
struct HeaderParameters {
    /// The value before the first `;`, trimmed.
    var value: String
    /// The parameters in order, names lower-cased.
    var parameters: [(name: String, value: String)]

    /// The first parameter called `name` (lower-case).
    subscript(_ name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }

    /// Parses a header value such as `multipart/form-data; boundary="x y"`.
    init(parsing text: String) {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count, bytes[index] != UInt8(ascii: ";") { index += 1 }
        value = Self.trimmed(bytes[0..<index])
        parameters = []
        while index < bytes.count {
            index += 1  // past ';'
            let nameStart = index
            while index < bytes.count, bytes[index] != UInt8(ascii: "="), bytes[index] != UInt8(ascii: ";") { index += 1 }
            let name = Self.trimmed(bytes[nameStart..<index]).lowercased()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                if !name.isEmpty { parameters.append((name: name, value: "")) }
                continue
            }
            index += 1
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
            var raw: [UInt8] = []
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                index += 1
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count,
                       bytes[index + 1] == UInt8(ascii: "\"") || bytes[index + 1] == UInt8(ascii: "\\") {
                        index += 1
                    }
                    raw.append(bytes[index])
                    index += 1
                }
                // Skip the closing quote and anything up to the next ';'.
                while index < bytes.count, bytes[index] != UInt8(ascii: ";") { index += 1 }
                if !name.isEmpty { parameters.append((name: name, value: String(decoding: raw, as: UTF8.self))) }
            } else {
                let valueStart = index
                while index < bytes.count, bytes[index] != UInt8(ascii: ";") { index += 1 }
                if !name.isEmpty { parameters.append((name: name, value: Self.trimmed(bytes[valueStart..<index]))) }
            }
        }
    }

    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        var slice = bytes
        while let first = slice.first, first == 0x20 || first == 0x09 { slice = slice.dropFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
        return String(decoding: slice, as: UTF8.self)
    }
}
