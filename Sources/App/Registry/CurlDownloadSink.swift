internal import CCurl

/// The body curl receives, kept up to `limit` bytes; past it the transfer is cut (`overflowed`).
final class CurlDownloadSink {
    let limit: Int
    private(set) var bytes: [UInt8] = []
    private(set) var overflowed = false

    init(limit: Int) {
        self.limit = limit
    }

    /// Appends a chunk; false (and nothing kept) when it would pass the limit.
    func append(_ chunk: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count + chunk.count <= limit else {
            overflowed = true
            return false
        }
        bytes.append(contentsOf: chunk)
        return true
    }
}

/// `CURLOPT_WRITEFUNCTION`: keeps the chunk; a short count (0) makes curl stop with `CURLE_WRITE_ERROR`. A
/// nonisolated global function, so no actor isolation is inferred for it (FIELD-NOTES §3 row 4).
func registryCurlWrite(_ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
                       _ userdata: UnsafeMutableRawPointer?) -> Int {
    guard let userdata else { return 0 }
    let length = size * count
    guard length > 0, let buffer else { return length }
    let sink = Unmanaged<CurlDownloadSink>.fromOpaque(userdata).takeUnretainedValue()
    return sink.append(UnsafeRawBufferPointer(start: buffer, count: length)) ? length : 0
}
