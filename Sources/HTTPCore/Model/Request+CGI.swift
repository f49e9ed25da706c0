import Glibc

extension Request {
    /// Builds a request from CGI parameters as nginx sends them over FastCGI (`fastcgi_params`).
    ///
    /// `path` is `DOCUMENT_URI` (decoded and normalised by nginx; FIELD-NOTES pitfall 9), falling back to the
    /// path of `REQUEST_URI`; `rawPath`, which the router matches, is the path of `REQUEST_URI` (still encoded, so
    /// `%2F` stays inside its segment; ruling M12), falling back to `DOCUMENT_URI`. `HTTP_FOO_BAR` becomes header `foo-bar`; `CONTENT_TYPE` and `CONTENT_LENGTH`
    /// become headers too. A `CONTENT_LENGTH` that is not a number is treated as absent.
    public static func fromCGI(_ parameters: [(String, String)], body makeBody: (Int?) -> RequestBody) -> Request {
        var method = "GET", documentURI: String?, requestURI: String?, query = "", address = ""
        var contentLength: Int?
        var headers = HTTPHeaders()
        for (name, value) in parameters {
            switch name {
            case "REQUEST_METHOD": method = value
            case "DOCUMENT_URI": documentURI = value
            case "REQUEST_URI": requestURI = value
            case "QUERY_STRING": query = value
            case "REMOTE_ADDR": address = value
            case "CONTENT_TYPE": if !value.isEmpty { headers.add("Content-Type", value) }
            case "CONTENT_LENGTH":
                if !value.isEmpty {
                    headers.add("Content-Length", value)
                    contentLength = Int(value).flatMap { $0 >= 0 ? $0 : nil }
                }
            default:
                if name.hasPrefix("HTTP_") {
                    headers.add(headerName(fromCGI: name.dropFirst(5)), value)
                }
            }
        }
        let rawPath = requestURI.map { String($0.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "") } ?? ""
        var path = documentURI ?? ""
        if path.isEmpty { path = rawPath }
        if path.isEmpty { path = "/" }
        return Request(method: HTTPMethod(rawValue: method), path: path, rawPath: rawPath.isEmpty ? path : rawPath,
                       rawQuery: query, headers: headers,
                       clientAddress: address, body: makeBody(contentLength))
    }

    /// Whether `fromCGI` reads the CGI parameter called `name` (its bytes): `HTTP_*` and the request-line, content and
    /// address parameters. A responder may skip the others before making strings of them.
    public static func readsCGIParameter(_ name: UnsafeRawBufferPointer) -> Bool {
        let count = name.count
        guard count >= 5 else { return false }
        switch (name[0], name[1]) {
        case (UInt8(ascii: "H"), UInt8(ascii: "T")):  // HTTP_*, not HTTPS
            return name[2] == UInt8(ascii: "T") && name[3] == UInt8(ascii: "P") && name[4] == UInt8(ascii: "_")
        case (UInt8(ascii: "R"), UInt8(ascii: "E")):
            return matches(name, "REQUEST_METHOD") || matches(name, "REQUEST_URI") || matches(name, "REMOTE_ADDR")
        case (UInt8(ascii: "D"), UInt8(ascii: "O")):
            return matches(name, "DOCUMENT_URI")
        case (UInt8(ascii: "Q"), UInt8(ascii: "U")):
            return matches(name, "QUERY_STRING")
        case (UInt8(ascii: "C"), UInt8(ascii: "O")):
            return matches(name, "CONTENT_TYPE") || matches(name, "CONTENT_LENGTH")
        default:
            return false
        }
    }

    private static func matches(_ bytes: UnsafeRawBufferPointer, _ literal: StaticString) -> Bool {
        bytes.count == literal.utf8CodeUnitCount
            && memcmp(bytes.baseAddress!, literal.utf8Start, bytes.count) == 0
    }

    /// `ACCEPT_LANGUAGE` → `accept-language`.
    static func headerName(fromCGI name: Substring) -> String {
        let bytes = name.utf8
        // Byte by byte: CGI names are ASCII (nginx upper-cases them and turns '-' into '_').
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for (index, byte) in bytes.enumerated() {
                buffer[index] = byte == UInt8(ascii: "_") ? UInt8(ascii: "-") : (65...90).contains(byte) ? byte + 32 : byte
            }
            return bytes.count
        }
    }
}
