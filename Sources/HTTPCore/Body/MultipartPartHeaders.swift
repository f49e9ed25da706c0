/// The headers of one `multipart/form-data` part that matter: the field name, the file name and the type.
struct MultipartPartHeaders: Equatable {
    /// The form field name (`Content-Disposition` `name`), never empty.
    var name: String
    /// The client's file name when the part is a file (may be empty: a file input left blank).
    var filename: String?
    /// The part's `Content-Type`, if given.
    var contentType: String?

    /// Parses a header block (the lines between the boundary line and the blank line, without the final CRLF).
    static func parse(_ block: [UInt8]) throws -> MultipartPartHeaders {
        var disposition: String?
        var contentType: String?
        for line in unfoldedLines(block) {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
                throw HTTPError.malformedBody("multipart: part header line without ':'")
            }
            let fieldName = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
            let fieldValue = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingASCIIWhitespace()
            if fieldName.caseInsensitiveEquals("Content-Disposition") {
                disposition = fieldValue
            } else if fieldName.caseInsensitiveEquals("Content-Type") {
                contentType = fieldValue
            }
        }
        guard let disposition else { throw HTTPError.malformedBody("multipart: part without Content-Disposition") }
        let parsed = HeaderParameters(parsing: disposition)
        guard parsed.value.caseInsensitiveEquals("form-data") else {
            throw HTTPError.malformedBody("multipart: part disposition is not form-data")
        }
        guard let name = parsed["name"], !name.isEmpty else {
            throw HTTPError.malformedBody("multipart: part without a name")
        }
        return MultipartPartHeaders(name: name, filename: parsed["filename"],
                                    contentType: contentType.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// Splits on CRLF and joins obsolete folded lines (starting with a space or tab) to the line before.
    private static func unfoldedLines(_ block: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        func addLine(_ line: ArraySlice<UInt8>) {
            guard !line.isEmpty else { return }
            if let first = line.first, first == 0x20 || first == 0x09, let previous = lines.popLast() {
                lines.append(ArraySlice(Array(previous) + [0x20] + Array(line.drop { $0 == 0x20 || $0 == 0x09 })))
            } else {
                lines.append(line)
            }
        }
        while index + 1 < block.count {
            if block[index] == 0x0D, block[index + 1] == 0x0A {
                addLine(block[start..<index])
                index += 2
                start = index
            } else {
                index += 1
            }
        }
        addLine(block[start..<block.count])
        return lines
    }
}
