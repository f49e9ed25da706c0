import HTTPCore
import Testing

/// Ruling M12: routing splits the raw (still encoded) path and decodes each segment afterwards, so a parameter
/// may hold any character a client sends percent-encoded, `/` included, in every module.
@Suite("Router: raw path, segments decoded after splitting (M12)")
struct RawPathRoutingTests {
    let responder = RouterTests.makeResponder()

    /// A request as nginx hands it over FastCGI: `DOCUMENT_URI` decoded (the `%2F` already a `/`), `REQUEST_URI` raw.
    func callCGI(_ method: HTTPMethod, requestURI: String, documentURI: String) -> Response {
        let request = Request.fromCGI([("REQUEST_METHOD", method.rawValue), ("REQUEST_URI", requestURI),
                                       ("DOCUMENT_URI", documentURI)]) { _ in .empty() }
        return responder.respond(to: request, context: TestContext())
    }

    @Test("an encoded slash stays inside its parameter, through the CGI mapping")
    func encodedSlashInParameter() {
        let response = callCGI(.get, requestURI: "/api/expedientes/SIN%2F2024%2F001?x=1",
                               documentURI: "/api/expedientes/SIN/2024/001")
        #expect(response.text == #""get no_siniestro=SIN/2024/001""#)
        let estado = callCGI(.patch, requestURI: "/api/expedientes/A%2FB/estado", documentURI: "/api/expedientes/A/B/estado")
        #expect(estado.text == #""estado no_siniestro=A/B""#)
    }

    @Test("other escapes are decoded after matching; a plus stays a plus in a path")
    func escapesDecoded() {
        #expect(callCGI(.get, requestURI: "/api/expedientes/SIN%201%25+x", documentURI: "/api/expedientes/SIN 1%+x").text
                == #""get no_siniestro=SIN 1%+x""#)
        #expect(callCGI(.get, requestURI: "/api/%65xpedientes/pendientes", documentURI: "/api/expedientes/pendientes").text
                == #""pendientes""#)
    }

    @Test("dot segments resolve as nginx resolves them; encoded dots are data")
    func dotSegments() {
        #expect(callCGI(.get, requestURI: "/api/x/../expedientes/./pendientes", documentURI: "/api/expedientes/pendientes").text
                == #""pendientes""#)
        #expect(callCGI(.get, requestURI: "/api/expedientes/%2E%2E", documentURI: "/api/expedientes/..").text
                == #""get no_siniestro=..""#)
    }

    @Test("the raw path wins over DOCUMENT_URI; without REQUEST_URI the decoded path is used")
    func rawPathSource() {
        let request = Request.fromCGI([("REQUEST_URI", "/a%2Fb?q=1"), ("DOCUMENT_URI", "/a/b")]) { _ in .empty() }
        #expect(request.path == "/a/b")
        #expect(request.rawPath == "/a%2Fb")
        #expect(request.pathSegments == ["a/b"])
        let documentOnly = Request.fromCGI([("DOCUMENT_URI", "/a/b")]) { _ in .empty() }
        #expect(documentOnly.pathSegments == ["a", "b"])
    }
}
