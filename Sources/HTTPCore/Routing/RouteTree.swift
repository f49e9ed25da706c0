/// The compiled routes: a segment tree where a literal child is tried before the parameter child.
final class RouteTree<Context: RequestContext>: Sendable {
    /// What a lookup found.
    enum Match {
        case found(handler: Router<Context>.Handler, parameters: [String: String])
        case methodNotAllowed([HTTPMethod])
        case notFound
    }

    struct Endpoint: Sendable {
        let handler: Router<Context>.Handler
    }

    final class Node: Sendable {
        let literals: [String: Node]
        let parameter: (name: String, digitsOnly: Bool, node: Node)?
        let endpoints: [HTTPMethod: Endpoint]

        init(literals: [String: Node], parameter: (name: String, digitsOnly: Bool, node: Node)?, endpoints: [HTTPMethod: Endpoint]) {
            self.literals = literals
            self.parameter = parameter
            self.endpoints = endpoints
        }
    }

    /// A mutable node used only while building.
    private final class Builder {
        var literals: [String: Builder] = [:]
        var parameter: (name: String, digitsOnly: Bool, node: Builder)?
        var endpoints: [HTTPMethod: Endpoint] = [:]

        func freeze() -> Node {
            Node(literals: literals.mapValues { $0.freeze() },
                 parameter: parameter.map { ($0.name, $0.digitsOnly, $0.node.freeze()) },
                 endpoints: endpoints)
        }
    }

    let root: Node

    init(routes: [Router<Context>.Route]) {
        let root = Builder()
        for route in routes {
            var node = root
            for segment in route.pattern.segments {
                switch segment {
                case .literal(let text):
                    if let next = node.literals[text] { node = next } else {
                        let next = Builder()
                        node.literals[text] = next
                        node = next
                    }
                case .parameter(let name, let digitsOnly):
                    if let existing = node.parameter {
                        precondition(existing.name == name && existing.digitsOnly == digitsOnly,
                                     "conflicting parameter :\(name) vs :\(existing.name) in \(route.pattern)")
                        node = existing.node
                    } else {
                        let next = Builder()
                        node.parameter = (name, digitsOnly, next)
                        node = next
                    }
                }
            }
            node.endpoints[route.method] = Endpoint(handler: Router<Context>.chain(route.middleware, route.handler))
        }
        self.root = root.freeze()
    }

    /// Finds the route for `method` and the decoded path `segments` (`Request.pathSegments`). A path whose node
    /// exists but lacks the method is a 405 (HEAD falls back to GET); no node is a 404.
    func match(_ method: HTTPMethod, segments: [String]) -> Match {
        var parameters: [(String, String)] = []
        guard let node = find(root, segments[...], &parameters) else { return .notFound }
        if let endpoint = node.endpoints[method] ?? (method == .head ? node.endpoints[.get] : nil) {
            return .found(handler: endpoint.handler, parameters: Dictionary(parameters, uniquingKeysWith: { $1 }))
        }
        return .methodNotAllowed(node.endpoints.keys.sorted { $0.rawValue < $1.rawValue })
    }

    /// Depth-first: literal first, then the parameter; a node counts only if it has endpoints.
    private func find(_ node: Node, _ rest: ArraySlice<String>, _ parameters: inout [(String, String)]) -> Node? {
        guard let head = rest.first else { return node.endpoints.isEmpty ? nil : node }
        if let child = node.literals[head], let found = find(child, rest.dropFirst(), &parameters) {
            return found
        }
        if let parameter = node.parameter, !parameter.digitsOnly || head.allSatisfy({ $0.isASCII && $0.isNumber }) {
            parameters.append((parameter.name, head))
            if let found = find(parameter.node, rest.dropFirst(), &parameters) { return found }
            parameters.removeLast()
        }
        return nil
    }
}

extension Router {
    /// Folds route middleware around a handler, outermost first.
    static func chain(_ middleware: [any Middleware<Context>], _ handler: @escaping Handler) -> Handler {
        middleware.reversed().reduce(handler) { next, step in
            { request, context in try step.handle(request, context: context, next: next) }
        }
    }
}
