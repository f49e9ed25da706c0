/// How the router reads a request path (ruling M12): split the raw, still percent-encoded path on `/` first,
/// then decode each segment, so an encoded `/` (`%2F`) is part of a segment's value and never a separator.
enum RoutePath {
    /// The decoded segments of `rawPath`: empty segments are skipped (`/a//b/` is `/a/b`, as nginx merges
    /// slashes), a literal `.` is dropped and a literal `..` drops the segment before it (RFC 3986 dot segments,
    /// which nginx also resolves before choosing a location); encoded dots (`%2E`) are ordinary characters.
    static func segments(_ rawPath: String) -> [String] {
        var segments: [String] = []
        for raw in rawPath.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            if raw.elementsEqual(".".utf8) { continue }
            if raw.elementsEqual("..".utf8) {
                if !segments.isEmpty { segments.removeLast() }
                continue
            }
            let bytes = Array(raw)
            segments.append(bytes.withUnsafeBufferPointer { URLEncoding.decode($0, 0..<$0.count, plusIsSpace: false) })
        }
        return segments
    }
}
