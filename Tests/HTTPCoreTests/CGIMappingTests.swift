import HTTPCore
import Testing

@Suite("CGI parameters → Request")
struct CGIMappingTests {
    @Test("method, decoded path, query, address, headers and content type come from the CGI parameters")
    func mapping() throws {
        let request = Request.fromCGI([
            ("REQUEST_METHOD", "PUT"),
            ("DOCUMENT_URI", "/api/expedientes/SIN 1/ñ"),
            ("REQUEST_URI", "/api/expedientes/SIN%201/%C3%B1?x=1"),
            ("QUERY_STRING", "x=1&y=dos+tres&z=%C3%B1"),
            ("REMOTE_ADDR", "10.0.0.7"),
            ("CONTENT_TYPE", "application/json; charset=utf-8"),
            ("CONTENT_LENGTH", "7"),
            ("HTTP_AUTHORIZATION", "Bearer abc"),
            ("HTTP_ACCEPT_LANGUAGE", "en-US"),
            ("HTTP_X_REQUEST_ID", "r1"),
        ]) { length in
            #expect(length == 7)
            return RequestBody(bytes: Array(#"{"a":1}"#.utf8))
        }
        #expect(request.method == .put)
        #expect(request.path == "/api/expedientes/SIN 1/ñ")
        #expect(request.query["y"] == "dos tres")
        #expect(request.query["z"] == "ñ")
        #expect(request.clientAddress == "10.0.0.7")
        #expect(request.headers["authorization"] == "Bearer abc")
        #expect(request.headers["Accept-Language"] == "en-US")
        #expect(request.headers["X-Request-Id"] == "r1")
        #expect(request.mediaType == "application/json")
        #expect(request.hasBody)
    }

    /// Every parameter nginx/fastcgi_params.conf sends, and request headers.
    static let nginxParameters: [(String, String)] = [
        ("GATEWAY_INTERFACE", "CGI/1.1"), ("SERVER_SOFTWARE", "nginx"), ("REQUEST_METHOD", "POST"),
        ("DOCUMENT_URI", "/api/a b"), ("REQUEST_URI", "/api/a%20b?q=1"), ("SCRIPT_NAME", "/api/a b"),
        ("QUERY_STRING", "q=1"), ("CONTENT_TYPE", "application/json"), ("CONTENT_LENGTH", "2"),
        ("REMOTE_ADDR", "10.0.0.9"), ("REMOTE_PORT", "51000"), ("SERVER_ADDR", "127.0.0.1"), ("SERVER_NAME", "_"),
        ("SERVER_PORT", "8080"), ("SERVER_PROTOCOL", "HTTP/1.1"), ("HTTPS", "on"), ("REQUEST_ID", "abc"),
        ("HTTP_PROXY", ""), ("HTTP_HOST", "localhost"), ("HTTP_AUTHORIZATION", "Bearer t"), ("HTTP_X_REQUEST_ID", "r9"),
    ]

    @Test("readsCGIParameter keeps exactly what fromCGI reads: the request from the kept parameters is the same")
    func parameterFilter() {
        func reads(_ name: String) -> Bool {
            var name = name
            return name.withUTF8 { Request.readsCGIParameter(UnsafeRawBufferPointer($0)) }
        }
        let kept = Self.nginxParameters.filter { reads($0.0) }
        #expect(kept.map(\.0) == ["REQUEST_METHOD", "DOCUMENT_URI", "REQUEST_URI", "QUERY_STRING", "CONTENT_TYPE",
                                  "CONTENT_LENGTH", "REMOTE_ADDR", "HTTP_PROXY", "HTTP_HOST", "HTTP_AUTHORIZATION",
                                  "HTTP_X_REQUEST_ID"])
        #expect(!reads("HTTP") && !reads("HTTPS") && !reads("REQUEST_URIX") && !reads("CONTENT_LENGT") && !reads(""))
        let all = Request.fromCGI(Self.nginxParameters) { _ in .empty() }
        let filtered = Request.fromCGI(kept) { _ in .empty() }
        #expect(all.method == filtered.method && all.path == filtered.path && all.rawPath == filtered.rawPath)
        #expect(all.rawQuery == filtered.rawQuery && all.clientAddress == filtered.clientAddress)
        #expect(all.headers.map { "\($0.name)=\($0.value)" } == filtered.headers.map { "\($0.name)=\($0.value)" })
        #expect(filtered.headers["authorization"] == "Bearer t" && filtered.headers["content-length"] == "2")
    }

    @Test("without DOCUMENT_URI the path of REQUEST_URI is used; without either, /")
    func pathFallback() {
        let fromURI = Request.fromCGI([("REQUEST_URI", "/root?x=1")]) { _ in .empty() }
        #expect(fromURI.path == "/root")
        #expect(fromURI.method == .get)
        let bare = Request.fromCGI([]) { _ in .empty() }
        #expect(bare.path == "/")
    }

    @Test("a CONTENT_LENGTH that is not a number counts as absent", arguments: ["abc", "-5", ""])
    func badContentLength(value: String) {
        var seen: Int?? = .none
        _ = Request.fromCGI([("CONTENT_LENGTH", value)]) { length in
            seen = .some(length)
            return .empty()
        }
        #expect(seen == .some(nil))
    }

    @Test("a declared length over the limit is refused before reading anything")
    func declaredLengthOverLimit() throws {
        var reads = 0
        let body = RequestBody(declaredLength: 10_000_000) { _ in
            reads += 1
            return 0
        }
        #expect(throws: HTTPError.payloadTooLarge(limit: 1024)) { try body.readAll(limit: 1024) }
        #expect(reads == 0)
    }

    @Test("a body shorter than its declared length is truncated")
    func truncated() {
        let body = RequestBody(declaredLength: 100) { buffer in
            buffer[0] = 65
            return 1
        }
        var calls = 0
        let limited = RequestBody(declaredLength: 10) { buffer in
            calls += 1
            guard calls == 1 else { return 0 }
            buffer[0] = 65
            return 1
        }
        #expect(throws: HTTPError.truncatedBody) { try limited.readAll(limit: 1000) }
        // A source that keeps giving bytes beyond the declared length is cut at the declared length.
        let bytes = (try? RequestBody(declaredLength: 3) { buffer in
            for i in 0..<buffer.count { buffer[i] = 66 }
            return buffer.count
        }.readAll(limit: 1000)) ?? []
        #expect(bytes == [66, 66, 66])
        _ = body
    }
}
