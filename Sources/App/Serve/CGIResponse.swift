import HTTPCore

/// Writes a response as CGI output: a `Status:` line, the headers, `Content-Length`, a blank line.
enum CGIResponse {
    /// The CGI head of `response`.
    static func head(_ response: Response) -> [UInt8] {
        var text = "Status: \(response.status) \(reasonPhrase(response.status))\r\n"
        for (name, value) in response.headers where !name.isEmpty && !containsLineBreak(name) && !containsLineBreak(value) {
            if name.lowercased() == "content-length" || name.lowercased() == "status" { continue }
            text += "\(name): \(value)\r\n"
        }
        if response.status != 204 && response.status != 304 {
            text += "Content-Length: \(response.body.count)\r\n"
        }
        text += "\r\n"
        return Array(text.utf8)
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
