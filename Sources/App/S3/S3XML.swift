/// The little XML S3 answers with (ListObjectsV2, DeleteObjects), read by element name: the documents are flat
/// and machine-written, so a scanner for `<Name>…</Name>` is enough and no XML library is linked for it.
enum S3XML {
    /// The bodies of every `<name>` element in `document`.
    static func elements(_ name: String, in document: [UInt8]) -> [[UInt8]] {
        let open = Array("<\(name)>".utf8), close = Array("</\(name)>".utf8)
        var found: [[UInt8]] = []
        var index = 0
        while let start = find(open, in: document, from: index) {
            let bodyStart = start + open.count
            guard let end = find(close, in: document, from: bodyStart) else { break }
            found.append(Array(document[bodyStart..<end]))
            index = end + close.count
        }
        return found
    }

    /// The text of every `<name>` element in each of `documents`, entities decoded.
    static func values(of name: String, in documents: [[UInt8]]) -> [String] {
        documents.flatMap { elements(name, in: $0) }.map { unescape(String(decoding: $0, as: UTF8.self)) }
    }

    /// `text` with the five XML entities escaped.
    static func escape(_ text: String) -> String {
        text.replacingAll("&", "&amp;").replacingAll("<", "&lt;").replacingAll(">", "&gt;")
            .replacingAll("\"", "&quot;").replacingAll("'", "&apos;")
    }

    private static func unescape(_ text: String) -> String {
        text.replacingAll("&lt;", "<").replacingAll("&gt;", ">").replacingAll("&quot;", "\"")
            .replacingAll("&apos;", "'").replacingAll("&amp;", "&")
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0] && haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement` (without Foundation).
    fileprivate func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
