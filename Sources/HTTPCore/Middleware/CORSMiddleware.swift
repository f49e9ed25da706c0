/// CORS for browser front ends: answers preflights (`OPTIONS` with `Access-Control-Request-Method`) with 204
/// before routing, and adds `Access-Control-Allow-Origin` to every response of a request that has an `Origin`.
public struct CORSMiddleware<Context: RequestContext>: Middleware {
    /// The `Access-Control-Allow-Origin` value (`*` or one origin).
    public let allowOrigin: String
    /// Methods announced in preflight answers.
    public let allowMethods: [HTTPMethod]
    /// Request headers announced in preflight answers.
    public let allowHeaders: [String]
    /// Response headers browsers may read.
    public let exposeHeaders: [String]
    /// How long browsers may cache a preflight answer, in seconds.
    public let maxAge: Int

    /// A CORS step.
    public init(allowOrigin: String = "*",
                allowMethods: [HTTPMethod] = [.get, .post, .put, .patch, .delete, .options],
                allowHeaders: [String] = ["Authorization", "Content-Type", "Accept-Language", "X-Request-Id"],
                exposeHeaders: [String] = ["X-Request-Id", "Content-Disposition"],
                maxAge: Int = 600) {
        self.allowOrigin = allowOrigin
        self.allowMethods = allowMethods
        self.allowHeaders = allowHeaders
        self.exposeHeaders = exposeHeaders
        self.maxAge = maxAge
    }

    /// Answers preflights, decorates everything else.
    public func handle(_ request: Request, context: Context, next: Next<Context>) throws -> Response {
        guard request.headers["Origin"] != nil else { return try next(request, context) }
        if request.method == .options, request.headers["Access-Control-Request-Method"] != nil {
            var response = Response.empty(status: 204)
            decorate(&response)
            response.headers.set("Access-Control-Allow-Methods", allowMethods.map(\.rawValue).joined(separator: ", "))
            response.headers.set("Access-Control-Allow-Headers",
                                 request.headers["Access-Control-Request-Headers"] ?? allowHeaders.joined(separator: ", "))
            response.headers.set("Access-Control-Max-Age", String(maxAge))
            return response
        }
        var response = try next(request, context)
        decorate(&response)
        if !exposeHeaders.isEmpty {
            response.headers.set("Access-Control-Expose-Headers", exposeHeaders.joined(separator: ", "))
        }
        return response
    }

    private func decorate(_ response: inout Response) {
        response.headers.set("Access-Control-Allow-Origin", allowOrigin)
        if allowOrigin != "*" { response.headers.add("Vary", "Origin") }
    }
}
