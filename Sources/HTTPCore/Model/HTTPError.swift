/// Failures that the HTTP layer detects before or around a handler; each module renders them in its own format.
public enum HTTPError: Error, Equatable, Sendable {
    /// No route has this path.
    case notFound
    /// The path exists but not for this method; the allowed methods are listed.
    case methodNotAllowed(allowed: [HTTPMethod])
    /// The body exceeds the limit (bytes).
    case payloadTooLarge(limit: Int)
    /// The body could not be parsed (malformed JSON, multipart or urlencoded); the text says where.
    case malformedBody(String)
    /// The body ended before its declared length.
    case truncatedBody
    /// The Content-Type of the body is not one this route accepts.
    case unsupportedMediaType(String)
}

/// Broad classes of failure that a module maps to its status codes without knowing the error's concrete type.
public enum ErrorClass: Sendable, Equatable {
    /// A dependency (the database) is not answering; the client may retry: 503.
    case serviceUnavailable
    /// Anything else: a 500 with a safe message.
    case internalError
}

/// An error that knows its class (the composition root makes database errors conform).
public protocol ClassifiedError: Error {
    /// The class of this failure.
    var errorClass: ErrorClass { get }
}
