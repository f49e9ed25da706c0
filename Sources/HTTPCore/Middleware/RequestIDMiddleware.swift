import Logging

/// Gives every request an id: the client's `X-Request-Id` when it is short and plain, otherwise a new one.
/// The id goes into the logger's metadata and back to the client in `X-Request-Id`.
public struct RequestIDMiddleware<Context: RequestContext>: Middleware {
    /// A request-id step.
    public init() {}

    /// Assigns the id, then calls the rest of the chain.
    public func handle(_ request: Request, context: Context, next: Next<Context>) throws -> Response {
        let id: String
        if let offered = request.headers["X-Request-Id"], Self.isAcceptable(offered) {
            id = offered
        } else {
            id = RequestID.generate()
        }
        context.requestID = id
        context.logger[metadataKey: "request_id"] = .string(id)
        var response = try next(request, context)
        response.headers.set("X-Request-Id", id)
        return response
    }

    static func isAcceptable(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count) && id.utf8.allSatisfy { byte in
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte) || byte == 45 || byte == 95 || byte == 46
        }
    }
}
