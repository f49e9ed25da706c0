/// A growable byte buffer over raw memory that JSON is written into.
///
/// Noncopyable so the memory has one owner and is freed once; appends are `memcpy`s into spare capacity
/// (appending to `[UInt8]` cost measurably more per response, see FIELD-NOTES §3). Log lines are assembled in
/// one too (`package`), so a line costs this one allocation.
package struct JSONOutput: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The bytes written so far.
    package private(set) var count = 0

    /// An empty buffer with room for `capacity` bytes before it grows.
    package init(capacity: Int = 512) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    package mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(toAtLeast: count + extra) }
    }

    private mutating func grow(toAtLeast minimum: Int) {
        let newCapacity = max(minimum, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Appends one byte.
    @inline(__always)
    package mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    /// Appends raw bytes.
    @inline(__always)
    package mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends the bytes at `range` of another buffer (a part written aside and placed later).
    package mutating func append(_ other: borrowing JSONOutput, range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= other.count, "range outside the written bytes")
        append(UnsafeBufferPointer(start: other.base + range.lowerBound, count: range.count))
    }

    /// Appends the UTF-8 of a literal.
    @inline(__always)
    package mutating func append(_ literal: StaticString) {
        append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends the UTF-8 of a string.
    package mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { append($0) }
    }

    /// The bytes as an array (one exact-size copy).
    package func bytes() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0 { buffer.baseAddress!.update(from: base, count: count) }
            initialized = count
        }
    }

    /// The bytes `body` writes into a fresh buffer (a key encoded once, a value in a test).
    package static func written(capacity: Int = 64, _ body: (inout JSONOutput) -> Void) -> [UInt8] {
        var output = JSONOutput(capacity: capacity)
        body(&output)
        return output.bytes()
    }

    /// Appends `value` (not negative) in decimal digits, zero-padded to `minimumDigits` (timestamps).
    package mutating func appendDecimal(_ value: Int, minimumDigits: Int = 1) {
        var divisor = 1
        for _ in 1..<Swift.max(1, minimumDigits) { divisor *= 10 }
        while divisor <= value / 10 { divisor *= 10 }
        reserve(20 + minimumDigits)
        var rest = value
        while divisor > 0 {
            base[count] = UInt8(ascii: "0") + UInt8(rest / divisor)
            count += 1
            rest %= divisor
            divisor /= 10
        }
    }

    /// Calls `body` with the bytes written so far (valid only during the call).
    package func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }
}
