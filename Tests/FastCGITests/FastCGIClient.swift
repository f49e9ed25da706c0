import Glibc

/// A small FastCGI 1.0 client for tests: one RESPONDER request per connection (no keep-conn) over a unix
/// socket, with blocking POSIX sockets. It can also misbehave on purpose: declare a `CONTENT_LENGTH` other
/// than what it sends, leave stdin open, or hang up in the middle of the body.
struct FastCGIClient: Sendable {
    /// What the client does once the stdin bytes are sent.
    enum Ending: Sendable {
        /// Sends the empty FCGI_STDIN record (end of stream), then reads the response.
        case endOfStream
        /// Sends nothing more and reads the response (the server must answer without the rest of the body).
        case leaveOpen
        /// Closes the connection without reading anything.
        case hangUp
    }

    /// Why a request failed on the client side.
    struct Failure: Error, CustomStringConvertible {
        /// The operation that failed (`connect`, `send`, `recv`, ...).
        let operation: String
        /// The errno, or 0 for a protocol problem.
        let code: Int32
        /// Details for protocol problems.
        var detail = ""

        /// Whether the server refused the connection or its socket file is gone.
        var isConnectionRefused: Bool { operation == "connect" && (code == ECONNREFUSED || code == ENOENT) }
        /// Whether a receive timed out (the server hung).
        var isTimeout: Bool { code == EAGAIN || code == EWOULDBLOCK }

        var description: String {
            code == 0 ? "\(operation): \(detail)" : "\(operation): \(String(cString: strerror(code))) \(detail)"
        }
    }

    // Record types and constants of the FastCGI 1.0 specification.
    static let version: UInt8 = 1
    static let beginRequest: UInt8 = 1
    static let endRequest: UInt8 = 3
    static let params: UInt8 = 4
    static let stdin: UInt8 = 5
    static let stdout: UInt8 = 6
    static let stderr: UInt8 = 7
    static let responderRole: UInt16 = 1
    static let maxContent = 65_535
    static let requestID: UInt16 = 1

    /// The unix socket of the server.
    let socketPath: String
    /// Send and receive timeout: a server that hangs makes the request fail instead of the test.
    var timeoutSeconds = 10

    /// A client of the server at `socketPath`.
    init(socketPath: String, timeoutSeconds: Int = 10) {
        self.socketPath = socketPath
        self.timeoutSeconds = timeoutSeconds
    }

    /// Sends one request and reads its response.
    ///
    /// `CONTENT_LENGTH` is `contentLength` when given, otherwise `body.count` for a non-empty body (unless
    /// `params` already has one). `stdinChunk` is the largest FCGI_STDIN record content to send (≤ 65535).
    func send(_ params: [(String, String)], body: [UInt8] = [], contentLength: Int? = nil,
              ending: Ending = .endOfStream, stdinChunk: Int = maxContent) throws -> FastCGIResponse {
        let fd = try connect()
        defer { close(fd) }
        try writeRequest(fd, params: params, body: body, contentLength: contentLength, ending: ending, stdinChunk: stdinChunk)
        return try readResponse(fd)
    }

    /// Sends the parameters and `body` (declared as `contentLength` bytes), then closes the connection.
    func hangUp(_ params: [(String, String)], body: [UInt8], contentLength: Int) throws {
        let fd = try connect()
        defer { close(fd) }
        try writeRequest(fd, params: params, body: body, contentLength: contentLength, ending: .hangUp, stdinChunk: Self.maxContent)
    }

    /// Sends one request, reads the first `readBytes` bytes of the answer, then closes the connection while the
    /// server is still writing the rest.
    func leaveMidResponse(_ params: [(String, String)], readBytes: Int) throws {
        let fd = try connect()
        defer { close(fd) }
        try writeRequest(fd, params: params, body: [], contentLength: nil, ending: .endOfStream, stdinChunk: Self.maxContent)
        var buffer = [UInt8](repeating: 0, count: readBytes)
        var got = 0
        while got < readBytes {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + got, readBytes - got, 0) }
            if n <= 0 { break }
            got += n
        }
    }

    /// A connected socket with the timeouts set.
    func connect() throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(operation: "socket", code: errno) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        let size = socklen_t(MemoryLayout<timeval>.size)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, size)
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, size)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let path = Array(socketPath.utf8)
        guard path.count < MemoryLayout.size(ofValue: address.sun_path) else {
            close(fd)
            throw Failure(operation: "connect", code: ENAMETOOLONG, detail: socketPath)
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: path)
            raw[path.count] = 0
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw Failure(operation: "connect", code: code, detail: socketPath)
        }
        return fd
    }

    // MARK: - Writing

    private func writeRequest(_ fd: Int32, params: [(String, String)], body: [UInt8], contentLength: Int?,
                              ending: Ending, stdinChunk: Int) throws {
        var allParams = params
        if !params.contains(where: { $0.0 == "CONTENT_LENGTH" }) {
            if let contentLength {
                allParams.append(("CONTENT_LENGTH", String(contentLength)))
            } else if !body.isEmpty {
                allParams.append(("CONTENT_LENGTH", String(body.count)))
            }
        }
        // BEGIN_REQUEST: role (2 bytes), flags (0: the server closes the connection), 5 reserved bytes.
        let role = Self.responderRole
        try writeRecord(fd, type: Self.beginRequest, content: [UInt8(role >> 8), UInt8(role & 0xFF), 0, 0, 0, 0, 0, 0])
        // The name-value stream may be split anywhere between records.
        let encoded = Self.encodeParams(allParams)
        var offset = 0
        while offset < encoded.count {
            let end = min(offset + Self.maxContent, encoded.count)
            try writeRecord(fd, type: Self.params, content: encoded[offset..<end])
            offset = end
        }
        try writeRecord(fd, type: Self.params, content: [])
        let chunk = max(1, min(stdinChunk, Self.maxContent))
        offset = 0
        while offset < body.count {
            let end = min(offset + chunk, body.count)
            try writeRecord(fd, type: Self.stdin, content: body[offset..<end])
            offset = end
        }
        if ending == .endOfStream { try writeRecord(fd, type: Self.stdin, content: []) }
    }

    /// Name-value pairs: each length in 1 byte below 128, otherwise 4 bytes with the high bit set.
    static func encodeParams(_ params: [(String, String)]) -> [UInt8] {
        var out: [UInt8] = []
        func appendLength(_ length: Int) {
            if length < 128 {
                out.append(UInt8(length))
            } else {
                out.append(UInt8((length >> 24) & 0x7F) | 0x80)
                out.append(UInt8((length >> 16) & 0xFF))
                out.append(UInt8((length >> 8) & 0xFF))
                out.append(UInt8(length & 0xFF))
            }
        }
        for (name, value) in params {
            appendLength(name.utf8.count)
            appendLength(value.utf8.count)
            out.append(contentsOf: name.utf8)
            out.append(contentsOf: value.utf8)
        }
        return out
    }

    /// One record: the 8-byte header, the content, padding up to a multiple of 8.
    private func writeRecord<Bytes: Collection<UInt8>>(_ fd: Int32, type: UInt8, content: Bytes) throws {
        let length = content.count
        precondition(length <= Self.maxContent)
        let padding = (8 - length % 8) % 8
        var record: [UInt8] = [Self.version, type, UInt8(Self.requestID >> 8), UInt8(Self.requestID & 0xFF),
                               UInt8(length >> 8), UInt8(length & 0xFF), UInt8(padding), 0]
        record.reserveCapacity(8 + length + padding)
        record.append(contentsOf: content)
        record.append(contentsOf: repeatElement(0, count: padding))
        try writeAll(fd, record)
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw Failure(operation: "send", code: errno)
                }
                offset += n
            }
        }
    }

    // MARK: - Reading

    private func readResponse(_ fd: Int32) throws -> FastCGIResponse {
        var stdout: [UInt8] = []
        var stderr: [UInt8] = []
        while true {
            let header = try readExactly(fd, 8)
            guard header[0] == Self.version else {
                throw Failure(operation: "recv", code: 0, detail: "bad record version \(header[0])")
            }
            let type = header[1]
            let id = UInt16(header[2]) << 8 | UInt16(header[3])
            let length = Int(header[4]) << 8 | Int(header[5])
            let padding = Int(header[6])
            let content = try readExactly(fd, length + padding).prefix(length)
            guard id == Self.requestID else {
                throw Failure(operation: "recv", code: 0, detail: "record for request \(id), type \(type)")
            }
            switch type {
            case Self.stdout:
                stdout.append(contentsOf: content)
            case Self.stderr:
                stderr.append(contentsOf: content)
            case Self.endRequest:
                guard content.count >= 8 else { throw Failure(operation: "recv", code: 0, detail: "short END_REQUEST") }
                let bytes = Array(content)
                let appStatus = bytes[0..<4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                return try FastCGIResponse(stdout: stdout, stderr: stderr, appStatus: appStatus, protocolStatus: bytes[4])
            default:
                throw Failure(operation: "recv", code: 0, detail: "unexpected record type \(type)")
            }
        }
    }

    private func readExactly(_ fd: Int32, _ count: Int) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        var offset = 0
        try buffer.withUnsafeMutableBytes { raw in
            while offset < count {
                let n = recv(fd, raw.baseAddress! + offset, count - offset, 0)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw Failure(operation: "recv", code: errno)
                }
                if n == 0 { throw Failure(operation: "recv", code: 0, detail: "connection closed before FCGI_END_REQUEST") }
                offset += n
            }
        }
        return buffer
    }
}
