/// A strict RFC 8259 JSON parser from bytes to the input tree.
///
/// Exactly one value, whitespace around it allowed. Strings must be valid UTF-8 with every control character
/// escaped; `\u` escapes must pair surrogates. Numbers keep their source text. A repeated key replaces the earlier
/// value in place. Every failure is `HTTPError.malformedBody` with a short message naming the byte offset.
public enum JSONParser {
    /// Parses one JSON document; empty input is an error (an empty body is the caller's decision).
    public static func parse(_ bytes: [UInt8], maxDepth: Int = 64) throws -> Input {
        try bytes.withUnsafeBufferPointer { buffer in
            var cursor = Cursor(bytes: buffer, maxDepth: maxDepth)
            return try cursor.parseDocument()
        }
    }

    /// Objects up to this many members dedupe keys by linear search; larger ones switch to a hash index.
    private static let linearKeyLimit = 16

    /// The parse state: a position in the borrowed buffer and the current nesting depth.
    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        let maxDepth: Int
        var index = 0
        var depth = 0

        init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
            self.bytes = bytes
            self.maxDepth = maxDepth
        }

        mutating func parseDocument() throws -> Input {
            skipWhitespace()
            guard index < bytes.count else {
                throw fail(bytes.isEmpty ? "empty input" : "no value")
            }
            let value = try parseValue()
            skipWhitespace()
            guard index == bytes.count else { throw fail("unexpected data after the value") }
            return value
        }

        // MARK: Values

        mutating func parseValue() throws -> Input {
            guard index < bytes.count else { throw fail("unexpected end of input") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try parseObject()
            case UInt8(ascii: "["): return try parseArray()
            case UInt8(ascii: "\""): return .string(try parseString())
            case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
            case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
            case UInt8(ascii: "n"): try expectLiteral("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
            default: throw fail("unexpected character")
            }
        }

        mutating func parseObject() throws -> Input {
            try enterContainer()
            index += 1
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                depth -= 1
                return .object(InputObject())
            }
            var members: [(key: String, value: Input)] = []
            var positions: [String: Int] = [:]
            var indexed = false
            while true {
                guard index < bytes.count else { throw fail("unterminated object") }
                guard bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a string key") }
                let key = try parseString()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
                index += 1
                skipWhitespace()
                let value = try parseValue()

                // Last duplicate wins, in the position of the first (the InputObject rule).
                if indexed {
                    if let existing = positions[key] {
                        members[existing].value = value
                    } else {
                        positions[key] = members.count
                        members.append((key: key, value: value))
                    }
                } else if let existing = members.firstIndex(where: { $0.key == key }) {
                    members[existing].value = value
                } else {
                    members.append((key: key, value: value))
                    if members.count == JSONParser.linearKeyLimit {
                        for (offset, member) in members.enumerated() { positions[member.key] = offset }
                        indexed = true
                    }
                }

                skipWhitespace()
                guard index < bytes.count else { throw fail("unterminated object") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    skipWhitespace()
                    continue
                }
                guard bytes[index] == UInt8(ascii: "}") else { throw fail("expected ',' or '}'") }
                index += 1
                break
            }
            depth -= 1
            return .object(InputObject(uniqueMembers: members))
        }

        mutating func parseArray() throws -> Input {
            try enterContainer()
            index += 1
            skipWhitespace()
            var elements: [Input] = []
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return .array(elements)
            }
            while true {
                elements.append(try parseValue())
                skipWhitespace()
                guard index < bytes.count else { throw fail("unterminated array") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    skipWhitespace()
                    continue
                }
                guard bytes[index] == UInt8(ascii: "]") else { throw fail("expected ',' or ']'") }
                index += 1
                break
            }
            depth -= 1
            return .array(elements)
        }

        mutating func enterContainer() throws {
            depth += 1
            if depth > maxDepth { throw fail("nesting deeper than \(maxDepth)") }
        }

        mutating func expectLiteral(_ literal: StaticString) throws {
            let count = literal.utf8CodeUnitCount
            guard bytes.count - index >= count else { throw fail("invalid literal") }
            let text = literal.utf8Start
            for offset in 0..<count where bytes[index + offset] != text[offset] {
                throw fail("invalid literal")
            }
            index += count
        }

        // MARK: Numbers

        /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, returned as its text.
        mutating func parseNumber() throws -> String {
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw fail("digit expected") }
            if bytes[index] == UInt8(ascii: "0") {
                index += 1
                if index < bytes.count, isDigit(bytes[index]) { throw fail("leading zero in number") }
            } else {
                skipDigits()
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard index < bytes.count, isDigit(bytes[index]) else { throw fail("digit expected after '.'") }
                skipDigits()
            }
            if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                    index += 1
                }
                guard index < bytes.count, isDigit(bytes[index]) else { throw fail("digit expected in exponent") }
                skipDigits()
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        }

        @inline(__always)
        func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

        @inline(__always)
        mutating func skipDigits() {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }

        // MARK: Strings

        /// Parses the string whose opening quote is at `index`. Runs without escapes become a String directly.
        mutating func parseString() throws -> String {
            index += 1
            let start = index
            var ascii = true
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    if !ascii { try validateRun(from: start, to: index) }
                    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    index += 1
                    return text
                }
                if byte == UInt8(ascii: "\\") { return try parseEscapedString(from: start, runIsASCII: ascii) }
                if byte < 0x20 { throw fail("unescaped control character in string") }
                if byte >= 0x80 { ascii = false }
                index += 1
            }
            throw fail("unterminated string", at: start - 1)
        }

        /// The slow path: the string has escapes, so its bytes are assembled in a buffer run by run.
        mutating func parseEscapedString(from start: Int, runIsASCII: Bool) throws -> String {
            var output: [UInt8] = []
            output.reserveCapacity(index - start + 16)
            var runStart = start
            var ascii = runIsASCII
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    if !ascii { try validateRun(from: runStart, to: index) }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    if byte == UInt8(ascii: "\"") {
                        index += 1
                        return String(decoding: output, as: UTF8.self)
                    }
                    try appendEscape(to: &output)
                    runStart = index
                    ascii = true
                    continue
                }
                if byte < 0x20 { throw fail("unescaped control character in string") }
                if byte >= 0x80 { ascii = false }
                index += 1
            }
            throw fail("unterminated string", at: start - 1)
        }

        /// Decodes the escape whose backslash is at `index` and leaves `index` after it.
        mutating func appendEscape(to output: inout [UInt8]) throws {
            let escapeStart = index
            index += 1
            guard index < bytes.count else { throw fail("unterminated string") }
            let simple: UInt8
            switch bytes[index] {
            case UInt8(ascii: "\""): simple = 0x22
            case UInt8(ascii: "\\"): simple = 0x5C
            case UInt8(ascii: "/"): simple = 0x2F
            case UInt8(ascii: "b"): simple = 0x08
            case UInt8(ascii: "f"): simple = 0x0C
            case UInt8(ascii: "n"): simple = 0x0A
            case UInt8(ascii: "r"): simple = 0x0D
            case UInt8(ascii: "t"): simple = 0x09
            case UInt8(ascii: "u"):
                index += 1
                var scalar = try readHex4()
                if scalar >= 0xD800, scalar <= 0xDBFF {
                    guard bytes.count - index >= 2, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                    else { throw fail("lone surrogate", at: escapeStart) }
                    index += 2
                    let low = try readHex4()
                    guard low >= 0xDC00, low <= 0xDFFF else { throw fail("lone surrogate", at: escapeStart) }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if scalar >= 0xDC00, scalar <= 0xDFFF {
                    throw fail("lone surrogate", at: escapeStart)
                }
                Self.appendUTF8(scalar, to: &output)
                return
            default:
                throw fail("invalid escape", at: escapeStart)
            }
            output.append(simple)
            index += 1
        }

        mutating func readHex4() throws -> UInt32 {
            guard bytes.count - index >= 4 else { throw fail("incomplete \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw fail("invalid hex digit in \\u escape")
                }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }

        static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
            switch scalar {
            case 0..<0x80:
                output.append(UInt8(scalar))
            case 0x80..<0x800:
                output.append(UInt8(0xC0 | scalar >> 6))
                output.append(UInt8(0x80 | scalar & 0x3F))
            case 0x800..<0x10000:
                output.append(UInt8(0xE0 | scalar >> 12))
                output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
                output.append(UInt8(0x80 | scalar & 0x3F))
            default:
                output.append(UInt8(0xF0 | scalar >> 18))
                output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
                output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
                output.append(UInt8(0x80 | scalar & 0x3F))
            }
        }

        func validateRun(from start: Int, to end: Int) throws {
            if let bad = UTF8Validator.firstInvalidIndex(in: bytes, from: start, to: end) {
                throw fail("invalid UTF-8 in string", at: bad)
            }
        }

        // MARK: Helpers

        @inline(__always)
        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        func fail(_ message: String, at offset: Int? = nil) -> HTTPError {
            .malformedBody("JSON: \(message) at byte \(offset ?? index)")
        }
    }
}
