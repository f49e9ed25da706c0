import HTTPCore
import Testing

@Suite("Middleware: order, errors, request id, CORS")
struct MiddlewareTests {
    struct Tag: Middleware {
        let name: String
        func handle(_ request: Request, context: TestContext, next: Next<TestContext>) throws -> Response {
            context.notes.append("in:\(name)")
            let response = try next(request, context)
            context.notes.append("out:\(name)")
            return response
        }
    }

    struct Refuse: Middleware {
        struct Refused: Error {}
        func handle(_ request: Request, context: TestContext, next: Next<TestContext>) throws -> Response {
            throw HTTPError.payloadTooLarge(limit: 1)
        }
    }

    @Test("global middleware wraps route middleware, which wraps the handler")
    func order() {
        var router = Router<TestContext>()
        router.group("/g", middleware: [Tag(name: "group")]) { router in
            router.get("/x", middleware: [Tag(name: "route")]) { _, context in
                context.notes.append("handler")
                return .json(.null)
            }
        }
        let responder = router.freeze(middleware: [Tag(name: "global")], errors: TestErrorRenderer())
        let context = TestContext()
        _ = responder.respond(to: Request(method: .get, path: "/g/x"), context: context)
        #expect(context.notes == ["in:global", "in:group", "in:route", "handler", "out:route", "out:group", "out:global"])
    }

    @Test("global middleware also runs for unknown routes, and sees the rendered 404")
    func unknownRoutesPassGlobalMiddleware() {
        let router = Router<TestContext>()
        let responder = router.freeze(middleware: [Tag(name: "global")], errors: TestErrorRenderer())
        let context = TestContext()
        let response = responder.respond(to: Request(method: .get, path: "/zzz"), context: context)
        #expect(response.status == 404)
        #expect(context.notes == ["in:global", "out:global"])
    }

    @Test("an error thrown by middleware is rendered by the module's renderer")
    func middlewareErrorsAreRendered() {
        var router = Router<TestContext>()
        router.get("/x", middleware: [Refuse()]) { _, _ in .json(.null) }
        let responder = router.freeze(errors: TestErrorRenderer())
        let response = responder.respond(to: Request(method: .get, path: "/x"), context: TestContext())
        #expect(response.status == 413)
        #expect(response.text == #"{"error":"tooLarge"}"#)
    }

    @Test("a handler error never escapes: it becomes a response")
    func handlerErrors() {
        struct Boom: Error {}
        var router = Router<TestContext>()
        router.get("/x") { _, _ in throw Boom() }
        let responder = router.freeze(errors: TestErrorRenderer())
        #expect(responder.respond(to: Request(method: .get, path: "/x"), context: TestContext()).status == 500)
    }

    @Test("request id: a sane client id is kept, anything else replaced by 32 hex digits")
    func requestID() {
        var router = Router<TestContext>()
        router.get("/x") { _, context in .json(.string(context.requestID)) }
        let responder = router.freeze(middleware: [RequestIDMiddleware()], errors: TestErrorRenderer())
        var headers = HTTPHeaders()
        headers.add("X-Request-Id", "abc-123")
        let kept = responder.respond(to: Request(method: .get, path: "/x", headers: headers), context: TestContext())
        #expect(kept.headers["X-Request-Id"] == "abc-123")
        var evil = HTTPHeaders()
        evil.add("X-Request-Id", "bad id\r\nSet-Cookie: x")
        let replaced = responder.respond(to: Request(method: .get, path: "/x", headers: evil), context: TestContext())
        let id = replaced.headers["X-Request-Id"] ?? ""
        #expect(id.count == 32 && id.allSatisfy(\.isHexDigit))
        #expect(replaced.text == "\"\(id)\"")
    }

    @Test("generated request ids: 32 lower-case hex digits, none repeated across several refills of the random pool")
    func generatedIDs() {
        let ids = (0..<3_000).map { _ in RequestID.generate() }
        #expect(ids.allSatisfy { $0.utf8.count == 32 && $0.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) } })
        #expect(Set(ids).count == ids.count)
        // Not stuck on a few values: every hex digit shows up in every position of some id.
        for position in 0..<32 {
            let digits = Set(ids.map { Array($0.utf8)[position] })
            #expect(digits.count == 16)
        }
    }

    @Test("CORS: a preflight is answered before routing; other responses get the allow-origin header")
    func cors() {
        var router = Router<TestContext>()
        router.post("/x") { _, _ in .json(.null, status: 201) }
        let responder = router.freeze(middleware: [CORSMiddleware()], errors: TestErrorRenderer())
        var preflight = HTTPHeaders()
        preflight.add("Origin", "http://app.example")
        preflight.add("Access-Control-Request-Method", "POST")
        let answer = responder.respond(to: Request(method: .options, path: "/x", headers: preflight), context: TestContext())
        #expect(answer.status == 204)
        #expect(answer.headers["Access-Control-Allow-Origin"] == "*")
        #expect(answer.headers["Access-Control-Allow-Methods"]?.contains("POST") == true)
        var simple = HTTPHeaders()
        simple.add("Origin", "http://app.example")
        let created = responder.respond(to: Request(method: .post, path: "/x", headers: simple), context: TestContext())
        #expect(created.status == 201)
        #expect(created.headers["Access-Control-Allow-Origin"] == "*")
        let noOrigin = responder.respond(to: Request(method: .post, path: "/x"), context: TestContext())
        #expect(noOrigin.headers["Access-Control-Allow-Origin"] == nil)
    }

    @Test("body parsing middleware turns a malformed JSON body into the module's 400")
    func bodyParsing() {
        var router = Router<TestContext>()
        router.post("/x") { request, _ in
            .json(request.input(limitsForTests: .init(maxBody: 1 << 20, maxBufferedBody: 1 << 20, maxFileSize: 1 << 20, uploadDirectory: "/tmp")))
        }
        let limits = BodyLimits(maxBody: 1 << 20, maxBufferedBody: 16, maxFileSize: 1 << 20, uploadDirectory: "/tmp")
        let responder = router.freeze(middleware: [BodyParsingMiddleware(limits: limits)], errors: TestErrorRenderer())
        var headers = HTTPHeaders()
        headers.add("Content-Type", "application/json")
        let bad = Request(method: .post, path: "/x", headers: headers, body: RequestBody(bytes: Array(#"{"a":"#.utf8)))
        #expect(responder.respond(to: bad, context: TestContext()).status == 400)
        let big = Request(method: .post, path: "/x", headers: headers, body: RequestBody(bytes: Array(#"{"a":"0123456789abcdef"}"#.utf8)))
        #expect(responder.respond(to: big, context: TestContext()).status == 413)
        let good = Request(method: .post, path: "/x", headers: headers, body: RequestBody(bytes: Array(#"{"a":1}"#.utf8)))
        #expect(responder.respond(to: good, context: TestContext()).text == #"{"a":1}"#)
    }
}

extension Request {
    /// The parsed body as output JSON (numbers and strings only; enough for these tests).
    func input(limitsForTests limits: BodyLimits) -> JSONValue {
        guard let input = try? input(limits: limits) else { return .null }
        return input.asJSON
    }
}

extension Input {
    var asJSON: JSONValue {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n): return .number(n)
        case .string(let s): return .string(s)
        case .array(let a): return .array(a.map(\.asJSON))
        case .object(let o): return .object(o.members.map { ($0.key, $0.value.asJSON) })
        case .file(let f): return .string(f.filename)
        }
    }
}
