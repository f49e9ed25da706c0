/// An HTTP response: status, headers and a body held in memory.
public struct Response: Sendable {
    /// The status code.
    public var status: Int
    /// The headers (Content-Type among them).
    public var headers: HTTPHeaders
    /// The body bytes.
    public var body: [UInt8]

    /// A response from its parts.
    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON response (`application/json; charset=utf-8`).
    public static func json(_ value: JSONValue, status: Int = 200) -> Response {
        json(EncodedJSON(value), status: status)
    }

    /// A JSON response (`application/json; charset=utf-8`) whose body is already written.
    public static func json(_ encoded: EncodedJSON, status: Int = 200) -> Response {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/json; charset=utf-8")
        return Response(status: status, headers: headers, body: encoded.bytes)
    }

    /// An empty response (204 by default).
    public static func empty(status: Int = 204) -> Response {
        Response(status: status)
    }

    /// A body-less response with a plain-text body, for the rare non-JSON answer (an HTML landing page uses `html`).
    public static func html(_ text: String, status: Int = 200) -> Response {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "text/html; charset=utf-8")
        return Response(status: status, headers: headers, body: Array(text.utf8))
    }
}
