/// Collects routes and middleware; `freeze` turns it into the immutable `Responder` that every worker shares.
public struct Router<Context: RequestContext> {
    /// A request handler.
    public typealias Handler = @Sendable (Request, Context) throws -> Response

    struct Route {
        let method: HTTPMethod
        let pattern: RoutePattern
        let middleware: [any Middleware<Context>]
        let handler: Handler
    }

    private(set) var routes: [Route] = []
    /// The documented form of every route added from an `OperationSpec`, in the order added.
    public private(set) var operations: [OpenAPIOperation] = []
    private var prefix: String = ""
    private var groupMiddleware: [any Middleware<Context>] = []

    /// An empty router.
    public init() {}

    /// Adds a route. Path segments starting with `:` are parameters; `:id(int)` only matches digits.
    public mutating func on(_ method: HTTPMethod, _ path: String, middleware: [any Middleware<Context>] = [],
                            handler: @escaping Handler) {
        let full = prefix + path
        let pattern = RoutePattern(full)
        precondition(!routes.contains { $0.method == method && $0.pattern.segments == pattern.segments },
                     "duplicate route \(method) \(full)")
        routes.append(Route(method: method, pattern: pattern, middleware: groupMiddleware + middleware, handler: handler))
    }

    /// Registers `operation`: its method, the router form of its path and the middleware of its access, with
    /// `handler`; its documented form joins `operations`. The path is the full path (not inside a `group`).
    public mutating func add(_ operation: OperationSpec<Context>, handler: @escaping Handler) {
        precondition(prefix.isEmpty, "an operation declares its full path: \(operation.path) inside group \(prefix)")
        let documented = Set(operation.parameters.filter { $0.location == "path" }.map(\.name))
        precondition(documented == Set(operation.pathPlaceholders),
                     "\(operation.method) \(operation.path) declares path parameters \(documented.sorted())")
        on(operation.method, operation.routerPath, middleware: operation.access.middleware, handler: handler)
        operations.append(operation.openAPI)
    }

    /// `GET` route.
    public mutating func get(_ path: String, middleware: [any Middleware<Context>] = [], handler: @escaping Handler) {
        on(.get, path, middleware: middleware, handler: handler)
    }

    /// `POST` route.
    public mutating func post(_ path: String, middleware: [any Middleware<Context>] = [], handler: @escaping Handler) {
        on(.post, path, middleware: middleware, handler: handler)
    }

    /// `PUT` route.
    public mutating func put(_ path: String, middleware: [any Middleware<Context>] = [], handler: @escaping Handler) {
        on(.put, path, middleware: middleware, handler: handler)
    }

    /// `PATCH` route.
    public mutating func patch(_ path: String, middleware: [any Middleware<Context>] = [], handler: @escaping Handler) {
        on(.patch, path, middleware: middleware, handler: handler)
    }

    /// `DELETE` route.
    public mutating func delete(_ path: String, middleware: [any Middleware<Context>] = [], handler: @escaping Handler) {
        on(.delete, path, middleware: middleware, handler: handler)
    }

    /// Adds the routes that `build` declares under `prefix`, each wrapped in `middleware`.
    public mutating func group(_ prefix: String, middleware: [any Middleware<Context>] = [],
                               _ build: (inout Router<Context>) -> Void) {
        let savedPrefix = self.prefix, savedMiddleware = groupMiddleware
        self.prefix = savedPrefix + prefix
        groupMiddleware = savedMiddleware + middleware
        build(&self)
        self.prefix = savedPrefix
        groupMiddleware = savedMiddleware
    }

    /// Every declared route as `(method, path)`, for documentation checks (OpenAPI parity).
    public var declaredRoutes: [(method: HTTPMethod, path: String)] {
        routes.map { ($0.method, $0.pattern.text) }
    }

    /// The immutable responder: routes compiled into a tree, `middleware` around every request
    /// (also unmatched ones), errors rendered by `errors`.
    public func freeze(middleware: [any Middleware<Context>] = [], errors: any ErrorRenderer) -> Responder<Context> {
        Responder(tree: RouteTree(routes: routes), middleware: middleware, errors: errors,
                  declaredRoutes: declaredRoutes)
    }
}
