/// One operation of an OpenAPI 3.1 document, independent of any module: each module maps its own declarations
/// (Transporte's fields, Egresos' validation rules) to these values and `OpenAPIBuilder` assembles the document.
public struct OpenAPIOperation: Sendable {
    /// A path or query parameter.
    public struct Parameter: Sendable {
        /// The name, as in the path's `{name}` or the query string.
        public let name: String
        /// `path` or `query`.
        public let location: String
        /// Its JSON Schema.
        public let schema: JSONValue
        /// Whether it must be sent (path parameters always are).
        public let required: Bool
        /// Free text (omitted when empty).
        public let description: String

        /// A parameter; `required` defaults to true for path parameters.
        public init(name: String, location: String, schema: JSONValue, required: Bool? = nil, description: String = "") {
            self.name = name
            self.location = location
            self.schema = schema
            self.required = required ?? (location == "path")
            self.description = description
        }
    }

    /// The method.
    public let method: HTTPMethod
    /// The OpenAPI path (`/solicitud/{id}`).
    public let path: String
    /// The tag that groups it.
    public let tag: String
    /// One line.
    public let summary: String
    /// Longer text (omitted when nil).
    public var description: String?
    /// The operation id (nil: `OpenAPIBuilder.operationID` derives one from the method and path).
    public var operationID: String?
    /// Security requirement names: nil inherits the document's, `[]` is public, otherwise any of these schemes.
    public var security: [String]?
    /// Path and query parameters.
    public var parameters: [Parameter]
    /// Whether the body must be sent, and its schema per media type (nil: no body).
    public var requestBody: (required: Bool, content: [(mediaType: String, schema: JSONValue)])?
    /// An example body, given beside each JSON media type's schema (nil: none).
    public var requestExample: JSONValue?
    /// The `encoding` of a `multipart/form-data` body (nil: none), e.g. a file part's accepted content types.
    public var requestEncoding: JSONValue?
    /// Responses by status, in order: full response objects or `$ref`s (`OpenAPIBuilder.errorReference`).
    public var responses: [(status: Int, response: JSONValue)]
    /// Extension members (`x-…`) appended to the operation object.
    public var extensions: [(String, JSONValue)]

    /// An operation of `method` on `path`.
    public init(method: HTTPMethod, path: String, tag: String, summary: String, description: String? = nil,
                operationID: String? = nil, security: [String]? = nil, parameters: [Parameter] = [],
                requestBody: (required: Bool, content: [(mediaType: String, schema: JSONValue)])? = nil,
                requestExample: JSONValue? = nil, requestEncoding: JSONValue? = nil, responses: [(status: Int, response: JSONValue)],
                extensions: [(String, JSONValue)] = []) {
        self.method = method
        self.path = path
        self.tag = tag
        self.summary = summary
        self.description = description
        self.operationID = operationID
        self.security = security
        self.parameters = parameters
        self.requestBody = requestBody
        self.requestExample = requestExample
        self.requestEncoding = requestEncoding
        self.responses = responses
        self.extensions = extensions
    }
}
