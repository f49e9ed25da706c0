import FastCGI
import Logging

/// Starting FastCGI servers on unix sockets for tests, and the CGI parameters nginx would send.
enum TestServer {
    /// A logger that drops everything (the servers log start and stop).
    static let logger = Logger(label: "fastcgi-tests") { _ in SwiftLogNoOpLogHandler() }

    /// A server on the unix socket at `path`.
    static func start(_ path: String, workers: Int = 2, graceSeconds: Int = 5, mode: UInt32 = 0o660,
                      makeHandler: @escaping FastCGIServer.HandlerFactory) throws -> FastCGIServer {
        let configuration = FastCGIConfiguration(endpoint: .unixSocket(path: path, mode: mode), workers: workers,
                                                 shutdownGraceSeconds: graceSeconds)
        return try FastCGIServer.start(configuration, logger: logger, makeHandler: makeHandler)
    }

    /// The parameters nginx's `fastcgi_params` send for `method uri?query`, then `extra`.
    static func cgi(_ method: String, _ uri: String, query: String = "", contentType: String = "",
                    extra: [(String, String)] = []) -> [(String, String)] {
        [
            ("QUERY_STRING", query),
            ("REQUEST_METHOD", method),
            ("CONTENT_TYPE", contentType),
            ("SCRIPT_NAME", uri),
            ("REQUEST_URI", query.isEmpty ? uri : uri + "?" + query),
            ("DOCUMENT_URI", uri),
            ("SERVER_PROTOCOL", "HTTP/1.1"),
            ("GATEWAY_INTERFACE", "CGI/1.1"),
            ("REMOTE_ADDR", "127.0.0.1"),
            ("REMOTE_PORT", "54321"),
            ("SERVER_NAME", "localhost"),
        ] + extra
    }
}
