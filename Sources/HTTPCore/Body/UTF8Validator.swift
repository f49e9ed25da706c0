/// Strict UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF) over raw bytes,
/// reporting where the first bad sequence starts so parsers can name a byte offset.
enum UTF8Validator {
    /// The index of the first byte of the first invalid sequence in `bytes[from..<to]`, or nil when it is valid.
    static func firstInvalidIndex(in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        var i = from
        while i < to {
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            if b0 < 0xC2 { return i }  // continuation byte or overlong 2-byte lead
            if b0 < 0xE0 {
                guard i + 1 < to, isContinuation(bytes[i + 1]) else { return i }
                i += 2
                continue
            }
            if b0 < 0xF0 {
                guard i + 2 < to else { return i }
                let b1 = bytes[i + 1]
                let low: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80  // overlong
                let high: UInt8 = b0 == 0xED ? 0x9F : 0xBF  // surrogates
                guard b1 >= low, b1 <= high, isContinuation(bytes[i + 2]) else { return i }
                i += 3
                continue
            }
            if b0 < 0xF5 {
                guard i + 3 < to else { return i }
                let b1 = bytes[i + 1]
                let low: UInt8 = b0 == 0xF0 ? 0x90 : 0x80  // overlong
                let high: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF  // above U+10FFFF
                guard b1 >= low, b1 <= high, isContinuation(bytes[i + 2]), isContinuation(bytes[i + 3]) else { return i }
                i += 4
                continue
            }
            return i
        }
        return nil
    }

    /// Whether all of `bytes` is valid UTF-8.
    static func isValid(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { firstInvalidIndex(in: $0, from: 0, to: $0.count) == nil }
    }

    @inline(__always)
    private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
}
