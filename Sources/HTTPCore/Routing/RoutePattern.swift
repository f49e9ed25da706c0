/// A parsed route path: literal segments and `:name` parameters (`:name(int)` matches digits only).
struct RoutePattern: Sendable, CustomStringConvertible {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(name: String, digitsOnly: Bool)
    }

    let segments: [Segment]
    let text: String

    init(_ path: String) {
        text = path
        segments = RoutePattern.split(path).map { part in
            guard part.hasPrefix(":") else { return .literal(part) }
            var name = String(part.dropFirst())
            var digitsOnly = false
            if name.hasSuffix("(int)") {
                name = String(name.dropLast(5))
                digitsOnly = true
            }
            precondition(!name.isEmpty, "route parameter without a name in \(path)")
            return .parameter(name: name, digitsOnly: digitsOnly)
        }
    }

    var description: String { text }

    /// The non-empty segments of a path; `/a//b/` and `/a/b` split alike.
    static func split(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }
}
