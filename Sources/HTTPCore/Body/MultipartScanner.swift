#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A fixed-size window over a streamed request body: fills from `RequestBody.read(into:)`, finds delimiters
/// (also when one straddles two reads) and hands out the bytes before them without holding the whole body.
final class MultipartScanner {
    private let body: RequestBody
    private let limit: Int
    private let storage: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var received = 0
    /// The first unconsumed byte.
    private(set) var start = 0
    /// One past the last buffered byte.
    private(set) var end = 0
    /// Whether the body has ended.
    private(set) var atEnd = false

    /// A scanner over `body` with a window of `capacity` bytes, seeded with `prefix`; more than `limit` body
    /// bytes throws `HTTPError.payloadTooLarge(limit:)`.
    init(body: RequestBody, capacity: Int, limit: Int, prefix: [UInt8] = []) {
        self.body = body
        self.limit = limit
        self.capacity = max(capacity, prefix.count + 1)
        storage = .allocate(capacity: self.capacity)
        storage.update(from: prefix, count: prefix.count)
        end = prefix.count
    }

    deinit { storage.deallocate() }

    /// Buffered, unconsumed bytes.
    var available: Int { end - start }

    /// The buffered byte at absolute window position `position`.
    subscript(_ position: Int) -> UInt8 { storage[position] }

    /// The buffered bytes in `range` (absolute window positions).
    func bytes(_ range: Range<Int>) -> [UInt8] {
        Array(UnsafeBufferPointer(start: storage + range.lowerBound, count: range.count))
    }

    /// Marks `count` bytes as consumed.
    func consume(_ count: Int) { start += count }

    /// Moves the unconsumed bytes to the front and reads more after them; false when the body is over.
    /// Positions shift by the old `start`, so callers keep offsets relative to `start`.
    func fill() throws -> Bool {
        if atEnd { return false }
        if start > 0 {
            if end > start { memmove(storage, storage + start, end - start) }
            end -= start
            start = 0
        }
        precondition(end < capacity, "multipart window full")
        let count = try body.read(into: UnsafeMutableRawBufferPointer(start: storage + end, count: capacity - end))
        if count == 0 {
            atEnd = true
            return false
        }
        received += count
        if received > limit { throw HTTPError.payloadTooLarge(limit: limit) }
        end += count
        return true
    }

    /// Reads until at least `count` bytes are buffered; false when the body ends first.
    func ensure(_ count: Int) throws -> Bool {
        while available < count {
            if try !fill() { return false }
        }
        return true
    }

    /// The window position of the first `pattern` at or after `from`, among buffered bytes.
    func find(_ pattern: [UInt8], from: Int) -> Int? {
        guard let first = pattern.first else { return from }
        let last = end - pattern.count
        var position = from
        return pattern.withUnsafeBufferPointer { needle in
            while position <= last {
                guard let hit = memchr(storage + position, Int32(first), last - position + 1) else { return nil }
                let candidate = storage.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(storage + candidate, needle.baseAddress!, needle.count) == 0 { return candidate }
                position = candidate + 1
            }
            return nil
        }
    }

    /// Passes every byte before the next `delimiter` to `sink`, then consumes the delimiter.
    /// Returns false when the body ends before a delimiter (the bytes seen were passed on).
    func stream(upTo delimiter: [UInt8], into sink: (UnsafeRawBufferPointer) throws -> Void) throws -> Bool {
        while true {
            if let hit = find(delimiter, from: start) {
                if hit > start { try sink(UnsafeRawBufferPointer(start: storage + start, count: hit - start)) }
                start = hit + delimiter.count
                return true
            }
            // The last delimiter.count - 1 bytes may be the start of a delimiter that the next read completes.
            let safeEnd = end - min(available, delimiter.count - 1)
            if safeEnd > start {
                try sink(UnsafeRawBufferPointer(start: storage + start, count: safeEnd - start))
                start = safeEnd
            }
            if try !fill() { return false }
        }
    }
}
