/// The operations of an OpenAPI 3.1 document kept as JSON (Monitor's is written by hand), so that the HTML
/// reference renders from a document exactly as it does from the operations a builder assembles: local `$ref`s
/// (`#/components/…`) resolved, path-level parameters merged into each operation, paths and methods in document order.
public enum OpenAPIDocumentReader {
    /// The methods an OpenAPI path item may hold, as `HTTPMethod`s.
    private static let methods: [String: HTTPMethod] = [
        "get": .get, "put": .put, "post": .post, "delete": .delete, "patch": .patch, "head": .head, "options": .options,
    ]
    /// How deep `$ref`s are followed (a self-referencing schema stops here instead of looping).
    private static let maxDepth = 12

    /// The operations of the document in `json`; a document that is not JSON throws.
    public static func operations(_ json: [UInt8]) throws -> [OpenAPIOperation] {
        let root = value(try JSONParser.parse(json, maxDepth: 128))
        guard case .object(let paths)? = root.member("paths") else { return [] }
        var operations: [OpenAPIOperation] = []
        for (path, item) in paths {
            let shared = (item.member("parameters").flatMap(\.items) ?? []).map { resolve($0, root) }
            guard case .object(let entries) = item else { continue }
            for (name, raw) in entries {
                guard let method = methods[name] else { continue }
                let op = resolve(raw, root)
                let parameters = (shared + (op.member("parameters").flatMap(\.items) ?? [])).compactMap(parameter)
                var body: (required: Bool, content: [(mediaType: String, schema: JSONValue)])?
                if let requestBody = op.member("requestBody"), case .object(let content)? = requestBody.member("content") {
                    body = (requestBody.member("required") == .bool(true),
                            content.map { ($0.0, $0.1.member("schema") ?? .object([])) })
                }
                var responses: [(status: Int, response: JSONValue)] = []
                if case .object(let members)? = op.member("responses") {
                    responses = members.compactMap { key, response in Int(key).map { ($0, response) } }
                }
                let security: [String]? = op.member("security").flatMap(\.items).map { requirements in
                    requirements.flatMap { requirement -> [String] in
                        if case .object(let schemes) = requirement { return schemes.map(\.0) }
                        return []
                    }
                }
                operations.append(OpenAPIOperation(
                    method: method, path: path, tag: op.member("tags").flatMap(\.items)?.first.flatMap(\.text) ?? "",
                    summary: op.member("summary").flatMap(\.text) ?? "",
                    description: op.member("description").flatMap(\.text), security: security,
                    parameters: parameters, requestBody: body, responses: responses))
            }
        }
        return operations
    }

    /// A parameter object as `OpenAPIOperation.Parameter`.
    private static func parameter(_ value: JSONValue) -> OpenAPIOperation.Parameter? {
        guard let name = value.member("name").flatMap(\.text), let location = value.member("in").flatMap(\.text) else {
            return nil
        }
        return OpenAPIOperation.Parameter(name: name, location: location, schema: value.member("schema") ?? .object([]),
                                          required: value.member("required") == .bool(true),
                                          description: value.member("description").flatMap(\.text) ?? "")
    }

    /// `value` with every local `$ref` replaced by what it points at, `depth` levels deep.
    private static func resolve(_ value: JSONValue, _ root: JSONValue, depth: Int = 0) -> JSONValue {
        guard depth < maxDepth else { return value }
        switch value {
        case .object(let members):
            if let reference = value.member("$ref").flatMap(\.text), reference.hasPrefix("#/"),
               let target = pointer(String(reference.dropFirst(2)), in: root) {
                return resolve(target, root, depth: depth + 1)
            }
            return .object(members.map { ($0.0, resolve($0.1, root, depth: depth + 1)) })
        case .array(let items):
            return .array(items.map { resolve($0, root, depth: depth + 1) })
        default:
            return value
        }
    }

    /// The member at JSON pointer `path` (`components/schemas/Error`; `~1` is `/`, `~0` is `~`).
    private static func pointer(_ path: String, in root: JSONValue) -> JSONValue? {
        var current = root
        for token in path.split(separator: "/", omittingEmptySubsequences: false) {
            var key = "", escaped = false
            for character in token {
                if escaped {
                    key.append(character == "1" ? "/" : character == "0" ? "~" : character)
                    escaped = false
                } else if character == "~" {
                    escaped = true
                } else {
                    key.append(character)
                }
            }
            guard let next = current.member(key) else { return nil }
            current = next
        }
        return current
    }

    /// The input tree as a `JSONValue` (numbers keep their text).
    private static func value(_ input: Input) -> JSONValue {
        switch input {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .number(let text): return .number(text)
        case .string(let text): return .string(text)
        case .array(let items): return .array(items.map(value))
        case .object(let object): return .object(object.members.map { ($0.key, value($0.value)) })
        case .file(let file): return .string(file.filename)
        }
    }
}
