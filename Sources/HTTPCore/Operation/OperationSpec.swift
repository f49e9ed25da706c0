/// One route, declared once as data: its method and OpenAPI path, what the document says of it, who may call it
/// and what it answers. `Router.add` registers it (the router path and the access middleware come from here) and
/// keeps its `openAPI` form, so the served document (`OpenAPIBuilder`) and the HTML reference (`HTMLReference`)
/// describe exactly the routes the router serves. Modules build these values from their own rule types (fields,
/// validation rules) and error formats; nothing here knows either.
public struct OperationSpec<Context: RequestContext>: Sendable {
    /// The method.
    public let method: HTTPMethod
    /// The OpenAPI path (`/api/expedientes/{no_siniestro}`); each `{name}` is a router parameter `:name`.
    public let path: String
    /// The tag that groups it.
    public var tag: String
    /// One line.
    public var summary: String
    /// Longer text (the access note is appended).
    public var description: String?
    /// The operation id (nil: derived from the method and path by `OpenAPIBuilder`).
    public var operationID: String?
    /// Who may call it.
    public var access: OperationAccess<Context>
    /// Path and query parameters (every `{name}` of the path must be declared).
    public var parameters: [OpenAPIOperation.Parameter]
    /// Whether the body must be sent, and its schema per media type (nil: no body).
    public var requestBody: (required: Bool, content: [(mediaType: String, schema: JSONValue)])?
    /// An example body (nil: none).
    public var requestExample: JSONValue?
    /// The `encoding` of a multipart body (nil: none).
    public var requestEncoding: JSONValue?
    /// The responses it answers itself, by status; the access adds those it implies.
    public var responses: [(status: Int, response: JSONValue)]
    /// Extension members (`x-…`).
    public var extensions: [(String, JSONValue)]
    /// Whether the router matches its path parameters only on digits (`:id(int)`); otherwise any segment.
    public var digitsOnlyParameters: Bool

    /// An operation of `method` on `path`.
    public init(method: HTTPMethod, path: String, tag: String, summary: String, description: String? = nil,
                operationID: String? = nil, access: OperationAccess<Context>, parameters: [OpenAPIOperation.Parameter] = [],
                requestBody: (required: Bool, content: [(mediaType: String, schema: JSONValue)])? = nil,
                requestExample: JSONValue? = nil, requestEncoding: JSONValue? = nil, responses: [(status: Int, response: JSONValue)],
                extensions: [(String, JSONValue)] = [], digitsOnlyParameters: Bool = false) {
        self.method = method
        self.path = path
        self.tag = tag
        self.summary = summary
        self.description = description
        self.operationID = operationID
        self.access = access
        self.parameters = parameters
        self.requestBody = requestBody
        self.requestExample = requestExample
        self.requestEncoding = requestEncoding
        self.responses = responses
        self.extensions = extensions
        self.digitsOnlyParameters = digitsOnlyParameters
    }

    /// The router's form of `path`: `{id}` → `:id` (`:id(int)` with `digitsOnlyParameters`).
    public var routerPath: String {
        "/" + path.split(separator: "/").map { segment in
            guard segment.hasPrefix("{") && segment.hasSuffix("}") else { return String(segment) }
            return ":" + segment.dropFirst().dropLast() + (digitsOnlyParameters ? "(int)" : "")
        }.joined(separator: "/")
    }

    /// The names of the path's `{placeholders}`, in order.
    public var pathPlaceholders: [String] {
        path.split(separator: "/").filter { $0.hasPrefix("{") && $0.hasSuffix("}") }.map { String($0.dropFirst().dropLast()) }
    }

    /// What the document says of it: the access's security, its note after the description, and its implied
    /// responses beside the operation's own, by status (success first).
    public var openAPI: OpenAPIOperation {
        let text = [description, access.note].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n\n")
        var all = responses
        for implied in access.responses where !all.contains(where: { $0.status == implied.status }) { all.append(implied) }
        all.sort { $0.status < $1.status }
        return OpenAPIOperation(method: method, path: path, tag: tag, summary: summary, description: text.isEmpty ? nil : text,
                                operationID: operationID, security: access.security, parameters: parameters,
                                requestBody: requestBody, requestExample: requestExample, requestEncoding: requestEncoding, responses: all, extensions: extensions)
    }
}
