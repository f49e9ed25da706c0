import HTTPCore

/// Writes a response as CGI output: a `Status:` line, the headers, `Content-Length`, a blank line.
enum CGIResponse {
    /// The CGI head of `response`, assembled in one byte buffer (no intermediate strings).
    static func head(_ response: Response) -> [UInt8] {
        var head: [UInt8] = []
        head.reserveCapacity(256)
        head.append(contentsOf: "Status: ".utf8)
        head.appendDecimal(response.status)
        head.append(0x20)
        head.append(contentsOf: reasonPhrase(response.status).utf8)
        head.append(contentsOf: crlf)
        for (name, value) in response.headers where !name.isEmpty && !containsLineBreak(name) && !containsLineBreak(value) {
            if isASCIICaseInsensitive(name, "content-length") || isASCIICaseInsensitive(name, "status") { continue }
            head.append(contentsOf: name.utf8)
            head.append(contentsOf: ": ".utf8)
            head.append(contentsOf: value.utf8)
            head.append(contentsOf: crlf)
        }
        if response.status != 204 && response.status != 304 {
            head.append(contentsOf: "Content-Length: ".utf8)
            head.appendDecimal(response.body.count)
            head.append(contentsOf: crlf)
        }
        head.append(contentsOf: crlf)
        return head
    }

    private static let crlf: [UInt8] = [13, 10]

    /// Whether `name` is `lowercase` in any ASCII case (`lowercase` is lower-case ASCII).
    private static func isASCIICaseInsensitive(_ name: String, _ lowercase: StaticString) -> Bool {
        guard name.utf8.count == lowercase.utf8CodeUnitCount else { return false }
        return lowercase.withUTF8Buffer { expected in
            zip(name.utf8, expected).allSatisfy { ((65...90).contains($0) ? $0 + 32 : $0) == $1 }
        }
    }

    /// Header injection guard: a value with CR or LF is dropped rather than split into two headers.
    private static func containsLineBreak(_ text: String) -> Bool {
        text.utf8.contains { $0 == 10 || $0 == 13 }
    }

    /// The standard reason phrase of `status`.
    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 201: return "Created"
        case 202: return "Accepted"
        case 204: return "No Content"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 304: return "Not Modified"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 409: return "Conflict"
        case 410: return "Gone"
        case 413: return "Content Too Large"
        case 415: return "Unsupported Media Type"
        case 422: return "Unprocessable Content"
        case 423: return "Locked"
        case 424: return "Failed Dependency"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        default: return "Status \(status)"
        }
    }
}
