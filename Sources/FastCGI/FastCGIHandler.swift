/// Serves requests on one worker thread. Each worker creates its own handler on its own thread, so a handler
/// may own non-Sendable resources (a database connection, buffers) without locks.
public protocol FastCGIHandler: AnyObject {
    /// Answers one request completely (CGI head and body) through `exchange`. It must not throw or trap:
    /// whatever goes wrong becomes a response.
    func handle(_ exchange: FastCGIExchange)
}
