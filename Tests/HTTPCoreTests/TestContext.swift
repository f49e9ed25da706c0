import HTTPCore
import Logging

/// A minimal request context for router and middleware tests.
final class TestContext: RequestContext {
    var requestID = ""
    var logger = Logger(label: "test")
    var notes: [String] = []
}

/// Renders every error as `{"error": "<case>"}` so tests can see which failure the router produced.
struct TestErrorRenderer: ErrorRenderer {
    func response(for error: any Error, request: Request, logger: Logger) -> Response {
        switch error {
        case HTTPError.notFound: return .json(.object([("error", .string("notFound"))]), status: 404)
        case HTTPError.methodNotAllowed(let allowed):
            return .json(.object([("error", .string("methodNotAllowed")),
                                  ("allowed", .array(allowed.map { .string($0.rawValue) }))]), status: 405)
        case HTTPError.payloadTooLarge: return .json(.object([("error", .string("tooLarge"))]), status: 413)
        case HTTPError.malformedBody: return .json(.object([("error", .string("malformed"))]), status: 400)
        default: return .json(.object([("error", .string("other"))]), status: 500)
        }
    }
}

extension Response {
    /// The body as text.
    var text: String { String(decoding: body, as: UTF8.self) }
}
