import Glibc

/// Deterministic test payloads.
enum TestData {
    /// `count` pseudo-random bytes (xorshift64*), the same for the same `seed`.
    static func pattern(count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [UInt8] {
        var state = seed | 1
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            for index in 0..<count {
                state ^= state >> 12
                state ^= state << 25
                state ^= state >> 27
                buffer[index] = UInt8(truncatingIfNeeded: (state &* 0x2545_F491_4F6C_DD1D) >> 56)
            }
            initialized = count
        }
    }

    /// Polls `condition` every few milliseconds until it holds or `seconds` pass; returns whether it held.
    static func waitUntil(seconds: Double = 5, _ condition: () -> Bool) -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(Int(seconds * 1_000))
        while !condition() {
            if clock.now > deadline { return false }
            usleep(2_000)
        }
        return true
    }
}
