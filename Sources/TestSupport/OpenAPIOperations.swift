import HTTPCore

/// Reading an OpenAPI document the way the parity tests compare it with a router.
public enum OpenAPIOperations {
    /// The HTTP methods a path item may hold.
    public static let methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// Every operation of `document` as (`METHOD /path`, path item, operation).
    public static func all(_ document: Input) -> [(key: String, pathItem: InputObject, operation: InputObject)] {
        guard let paths = document["paths"]?.objectValue else { return [] }
        var result: [(String, InputObject, InputObject)] = []
        for (path, item) in paths.members {
            guard let pathItem = item.objectValue else { continue }
            for (method, value) in pathItem.members where methods.contains(method) {
                if let operation = value.objectValue { result.append(("\(method.uppercased()) \(path)", pathItem, operation)) }
            }
        }
        return result
    }

    /// A router path as an OpenAPI path: `/api/x/:id(int)/y` → `/api/x/{id}/y`.
    public static func path(_ routerPath: String) -> String {
        let segments = routerPath.split(separator: "/", omittingEmptySubsequences: true).map { segment -> String in
            guard segment.hasPrefix(":") else { return String(segment) }
            var name = segment.dropFirst()
            if let open = name.firstIndex(of: "("), name.hasSuffix(")") { name = name[..<open] }
            return "{\(name)}"
        }
        return "/" + segments.joined(separator: "/")
    }

    /// `METHOD /path` of every route a router declares.
    public static func routed(_ routes: [(method: HTTPMethod, path: String)]) -> Set<String> {
        Set(routes.map { "\($0.method.rawValue) \(path($0.path))" })
    }

    /// Every `$ref` in `document`, in document order.
    public static func references(_ document: Input) -> [String] {
        var references: [String] = []
        func walk(_ node: Input) {
            switch node {
            case .object(let object):
                for (key, value) in object.members {
                    if key == "$ref", let target = value.stringValue { references.append(target) } else { walk(value) }
                }
            case .array(let items): items.forEach(walk)
            default: break
            }
        }
        walk(document)
        return references
    }

    /// Whether `reference` is local (`#/…`) and names a node of `document`.
    public static func resolves(_ reference: String, in document: Input) -> Bool {
        guard reference.hasPrefix("#/") else { return false }
        var node: Input? = document
        for part in reference.dropFirst(2).split(separator: "/") { node = node?[String(part)] }
        return node != nil
    }
}
