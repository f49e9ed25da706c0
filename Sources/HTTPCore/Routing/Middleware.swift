/// The rest of the chain, as a middleware sees it.
public typealias Next<Context: RequestContext> = (Request, Context) throws -> Response

/// A step around a handler: it may answer itself, change the context, or call `next`.
/// Throwing stops the chain; the module's `ErrorRenderer` turns the error into a response.
public protocol Middleware<Context>: Sendable {
    /// The module's context type.
    associatedtype Context: RequestContext
    /// Handles the request, usually by calling `next`.
    func handle(_ request: Request, context: Context, next: Next<Context>) throws -> Response
}
