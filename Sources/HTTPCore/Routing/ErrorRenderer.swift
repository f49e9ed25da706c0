import Logging

/// Turns any error into a response in a module's own error format. Each module supplies one; it is the only
/// place where that module's error bodies are written. It logs internal errors with detail through `logger`
/// while the client sees only a safe message.
public protocol ErrorRenderer: Sendable {
    /// The response for `error`, raised while serving `request`.
    func response(for error: any Error, request: Request, logger: Logger) -> Response
}
