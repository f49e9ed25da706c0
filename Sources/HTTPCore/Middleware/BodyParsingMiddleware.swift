/// Parses the body (when there is one) before the handler runs, so a malformed or oversized body is answered
/// in the module's format whatever the route does with it. The parsed tree is cached on the request.
public struct BodyParsingMiddleware<Context: RequestContext>: Middleware {
    /// The limits bodies are parsed under.
    public let limits: BodyLimits

    /// A body-parsing step.
    public init(limits: BodyLimits) { self.limits = limits }

    /// Parses, then calls the rest of the chain.
    public func handle(_ request: Request, context: Context, next: Next<Context>) throws -> Response {
        if request.hasBody { _ = try request.input(limits: limits) }
        return try next(request, context)
    }
}
