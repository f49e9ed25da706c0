/// Writes `JSONValue` as compact UTF-8 JSON (no spaces, keys in the given order).
///
/// Strings escape `"`, `\`, the C0 controls (`\b \f \n \r \t`, others as lowercase `\u00xx`) and U+2028/U+2029;
/// `/` and other non-ASCII characters are written as they are. Doubles use the shortest round-trip form, integral
/// ones within ±2^53 without `.0`; non-finite doubles become `null`. `.number` text is written verbatim.
public enum JSONWriter {
    /// The JSON text of `value`.
    public static func encode(_ value: JSONValue) -> [UInt8] {
        var output = JSONOutput(capacity: 512)
        append(value, to: &output)
        return output.bytes()
    }

    /// Appends the JSON text of `value` to `bytes`.
    public static func append(_ value: JSONValue, to bytes: inout [UInt8]) {
        var output = JSONOutput(capacity: 512)
        append(value, to: &output)
        let count = output.count
        bytes.reserveCapacity(bytes.count + count)
        bytes.append(contentsOf: output.bytes())
    }

    /// Appends the JSON text of `value` to `output`.
    package static func append(_ value: JSONValue, to output: inout JSONOutput) {
        switch value {
        case .null:
            output.append("null")
        case .bool(let flag):
            output.append(flag ? "true" : "false")
        case .int(let number):
            appendInteger(number, to: &output)
        case .double(let number):
            appendDouble(number, to: &output)
        case .number(let text):
            output.append(text)
        case .string(let text):
            appendString(text, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            var first = true
            for element in elements {
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                append(element, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            var first = true
            for (key, member) in members {
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                appendString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                append(member, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `text` as a quoted, escaped JSON string.
    package static func appendString(_ text: String, to output: inout JSONOutput) {
        var text = text
        text.withUTF8 { appendEscaped($0, to: &output) }
    }

    /// Appends raw UTF-8 bytes (a text column's, say) as a quoted, escaped JSON string, exactly as `appendString`
    /// writes the `String` those bytes decode to: invalid UTF-8, which decoding would replace by U+FFFD, takes that
    /// path; valid bytes are escaped straight from `utf8`, with no `String` in between.
    package static func appendString(utf8: UnsafeRawBufferPointer, to output: inout JSONOutput) {
        let bytes = utf8.assumingMemoryBound(to: UInt8.self)
        var ascii = true
        for byte in bytes where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii || UTF8Validator.firstInvalidIndex(in: bytes, from: 0, to: bytes.count) == nil {
            appendEscaped(bytes, to: &output)
        } else {
            appendString(String(decoding: bytes, as: UTF8.self), to: &output)
        }
    }

    private static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to output: inout JSONOutput) {
        output.reserve(utf8.count + 2)
        output.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        let end = utf8.count
        while index < end {
            let byte = utf8[index]
            if byte >= 0x20, byte != 0x22, byte != 0x5C, byte != 0xE2 {
                index += 1
                continue
            }
            if byte == 0xE2 {
                // U+2028/U+2029 (E2 80 A8/A9) break JavaScript string literals, so they are escaped like PHP does.
                guard index + 2 < end, utf8[index + 1] == 0x80, utf8[index + 2] & 0xFE == 0xA8 else {
                    index += 1
                    continue
                }
                output.append(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                output.append(utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                index += 3
                runStart = index
                continue
            }
            output.append(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            switch byte {
            case 0x22: output.append("\\\"")
            case 0x5C: output.append("\\\\")
            case 0x08: output.append("\\b")
            case 0x0C: output.append("\\f")
            case 0x0A: output.append("\\n")
            case 0x0D: output.append("\\r")
            case 0x09: output.append("\\t")
            default:
                output.append("\\u00")
                output.append(hexDigit(byte >> 4))
                output.append(hexDigit(byte & 0x0F))
            }
            index += 1
            runStart = index
        }
        output.append(UnsafeBufferPointer(rebasing: utf8[runStart..<end]))
        output.append(UInt8(ascii: "\""))
    }

    @inline(__always)
    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    /// Appends the decimal digits of `number`.
    package static func appendInteger(_ number: Int64, to output: inout JSONOutput) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var magnitude = number.magnitude
            var position = 20
            repeat {
                position -= 1
                digits[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude != 0
            if number < 0 { output.append(UInt8(ascii: "-")) }
            output.append(UnsafeBufferPointer(rebasing: digits[position..<20]))
        }
    }

    /// Appends the decimal digits of an unsigned `number` (what `.number(String(number))` writes).
    package static func appendUnsigned(_ number: UInt64, to output: inout JSONOutput) {
        if let signed = Int64(exactly: number) {
            appendInteger(signed, to: &output)
        } else {
            output.append(String(number))
        }
    }

    /// Appends a double: `null` when not finite, integral values within ±2^53 as integers, else the shortest form.
    package static func appendDouble(_ number: Double, to output: inout JSONOutput) {
        guard number.isFinite else {
            output.append("null")
            return
        }
        if number == number.rounded(.towardZero), number.magnitude <= 9_007_199_254_740_992 {
            if number == 0, number.sign == .minus {
                output.append("-0")
            } else {
                appendInteger(Int64(number), to: &output)
            }
            return
        }
        output.append(number.description)
    }
}
