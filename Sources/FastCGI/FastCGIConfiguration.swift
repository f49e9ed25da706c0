/// Where and how the FastCGI server listens; only Sendable values, so it can cross into worker threads.
public struct FastCGIConfiguration: Sendable {
    /// The listening endpoint.
    public enum Endpoint: Sendable, Equatable, CustomStringConvertible {
        /// A unix socket at this path, created with this mode (e.g. 0o660).
        case unixSocket(path: String, mode: UInt32)
        /// A TCP socket on this IPv4/IPv6 literal address and port (use 127.0.0.1, not a wildcard).
        case tcp(host: String, port: Int)
        /// A listening socket inherited from the parent (spawn-fcgi passes it as fd 0, systemd as fd 3).
        case inherited(fd: Int32)

        /// A readable form for logs.
        public var description: String {
            switch self {
            case .unixSocket(let path, let mode): return "unix:\(path) (mode \(String(mode, radix: 8)))"
            case .tcp(let host, let port): return "tcp:\(host):\(port)"
            case .inherited(let fd): return "inherited fd \(fd)"
            }
        }
    }

    /// The listening endpoint.
    public var endpoint: Endpoint
    /// How many worker threads accept and serve requests (each serves one request at a time).
    public var workers: Int
    /// How long shutdown waits for in-flight requests before giving up on them, in seconds.
    public var shutdownGraceSeconds: Int
    /// The listen backlog.
    public var backlog: Int32

    /// A configuration from its parts.
    public init(endpoint: Endpoint, workers: Int = 8, shutdownGraceSeconds: Int = 10, backlog: Int32 = 1024) {
        self.endpoint = endpoint
        self.workers = max(1, workers)
        self.shutdownGraceSeconds = max(0, shutdownGraceSeconds)
        self.backlog = backlog
    }
}

extension FastCGIConfiguration.Endpoint {
    /// Parses a `--socket` value: `HOST:PORT` with a numeric host is TCP, anything else a unix socket path.
    public static func parse(_ text: String, mode: UInt32) -> FastCGIConfiguration.Endpoint {
        if !text.hasPrefix("/"), !text.hasPrefix("."), let colon = text.lastIndex(of: ":"),
           let port = Int(text[text.index(after: colon)...]) {
            var host = String(text[..<colon])
            if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
            return .tcp(host: host.isEmpty ? "127.0.0.1" : host, port: port)
        }
        return .unixSocket(path: text, mode: mode)
    }

    /// The listening socket a supervisor handed over: fd 0 (spawn-fcgi) or fd 3 (systemd, `LISTEN_FDS=1`).
    public static func inheritedFromSupervisor(environment: [String: String]) -> FastCGIConfiguration.Endpoint? {
        if ListeningSocket.isListening(0) { return .inherited(fd: 0) }
        if environment["LISTEN_FDS"] == "1", ListeningSocket.isListening(3) { return .inherited(fd: 3) }
        return nil
    }
}
