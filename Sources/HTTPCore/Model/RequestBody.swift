/// The body of a request, read on demand from its source (the FastCGI stream or a byte array in tests).
///
/// It is read at most once: `readAll(limit:)` buffers it, `read(into:)` streams it (multipart parsing).
public final class RequestBody {
    /// Pulls up to `buffer.count` bytes; returns 0 at the end and -1 on a read error.
    public typealias Reader = (UnsafeMutableRawBufferPointer) -> Int

    /// The declared length (`CONTENT_LENGTH`), or nil when the body arrives without one.
    public let declaredLength: Int?
    private let reader: Reader
    private var consumed = 0
    private var finished = false

    /// A body read through `reader`.
    public init(declaredLength: Int?, reader: @escaping Reader) {
        self.declaredLength = declaredLength
        self.reader = reader
    }

    /// A body held in memory (tests, in-process calls).
    public convenience init(bytes: [UInt8]) {
        var offset = 0
        self.init(declaredLength: bytes.count) { buffer in
            let n = min(buffer.count, bytes.count - offset)
            guard n > 0 else { return 0 }
            bytes.withUnsafeBytes { src in
                buffer.baseAddress!.copyMemory(from: src.baseAddress! + offset, byteCount: n)
            }
            offset += n
            return n
        }
    }

    /// An empty body.
    public static func empty() -> RequestBody { RequestBody(bytes: []) }

    /// Whether the request declares no body at all.
    public var isEmpty: Bool { declaredLength == 0 }

    /// Bytes read so far.
    public var bytesRead: Int { consumed }

    /// Reads the next chunk into `buffer`; 0 means the body is over (or its declared length was reached).
    /// Throws `HTTPError.truncatedBody` when the source ends before the declared length.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if finished { return 0 }
        var window = buffer
        if let declared = declaredLength {
            let left = declared - consumed
            if left <= 0 { finished = true; return 0 }
            if window.count > left { window = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<left]) }
        }
        let n = reader(window)
        if n < 0 { finished = true; throw HTTPError.truncatedBody }
        if n == 0 {
            finished = true
            if let declared = declaredLength, consumed < declared { throw HTTPError.truncatedBody }
            return 0
        }
        consumed += n
        return n
    }

    /// Reads the whole body; more than `limit` bytes throws `HTTPError.payloadTooLarge` without reading the rest.
    public func readAll(limit: Int) throws -> [UInt8] {
        if let declared = declaredLength, declared > limit { throw HTTPError.payloadTooLarge(limit: limit) }
        var out: [UInt8] = []
        out.reserveCapacity(min(declaredLength ?? 4096, limit))
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let n = try chunk.withUnsafeMutableBytes { try read(into: $0) }
            if n == 0 { break }
            if out.count + n > limit { throw HTTPError.payloadTooLarge(limit: limit) }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }
}
