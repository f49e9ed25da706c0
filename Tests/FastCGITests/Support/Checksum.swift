/// FNV-1a (64-bit) over a byte stream: enough to tell that a body arrived byte for byte.
struct Checksum {
    /// The running hash.
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    /// Adds `bytes` to the hash.
    mutating func update<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        var hash = value
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        value = hash
    }

    /// The hash as 16 hex digits.
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The checksum of `bytes`.
    static func of<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var checksum = Checksum()
        checksum.update(bytes)
        return checksum.hex
    }
}
