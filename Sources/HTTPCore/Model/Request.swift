import Logging

/// One HTTP request as the application sees it.
public final class Request {
    /// The method.
    public let method: HTTPMethod
    /// The decoded, normalised path without query string (nginx `$document_uri`), for logs and messages.
    public let path: String
    /// The path as the client sent it, still percent-encoded (the path of `REQUEST_URI`): routing splits this one
    /// into segments and decodes each after splitting, so an encoded `/` (`%2F`) stays inside its segment (M12).
    public let rawPath: String
    /// The raw query string, without `?`.
    public let rawQuery: String
    /// The request headers.
    public let headers: HTTPHeaders
    /// The client's address as nginx saw it.
    public let clientAddress: String
    /// The body, read on demand.
    public let body: RequestBody
    /// Values of the `:name` segments of the matched route.
    public internal(set) var parameters: [String: String] = [:]
    /// Whether the body, once parsed, held nothing but white space (read as `{}` when JSON): as empty as no body,
    /// for a route that requires one.
    public internal(set) var bodyIsBlank = false
    private var cachedQuery: QueryParameters?
    private var cachedInput: Input?

    /// A request from its parts; `rawPath` defaults to `path` (which may then carry percent escapes).
    public init(method: HTTPMethod, path: String, rawPath: String? = nil, rawQuery: String = "",
                headers: HTTPHeaders = HTTPHeaders(), clientAddress: String = "", body: RequestBody = .empty()) {
        self.method = method
        self.path = path
        self.rawPath = rawPath ?? path
        self.rawQuery = rawQuery
        self.headers = headers
        self.clientAddress = clientAddress
        self.body = body
    }

    /// The segments the router matches: `rawPath` split on `/` (empty, `.` and `..` segments resolved as a
    /// browser would), each then percent-decoded (`+` stays a plus).
    public var pathSegments: [String] { RoutePath.segments(rawPath) }

    /// The parsed query string.
    public var query: QueryParameters {
        if let cachedQuery { return cachedQuery }
        let parsed = QueryParameters(rawQuery)
        cachedQuery = parsed
        return parsed
    }

    /// The media type of the body, lower-cased, without parameters (`application/json`).
    public var mediaType: String? {
        guard let value = headers["Content-Type"] else { return nil }
        let base = value.split(separator: ";", maxSplits: 1).first.map(String.init) ?? value
        let trimmed = base.trimmingASCIIWhitespace().lowercased()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Whether the request carries a body (declared length above zero, or a body of unknown length).
    public var hasBody: Bool {
        if let length = body.declaredLength { return length > 0 }
        return headers["Transfer-Encoding"] != nil
    }

    /// The body parsed into one input tree (JSON, urlencoded or multipart), once; later calls return the same tree.
    /// An empty body is an empty object.
    public func input(limits: BodyLimits) throws -> Input {
        if let cachedInput { return cachedInput }
        let parsed = try BodyParser.parse(self, limits: limits)
        cachedInput = parsed
        return parsed
    }

    /// Removes the temporary files of multipart parts that the handler did not move away; called when the
    /// request ends.
    public func discardTemporaryFiles() {
        if let cachedInput { MultipartParser.removeTemporaryFiles(in: cachedInput) }
    }

    /// The value of a route parameter; the router guarantees that declared ones exist.
    public func parameter(_ name: String) -> String { parameters[name] ?? "" }
}

extension String {
    /// The string without leading and trailing ASCII spaces, tabs and line breaks.
    func trimmingASCIIWhitespace() -> String {
        let bytes = Array(utf8)
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 32 || bytes[start] == 9 || bytes[start] == 10 || bytes[start] == 13 { start += 1 }
        while end > start, bytes[end - 1] == 32 || bytes[end - 1] == 9 || bytes[end - 1] == 10 || bytes[end - 1] == 13 { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
