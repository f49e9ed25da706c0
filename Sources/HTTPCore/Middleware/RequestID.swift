/// Request ids: 16 random bytes as 32 lower-case hex digits.
public enum RequestID {
    /// A new random id.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() as UInt64, low = generator.next() as UInt64
        // Written straight into the string's storage: no intermediate strings.
        return String(unsafeUninitializedCapacity: 32) { buffer in
            for (offset, value) in [(0, high), (16, low)] {
                for nibble in 0..<16 {
                    let digit = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * nibble)) & 0x0F
                    buffer[offset + nibble] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                }
            }
            return 32
        }
    }
}
