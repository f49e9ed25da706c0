/// A FastCGI response as the client read it: the CGI head parsed out of FCGI_STDOUT, the body, FCGI_STDERR.
struct FastCGIResponse: Sendable {
    /// The `Status:` header's code, 200 when there is none (CGI default).
    let status: Int
    /// The CGI headers in order, `Status` included.
    let headers: [(String, String)]
    /// The body bytes after the blank line.
    let body: [UInt8]
    /// What the application wrote to FCGI_STDERR.
    let stderr: String
    /// The application status of FCGI_END_REQUEST.
    let appStatus: UInt32
    /// The protocol status of FCGI_END_REQUEST (0 = request complete).
    let protocolStatus: UInt8

    /// Splits the CGI output at the first blank line (CRLF or LF line ends).
    init(stdout: [UInt8], stderr: [UInt8], appStatus: UInt32, protocolStatus: UInt8) throws {
        self.stderr = String(decoding: stderr, as: UTF8.self)
        self.appStatus = appStatus
        self.protocolStatus = protocolStatus
        guard !stdout.isEmpty else {
            status = 200
            headers = []
            body = []
            return
        }
        guard let (headEnd, bodyStart) = Self.headBoundary(stdout) else {
            throw FastCGIClient.Failure(operation: "parse", code: 0, detail: "CGI output without a blank line after the head")
        }
        var headers: [(String, String)] = []
        for rawLine in stdout[..<headEnd].split(separator: 10, omittingEmptySubsequences: true) {
            var line = rawLine
            if line.last == 13 { line = line.dropLast() }
            guard let colon = line.firstIndex(of: 58) else {
                throw FastCGIClient.Failure(operation: "parse", code: 0, detail: "header line without a colon")
            }
            let name = String(decoding: line[..<colon], as: UTF8.self)
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingSpaces()
            headers.append((name, value))
        }
        self.headers = headers
        body = Array(stdout[bodyStart...])
        let statusValue = headers.first { $0.0.lowercased() == "status" }?.1
        status = statusValue.flatMap { Int($0.prefix { $0 != " " }) } ?? 200
    }

    /// The first value of header `name` (case-insensitive).
    func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.0.lowercased() == wanted }?.1
    }

    /// The body as UTF-8 text.
    var text: String { String(decoding: body, as: UTF8.self) }

    /// Where the head ends and the body starts: after `\r\n\r\n` or `\n\n`, whichever comes first.
    private static func headBoundary(_ bytes: [UInt8]) -> (Int, Int)? {
        var index = 0
        while index < bytes.count {
            if bytes[index] == 10 {
                if index + 1 < bytes.count, bytes[index + 1] == 10 { return (index, index + 2) }
                if index + 2 < bytes.count, bytes[index + 1] == 13, bytes[index + 2] == 10 { return (index, index + 3) }
            }
            index += 1
        }
        return nil
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    fileprivate func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first == " " || slice.first == "\t" { slice.removeFirst() }
        while slice.last == " " || slice.last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
