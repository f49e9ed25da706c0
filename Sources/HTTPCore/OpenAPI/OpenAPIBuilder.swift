/// Assembles an OpenAPI 3.1 document from `OpenAPIOperation`s: paths grouped in first-seen order, one
/// `operationId` per operation derived from its method and path, and the shared components (security schemes,
/// schemas, reusable error responses). Modules keep their own mapping from their declarations to operations.
public enum OpenAPIBuilder {
    /// The document's `info`.
    public struct Info: Sendable {
        public let title: String
        public let version: String
        public let description: String
        /// One line (omitted when nil).
        public let summary: String?

        public init(title: String, version: String, description: String, summary: String? = nil) {
            self.title = title
            self.version = version
            self.description = description
            self.summary = summary
        }
    }

    /// The whole document. `security` is the document-wide requirement (nil: none, each operation states its
    /// own); `tags` describes the tags (name, description) in the order given (empty: no `tags` member);
    /// `placeholderWord` prefixes path parameters in derived operation ids (`getSolicitudPorId`).
    public static func document(info: Info, security: [String]? = nil, tags: [(name: String, description: String)] = [],
                                operations: [OpenAPIOperation], components: JSONValue, placeholderWord: String) -> JSONValue {
        var paths: [(String, [(String, JSONValue)])] = []
        for operation in operations {
            let entry = (operation.method.rawValue.lowercased(), self.operation(operation, placeholderWord: placeholderWord))
            if let index = paths.firstIndex(where: { $0.0 == operation.path }) {
                paths[index].1.append(entry)
            } else {
                paths.append((operation.path, [entry]))
            }
        }
        var infoMembers: [(String, JSONValue)] = [("title", .string(info.title)), ("version", .string(info.version))]
        if let summary = info.summary { infoMembers.append(("summary", .string(summary))) }
        infoMembers.append(("description", .string(info.description)))
        var members: [(String, JSONValue)] = [
            ("openapi", .string("3.1.0")),
            ("info", .object(infoMembers)),
            ("servers", .array([.object([("url", .string("/"))])])),
        ]
        if let security { members.append(("security", requirement(security))) }
        if !tags.isEmpty {
            members.append(("tags", .array(tags.map { .object([("name", .string($0.name)), ("description", .string($0.description))]) })))
        }
        members += [("paths", .object(paths.map { ($0.0, .object($0.1)) })), ("components", components)]
        return .object(members)
    }

    /// The `components` object.
    public static func components(securitySchemes: [(String, JSONValue)], schemas: [(String, JSONValue)],
                                  responses: [(String, JSONValue)]) -> JSONValue {
        .object([("securitySchemes", .object(securitySchemes)), ("schemas", .object(schemas)), ("responses", .object(responses))])
    }

    /// An HTTP bearer scheme carrying a JWT.
    public static func bearerScheme(description: String? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [("type", .string("http")), ("scheme", .string("bearer")), ("bearerFormat", .string("JWT"))]
        if let description { members.append(("description", .string(description))) }
        return .object(members)
    }

    /// `{"$ref": "#/components/responses/<prefix><status>"}`.
    public static func errorReference(_ status: Int, prefix: String = "Error") -> JSONValue {
        reference("responses", "\(prefix)\(status)")
    }

    /// `{"$ref": "#/components/<section>/<name>"}`.
    public static func reference(_ section: String, _ name: String) -> JSONValue {
        .object([("$ref", .string("#/components/\(section)/\(name)"))])
    }

    /// A response with `description` and a JSON body of `schema`.
    public static func jsonResponse(_ description: String, schema: JSONValue) -> JSONValue {
        .object([("description", .string(description)), ("content", .object([("application/json", .object([("schema", schema)]))]))])
    }

    /// The operation id: the lower-cased method, then each path segment capitalised (words split on `-` and
    /// `_`), a `{placeholder}` preceded by `placeholderWord`: `GET /solicitud/{id}` → `getSolicitudPorId`.
    public static func operationID(_ method: HTTPMethod, _ path: String, placeholderWord: String) -> String {
        let words = path.split(separator: "/").map { segment -> String in
            let clean = segment.hasPrefix("{") ? placeholderWord + "-" + segment.dropFirst().dropLast() : String(segment)
            return clean.split(whereSeparator: { $0 == "-" || $0 == "_" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        }
        return method.rawValue.lowercased() + words.joined()
    }

    private static func operation(_ op: OpenAPIOperation, placeholderWord: String) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("tags", .array([.string(op.tag)])), ("summary", .string(op.summary)),
            ("operationId", .string(op.operationID ?? operationID(op.method, op.path, placeholderWord: placeholderWord))),
        ]
        if let security = op.security { members.append(("security", requirement(security))) }
        if let description = op.description { members.append(("description", .string(description))) }
        if !op.parameters.isEmpty {
            members.append(("parameters", .array(op.parameters.map { parameter in
                var fields: [(String, JSONValue)] = [("name", .string(parameter.name)), ("in", .string(parameter.location)),
                                                     ("schema", parameter.schema)]
                if parameter.required { fields.append(("required", .bool(true))) }
                if !parameter.description.isEmpty { fields.append(("description", .string(parameter.description))) }
                return .object(fields)
            })))
        }
        if let body = op.requestBody {
            members.append(("requestBody", .object([
                ("required", .bool(body.required)),
                ("content", .object(body.content.map { content in
                    var media: [(String, JSONValue)] = [("schema", content.schema)]
                    if let example = op.requestExample, content.mediaType == "application/json" { media.append(("example", example)) }
                    if let encoding = op.requestEncoding, content.mediaType == "multipart/form-data" { media.append(("encoding", encoding)) }
                    return (content.mediaType, .object(media))
                })),
            ])))
        }
        members.append(("responses", .object(op.responses.map { (String($0.status), $0.response) })))
        return .object(members + op.extensions)
    }

    /// `[{"scheme": []}, …]`: any one of the schemes.
    private static func requirement(_ schemes: [String]) -> JSONValue {
        .array(schemes.map { .object([($0, .array([]))]) })
    }
}
