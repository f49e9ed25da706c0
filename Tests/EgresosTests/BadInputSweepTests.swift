import AppCore
import HTTPCore
import TestSupport
import Testing
@testable import Egresos

/// Ruling 1 over every Egresos route that takes input: a client mistake is a 4xx in Egresos' own JSON format
/// (egresos.md §8.3, §9), never a 5xx or an HTML page, and writes nothing. Each request is sent by an admitted
/// caller to rows that exist, so that it gets past auth and the path checks to the part under test.
@Suite("Egresos: no client mistake gets a 5xx (ruling 1)")
struct BadInputSweepTests {
    typealias Route = BadInputSweep.Route

    @Test("malformed JSON → 400 \"400\" (§1.1 step 2)")
    func malformedJSON() throws {
        let sweep = try BadInputSweep()
        let bodies = [#"{"name": "#, #"{name: "x"}"#, #"{"name": "x",}"#, #"{"name": "x"} {}"#, #"{"name": "\x"}"#,
                      "{\"name\": \"\u{1}\"}", #"{"name": 01}"#, #"[1, 2"#, "nul", #"{"a":"\ud800"}"#]
        let invalidUTF8: [UInt8] = Array(#"{"name": ""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        for route in sweep.routes where route.method == .post || route.method == .put {
            let requests = (bodies.map { Array($0.utf8) } + [invalidUTF8]).map { body in
                ("body \(String(decoding: body, as: UTF8.self))", { sweep.send(route, body: body, contentType: "application/json") })
            }
            try sweep.expectRefused(route, requests) { what, response in
                #expect(response.status == 400 && response.errorCode == "400", "\(what): \(response.text)")
            }
        }
    }

    @Test("JSON that is not an object (array, string, number, boolean, null) → 400")
    func notAnObject() throws {
        let sweep = try BadInputSweep()
        for route in sweep.bodyRoutes {
            let requests = ["[]", #"[{"name": "x"}]"#, #""x""#, "42", "-1.5e3", "true", "null"].map { body in
                ("body \(body)", { sweep.send(route, body: Array(body.utf8), contentType: "application/json") })
            }
            try sweep.expectRefused(route, requests) { what, response in
                #expect(response.status == 400 && response.errorCode == "400", "\(what): \(response.text)")
            }
        }
    }

    @Test("a body in an unsupported Content-Type → 415 \"415\" (§1.1 step 2)")
    func wrongContentType() throws {
        let sweep = try BadInputSweep()
        let types = ["text/plain", "application/xml", "text/html; charset=utf-8", "image/png", "application/jsonx", "multipart/mixed; boundary=x"]
        for route in sweep.routes where route.method == .post || route.method == .put {
            let requests = types.map { type in ("Content-Type \(type)", { sweep.send(route, body: Array(#"{"name": "x"}"#.utf8), contentType: type) }) }
            try sweep.expectRefused(route, requests) { what, response in
                #expect(response.status == 415 && response.errorCode == "415", "\(what): \(response.text)")
            }
        }
    }

    @Test("malformed multipart: no or garbled boundary, truncated part, part without name or headers → 4xx")
    func malformedMultipart() throws {
        let sweep = try BadInputSweep()
        let b = "sweep-boundary"
        let part = "--\(b)\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nNombre\r\n"
        let cases: [(String, String, String)] = [
            ("no boundary parameter", "multipart/form-data", part + "--\(b)--\r\n"),
            ("an empty boundary", "multipart/form-data; boundary=", part + "--\(b)--\r\n"),
            ("a boundary the body does not use", "multipart/form-data; boundary=other", part + "--\(b)--\r\n"),
            ("a garbled boundary line", "multipart/form-data; boundary=\(b)", "--\(b)X\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nx\r\n--\(b)--\r\n"),
            ("a truncated part", "multipart/form-data; boundary=\(b)", "--\(b)\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nNomb"),
            ("a truncated file part", "multipart/form-data; boundary=\(b)",
             "--\(b)\r\nContent-Disposition: form-data; name=\"picture\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n\u{89}PNG"),
            ("headers without an end", "multipart/form-data; boundary=\(b)", "--\(b)\r\nContent-Disposition: form-data; name=\"name\"\r\n"),
            ("no closing boundary", "multipart/form-data; boundary=\(b)", part),
            ("a part without name", "multipart/form-data; boundary=\(b)", "--\(b)\r\nContent-Disposition: form-data\r\n\r\nx\r\n--\(b)--\r\n"),
            ("a part without headers", "multipart/form-data; boundary=\(b)", "--\(b)\r\n\r\nx\r\n--\(b)--\r\n"),
            ("a part that is not form-data", "multipart/form-data; boundary=\(b)", "--\(b)\r\nContent-Disposition: attachment; name=\"name\"\r\n\r\nx\r\n--\(b)--\r\n"),
            ("no boundary at all", "multipart/form-data; boundary=\(b)", "name=x"),
        ]
        for route in sweep.bodyRoutes {
            try sweep.expectRefused(route, cases.map { what, type, body in
                (what, { sweep.send(route, body: Array(body.utf8), contentType: type) })
            })
        }
    }

    @Test("path ids: abc and -1 match no route (404 4041); 99999999999999999999 and 0 are no row (404 4042)")
    func pathIDs() throws {
        let sweep = try BadInputSweep()
        for route in sweep.routes {
            for parameter in route.parameters {
                let unmatched = ["abc", "-1", "1.0", "1e3", "%20"].map { id in
                    ("\(parameter) = \(id)", { sweep.send(route, path: sweep.path(route, override: (parameter, id)), body: nil, contentType: nil) })
                }
                try sweep.expectRefused(route, unmatched) { what, response in
                    #expect(response.status == 404 && response.errorCode == "4041", "\(what): \(response.text)")
                }
                let missing = ["99999999999999999999", "18446744073709551616", "0", "000"].map { id in
                    ("\(parameter) = \(id)", { sweep.send(route, path: sweep.path(route, override: (parameter, id)), body: nil, contentType: nil) })
                }
                try sweep.expectRefused(route, missing) { what, response in
                    #expect(response.status == 404 && response.fieldErrors == ["\(parameter):4042"], "\(what): \(response.text)")
                }
            }
        }
    }

    @Test("a field of the wrong JSON type (object, array, boolean, overflowing or negative number) → 4xx naming it")
    func wrongScalarTypes() throws {
        let sweep = try BadInputSweep()
        let values = [#"{"a": 1}"#, "[1]", "[]", "true", "99999999999999999999", "1e400", "-1e400", "-1"]
        for route in sweep.bodyRoutes {
            for (name, rules) in route.fields where !name.contains("[") {
                // A value valid for the field is no mistake: a JSON array field takes arrays, and a string of digits
                // (`typeOf:numeric` without `exists`, a bank account) may be 20 digits long.
                let wrong = values.filter { value in
                    !(rules.contains("JSONArray") && value.hasPrefix("[") && value != "[1]")
                        && !(rules.contains("typeOf:numeric") && !rules.contains("exists:") && value == "99999999999999999999")
                }
                let requests = wrong.map { value in
                    ("\(name) = \(value)", { sweep.send(route, body: Array("{\"\(name)\": \(value)}".utf8), contentType: "application/json") })
                }
                try sweep.expectRefused(route, requests) { what, response in
                    #expect(response.fieldErrors.contains { $0.hasPrefix(name + ":") || $0.hasPrefix(name + "[") }, "\(what): \(response.text)")
                }
            }
        }
    }

    @Test("a file part where a text, number or date field is expected → 4xx naming the field, no file kept")
    func fileForText() throws {
        let sweep = try BadInputSweep()
        for route in sweep.bodyRoutes {
            for (name, rules) in route.fields where !name.contains("[") && !rules.contains("extension:") {
                let boundary = "sweep-file"
                let body = EgresosHarness.multipartBody(boundary: boundary, fields: [], files: [(name, "value.png", Images.png)])
                try sweep.expectRefused(route, [("\(name) as a file", {
                    sweep.send(route, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
                })]) { what, response in
                    #expect(response.fieldErrors.contains { $0.hasPrefix(name + ":") }, "\(what): \(response.text)")
                }
            }
        }
        #expect(sweep.harness.storedFiles().isEmpty)
    }

    @Test("an impossible or misshapen date (Feb 30, month 13, year 0, no dashes, a date-time) → 4xx naming the field")
    func impossibleDates() throws {
        let sweep = try BadInputSweep()
        let dates = ["2026-02-30", "2026-13-01", "0000-00-00", "2026-1-1", "20261201", "2026-12-01T10:00:00Z", "01/12/2026",
                     "2026-12-01 ", "+2026-12-01", "99999-12-01", ""]
        for route in sweep.bodyRoutes {
            for (name, rules) in route.fields where rules.contains("date:") {
                // An item's field (`payment_schedule[].payment_date`) is sent in a one-item array and named with its index.
                let item = name.firstRange(of: "[].").map { (String(name[..<$0.lowerBound]), String(name[$0.upperBound...])) }
                let named = item.map { "\($0.0)[0].\($0.1)" } ?? name
                let requests = dates.map { date in
                    let json = item.map { "{\"\($0.0)\": [{\"\($0.1)\": \"\(date)\"}]}" } ?? "{\"\(name)\": \"\(date)\"}"
                    return ("\(name) = \"\(date)\"", { sweep.send(route, body: Array(json.utf8), contentType: "application/json") })
                }
                try sweep.expectRefused(route, requests) { what, response in
                    #expect(response.fieldErrors.contains { $0.hasPrefix(named + ":") }, "\(what): \(response.text)")
                }
            }
        }
    }

    @Test("a malformed query string (bad escapes, invalid UTF-8, NUL, repeated or bracketed keys) is never a 5xx")
    func malformedQuery() throws {
        let sweep = try BadInputSweep()
        let queries = ["%ZZ", "friendly=%", "friendly=%C3%28", "friendly=%00", "friendly=maybe", "friendly=true&friendly=x",
                       "friendly[]=true", "contact_name=%E0%A4%A", "contact_name=" + String(repeating: "a", count: 5000), "&&==&", "=x"]
        // `/docs` (the HTML reference) and `/` (the landing page) ignore their query and answer HTML by design.
        for route in sweep.routes where route.method == .get && !["/docs", "/"].contains(route.declared) {
            let before = try sweep.harness.fingerprint()
            for query in queries {
                let response = sweep.send(route, path: sweep.path(route) + "?" + query, body: nil, contentType: nil)
                #expect(response.status < 500 && response.json != nil, "\(route)?\(query): \(response.status) \(response.text)")
                if response.status >= 400 { BadInputSweep.expectClientError(response, "\(route)?\(query)") }
            }
            #expect(try sweep.harness.fingerprint() == before, "\(route): a query changed the database")
        }
    }

    @Test("an oversized body (declared, or streamed without a length) → a 4xx in Egresos' format")
    func oversizedBody() throws {
        let sweep = try BadInputSweep()
        let limits = sweep.harness.module.settings.bodyLimits
        for route in sweep.routes where route.method == .post || route.method == .put {
            let json = { (declared: Int?, size: Int) -> () -> TestResponse in {
                sweep.harness.send(Self.request(route, sweep, declared: declared, size: size, contentType: "application/json"))
            } }
            let multipart = { (declared: Int?, size: Int) -> () -> TestResponse in {
                sweep.harness.send(Self.request(route, sweep, declared: declared, size: size, contentType: "multipart/form-data; boundary=x"))
            } }
            try sweep.expectRefused(route, [
                ("a declared JSON body over BODY_LIMIT", json(limits.maxBody + 1, 0)),
                ("a JSON body over the buffer limit without a length", json(nil, limits.maxBufferedBody + 1)),
                ("a declared multipart body over BODY_LIMIT", multipart(limits.maxBody + 1, 0)),
                ("a body shorter than its declared length", json(64, 10)),
            ])
        }
    }

    /// A request to `route` whose body declares `declared` bytes and yields `size` bytes of a JSON string.
    static func request(_ route: Route, _ sweep: BadInputSweep, declared: Int?, size: Int, contentType: String) -> Request {
        var remaining = size
        var first = true
        let body = RequestBody(declaredLength: declared) { buffer in
            let n = min(buffer.count, remaining)
            guard n > 0 else { return 0 }
            buffer.initializeMemory(as: UInt8.self, repeating: UInt8(ascii: "a"))
            if first { buffer[0] = UInt8(ascii: "\""); first = false }
            remaining -= n
            return n
        }
        var headers = HTTPHeaders([("Content-Type", contentType)])
        if declared == nil { headers.add("Transfer-Encoding", "chunked") }
        if let authorization = sweep.harness.authorization(route.caller) { headers.add("Authorization", authorization) }
        return Request(method: route.method, path: sweep.path(route), headers: headers, clientAddress: "127.0.0.1", body: body)
    }
}
