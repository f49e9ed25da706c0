import Glibc
import Synchronization

/// Request ids: 16 random bytes as 32 lower-case hex digits.
public enum RequestID {
    /// A new random id.
    public static func generate() -> String {
        let (high, low) = pool.next()
        // Written straight into the string's storage: no intermediate strings.
        return String(unsafeUninitializedCapacity: 32) { buffer in
            for nibble in 0..<16 {
                buffer[nibble] = hexDigit(high >> UInt64(60 - 4 * nibble))
                buffer[16 + nibble] = hexDigit(low >> UInt64(60 - 4 * nibble))
            }
            return 32
        }
    }

    @inline(__always)
    private static func hexDigit(_ value: UInt64) -> UInt8 {
        let digit = UInt8(truncatingIfNeeded: value) & 0x0F
        return digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
    }

    private static let pool = RandomPool()
}

/// Random bytes drawn from the kernel 4 KiB at a time and handed out 16 at a time: an id costs no system call
/// (`SystemRandomNumberGenerator` makes one `getrandom` per 8 bytes, two per id). Ids need to be unique, not
/// secret; the bytes are the kernel's all the same.
private final class RandomPool: Sendable {
    private static let words = 512
    private let state = Mutex<(words: [UInt64], next: Int)>(([], RandomPool.words))

    /// The next 16 bytes.
    func next() -> (UInt64, UInt64) {
        state.withLock { state in
            if state.next + 2 > Self.words {
                var words = [UInt64](repeating: 0, count: Self.words)
                words.withUnsafeMutableBytes { arc4random_buf($0.baseAddress!, $0.count) }
                state = (words, 0)
            }
            defer { state.next += 2 }
            return (state.words[state.next], state.words[state.next + 1])
        }
    }
}
