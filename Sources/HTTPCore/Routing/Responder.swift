import Logging

/// The frozen router: immutable, `Sendable`, shared by every worker thread. It never throws: every error
/// becomes a response through the module's `ErrorRenderer`.
public struct Responder<Context: RequestContext>: Sendable {
    let tree: RouteTree<Context>
    let middleware: [any Middleware<Context>]
    let errors: any ErrorRenderer
    let pipeline: Router<Context>.Handler
    /// Every declared route as `(method, path)`.
    public let declaredRoutes: [(method: HTTPMethod, path: String)]

    init(tree: RouteTree<Context>, middleware: [any Middleware<Context>], errors: any ErrorRenderer,
         declaredRoutes: [(method: HTTPMethod, path: String)]) {
        self.tree = tree
        self.middleware = middleware
        self.errors = errors
        self.declaredRoutes = declaredRoutes
        let dispatch: Router<Context>.Handler = { request, context in
            switch tree.match(request.method, segments: request.pathSegments) {
            case .found(let handler, let parameters):
                request.parameters = parameters
                do {
                    return try handler(request, context)
                } catch {
                    return errors.response(for: error, request: request, logger: context.logger)
                }
            case .methodNotAllowed(let allowed):
                return errors.response(for: HTTPError.methodNotAllowed(allowed: allowed), request: request, logger: context.logger)
            case .notFound:
                return errors.response(for: HTTPError.notFound, request: request, logger: context.logger)
            }
        }
        // Global middleware may also throw (an auth hook, a body check); its errors are rendered the same way.
        pipeline = middleware.reversed().reduce(dispatch) { next, step in
            { request, context in
                do {
                    return try step.handle(request, context: context, next: next)
                } catch {
                    return errors.response(for: error, request: request, logger: context.logger)
                }
            }
        }
    }

    /// Answers `request`. HEAD answers are GET answers without body.
    public func respond(to request: Request, context: Context) -> Response {
        var response: Response
        do {
            response = try pipeline(request, context)
        } catch {
            response = errors.response(for: error, request: request, logger: context.logger)
        }
        if request.method == .head { response.body = [] }
        return response
    }
}
