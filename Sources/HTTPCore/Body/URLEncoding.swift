/// `application/x-www-form-urlencoded` decoding, for query strings and form bodies.
public enum URLEncoding {
    /// The `name=value` pairs of `bytes`, in order: split on `&` and the first `=`, `+` as space, `%XX` decoded.
    /// Invalid escapes stay literal, invalid UTF-8 becomes U+FFFD, empty segments are skipped.
    public static func pairs(in bytes: [UInt8]) -> [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        bytes.withUnsafeBufferPointer { buffer in
            var segmentStart = 0
            for index in 0...buffer.count where index == buffer.count || buffer[index] == UInt8(ascii: "&") {
                if index > segmentStart {
                    var equals = segmentStart
                    while equals < index, buffer[equals] != UInt8(ascii: "=") { equals += 1 }
                    let name = decode(buffer, segmentStart..<equals)
                    let value = equals < index ? decode(buffer, (equals + 1)..<index) : ""
                    pairs.append((name: name, value: value))
                }
                segmentStart = index + 1
            }
        }
        return pairs
    }

    /// Parses a form body into an object; bracket names nest (see `FormTreeBuilder`), every scalar is `.string`.
    /// Pairs with an empty name are ignored.
    public static func parseForm(_ bytes: [UInt8]) throws -> Input {
        var builder = FormTreeBuilder()
        for pair in pairs(in: bytes) where !pair.name.isEmpty {
            try builder.insert(.string(pair.value), forName: pair.name)
        }
        return builder.build()
    }

    /// Decodes one component: `+` is a space (unless `plusIsSpace` is false, as in a path), `%XX` a byte;
    /// anything else, including a bad escape, is kept.
    static func decode(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, plusIsSpace: Bool = true) -> String {
        var needsWork = false
        for index in range where (plusIsSpace && buffer[index] == UInt8(ascii: "+")) || buffer[index] == UInt8(ascii: "%") {
            needsWork = true
            break
        }
        if !needsWork { return String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self) }

        var output: [UInt8] = []
        output.reserveCapacity(range.count)
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = buffer[index]
            if plusIsSpace, byte == UInt8(ascii: "+") {
                output.append(0x20)
            } else if byte == UInt8(ascii: "%"), index + 2 < range.upperBound,
                      let high = hexValue(buffer[index + 1]), let low = hexValue(buffer[index + 2]) {
                output.append(high << 4 | low)
                index += 3
                continue
            } else {
                output.append(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
