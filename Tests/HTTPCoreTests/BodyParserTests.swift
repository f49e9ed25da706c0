import Testing
@testable import HTTPCore

@Suite("BodyParser")
struct BodyParserTests {
    static func request(_ body: String, contentType: String?, declaredLength: Int?? = .none,
                        headers extra: [(String, String)] = []) -> Request {
        var headers = HTTPHeaders(extra)
        if let contentType { headers.add("Content-Type", contentType) }
        let bytes = Array(body.utf8)
        let requestBody: RequestBody
        switch declaredLength {
        case .none:
            requestBody = RequestBody(bytes: bytes)
        case .some(let length):
            var offset = 0
            requestBody = RequestBody(declaredLength: length) { buffer in
                let n = min(buffer.count, bytes.count - offset)
                guard n > 0 else { return 0 }
                for i in 0..<n { buffer[i] = bytes[offset + i] }
                offset += n
                return n
            }
        }
        return Request(method: .post, path: "/", headers: headers, body: requestBody)
    }

    static let limits = BodyLimits(maxBody: 4096, maxBufferedBody: 1024, maxFileSize: 1024,
                                   uploadDirectory: "/tmp/ventanilla-body-parser-unused")
    static let empty = Input.object(InputObject())

    @Test("no body is an empty object, whatever the media type")
    func noBody() throws {
        #expect(try BodyParser.parse(Self.request("", contentType: "application/json"), limits: Self.limits) == Self.empty)
        #expect(try BodyParser.parse(Self.request("", contentType: "text/plain"), limits: Self.limits) == Self.empty)
        // No length and no Transfer-Encoding: no body, even if the source has bytes.
        let unknown = Self.request("{\"a\":1}", contentType: "application/json", declaredLength: .some(nil))
        #expect(try BodyParser.parse(unknown, limits: Self.limits) == Self.empty)
    }

    @Test("JSON media types")
    func json() throws {
        let expected = Input.object(InputObject([("a", .number("1"))]))
        for type in ["application/json", "application/json; charset=utf-8", "Application/JSON",
                     "application/problem+json", "application/vnd.api+json"] {
            #expect(try BodyParser.parse(Self.request(#"{"a":1}"#, contentType: type), limits: Self.limits) == expected, "\(type)")
        }
        #expect(try BodyParser.parse(Self.request(" \n\t ", contentType: "application/json"), limits: Self.limits) == Self.empty)
        #expect(throws: HTTPError.self) {
            try BodyParser.parse(Self.request("{", contentType: "application/json"), limits: Self.limits)
        }
    }

    @Test("a body without Content-Type is read as JSON")
    func missingContentType() throws {
        #expect(try BodyParser.parse(Self.request("[1]", contentType: nil), limits: Self.limits) == .array([.number("1")]))
        let notJSON = F.malformedMessage { try BodyParser.parse(Self.request("a=1", contentType: nil), limits: Self.limits) }
        #expect(notJSON?.hasPrefix("JSON: ") == true)
    }

    @Test("a chunked body without length is read to the end")
    func chunked() throws {
        let request = Self.request(#"{"k":"v"}"#, contentType: "application/json", declaredLength: .some(nil),
                                   headers: [("Transfer-Encoding", "chunked")])
        #expect(try BodyParser.parse(request, limits: Self.limits) == .object(InputObject([("k", .string("v"))])))
    }

    @Test("urlencoded forms")
    func form() throws {
        let request = Self.request("a[b]=1&c=x+y", contentType: "application/x-www-form-urlencoded; charset=UTF-8")
        #expect(try BodyParser.parse(request, limits: Self.limits) == .object(InputObject([
            ("a", .object(InputObject([("b", .string("1"))]))), ("c", .string("x y")),
        ])))
    }

    @Test("multipart forms")
    func multipart() throws {
        let sandbox = UploadSandbox()
        let body = String(decoding: F.field("name", "Ana") + F.file("f", filename: "a.txt", Array("hola".utf8)) + F.close,
                          as: UTF8.self)
        let request = Self.request(body, contentType: F.contentType)
        let input = try request.input(limits: sandbox.limits())
        #expect(input["name"] == .string("Ana"))
        guard case .file(let file) = input["f"] else {
            Issue.record("f is not a file")
            return
        }
        #expect(UploadSandbox.contents(of: file.temporaryPath) == Array("hola".utf8))
        // Parsed once: the same tree (and files) the second time.
        #expect(try request.input(limits: sandbox.limits()) == input)
        MultipartParser.removeTemporaryFiles(in: input)
        #expect(sandbox.uploadedFiles.isEmpty)
    }

    @Test("unsupported media types")
    func unsupported() {
        #expect(throws: HTTPError.unsupportedMediaType("text/plain")) {
            try BodyParser.parse(Self.request("hello", contentType: "text/plain; charset=utf-8"), limits: Self.limits)
        }
        #expect(throws: HTTPError.unsupportedMediaType("application/xml")) {
            try BodyParser.parse(Self.request("<a/>", contentType: "application/xml"), limits: Self.limits)
        }
    }

    @Test("size limits")
    func limits() {
        let big = "[" + String(repeating: "1,", count: 600) + "1]"
        #expect(throws: HTTPError.payloadTooLarge(limit: 1024)) {
            try BodyParser.parse(Self.request(big, contentType: "application/json"), limits: Self.limits)
        }
        let huge = String(repeating: "a", count: 5000)
        #expect(throws: HTTPError.payloadTooLarge(limit: 4096)) {
            try BodyParser.parse(Self.request(huge, contentType: "text/plain"), limits: Self.limits)
        }
        #expect(throws: HTTPError.truncatedBody) {
            try BodyParser.parse(Self.request("{}", contentType: "application/json", declaredLength: .some(10)), limits: Self.limits)
        }
    }

    typealias F = MultipartFixture
}
