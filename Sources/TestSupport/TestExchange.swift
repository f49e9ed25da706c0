import Foundation
import HTTPCore
import Logging
import MariaDB

/// Requests built the way nginx hands them to a worker, sent through a module's frozen responder in process.
public enum TestExchange {
    /// A request for `path` (with an optional `?query`). `json` is sent as `application/json`; `body` raw with
    /// `contentType`; `token` as `Authorization: Bearer`.
    public static func request(_ method: HTTPMethod, _ path: String, json: String? = nil, token: String? = nil,
                               body: [UInt8]? = nil, contentType: String? = nil,
                               headers extra: [(String, String)] = []) -> Request {
        var headers = HTTPHeaders(extra)
        if let token { headers.add("Authorization", "Bearer \(token)") }
        var bytes: [UInt8]?
        if let json {
            headers.add("Content-Type", "application/json")
            bytes = Array(json.utf8)
        } else if let body {
            if let contentType { headers.add("Content-Type", contentType) }
            bytes = body
        }
        let mark = path.firstIndex(of: "?")
        let pathOnly = mark.map { String(path[..<$0]) } ?? path
        let query = mark.map { String(path[path.index(after: $0)...]) } ?? ""
        return Request(method: method, path: pathOnly, rawQuery: query, headers: headers, clientAddress: "127.0.0.1",
                       body: bytes.map { RequestBody(bytes: $0) } ?? .empty())
    }

    /// Sends `request` through `responder` with a fresh context; temporary upload files are removed after.
    public static func send<Context: RequestContext>(_ request: Request, to responder: Responder<Context>,
                                                     context: Context) -> TestResponse {
        let response = responder.respond(to: request, context: context)
        request.discardTemporaryFiles()
        return TestResponse(response)
    }
}

/// A response with its body parsed as JSON, for assertions. Each module's tests add accessors for its own
/// envelope (`error`, `message`, …).
public struct TestResponse {
    /// The status code.
    public let status: Int
    /// The headers.
    public let headers: HTTPHeaders
    /// The body's bytes.
    public let body: [UInt8]
    /// The body as text.
    public let text: String
    /// The body parsed as JSON, if it is JSON.
    public let json: Input?

    /// Reads `response`.
    public init(_ response: Response) {
        status = response.status
        headers = response.headers
        body = response.body
        text = String(decoding: response.body, as: UTF8.self)
        json = try? JSONParser.parse(response.body)
    }
}

/// A request runner over its own database connection, for tests that race requests on several threads (each
/// thread builds its own runner: connections are not shared between threads).
public final class RaceClient<Context: RequestContext> {
    /// The connection this runner's requests use.
    public let connection: MariaDBConnection
    private let responder: Responder<Context>
    private let makeContext: (MariaDBConnection, Logger) -> Context

    /// A runner for `responder`, its contexts made by `makeContext` over a new connection to `configuration`.
    public init(responder: Responder<Context>, configuration: MariaDBConfiguration,
                makeContext: @escaping (MariaDBConnection, Logger) -> Context) {
        self.responder = responder
        self.makeContext = makeContext
        connection = MariaDBConnection(configuration: configuration)
    }

    deinit { connection.close() }

    /// Sends a JSON request with a bearer token on this runner's connection.
    public func call(_ method: HTTPMethod, _ path: String, json: String, token: String) -> TestResponse {
        TestExchange.send(TestExchange.request(method, path, json: json, token: token), to: responder,
                          context: makeContext(connection, Logger(label: "test.race")))
    }
}

/// Responses collected from several threads.
public final class RaceResponses: @unchecked Sendable {
    private let lock = NSLock()
    private var responses: [TestResponse] = []

    public init() {}

    /// Adds one.
    public func record(_ response: TestResponse) { lock.withLock { responses.append(response) } }

    /// All so far.
    public var all: [TestResponse] { lock.withLock { responses } }
}
