import Testing
@testable import HTTPCore

@Suite("JSONWriter")
struct JSONWriterTests {
    static func text(_ value: JSONValue) -> String {
        String(decoding: JSONWriter.encode(value), as: UTF8.self)
    }

    static let stringCases: [(String, String)] = [
        ("plain", #""plain""#),
        ("", #""""#),
        ("a\"b", #""a\"b""#),
        ("a\\b", #""a\\b""#),
        ("a/b</script>", #""a/b</script>""#),
        ("\u{8}\u{C}\n\r\t", #""\b\f\n\r\t""#),
        ("\u{0}\u{1}\u{1F}\u{B}", #""\u0000\u0001\u001f\u000b""#),
        ("\u{7F}", "\"\u{7F}\""),
        ("é€😀", "\"é€😀\""),
        ("\u{2028}\u{2029}", #""\u2028\u2029""#),
        ("x\u{2028}y\u{2029}z", #""x\u2028y\u2029z""#),
        ("\u{2027}\u{202A}\u{20AC}", "\"\u{2027}\u{202A}\u{20AC}\""),
    ]

    @Test("string escaping", arguments: stringCases)
    func escaping(input: String, expected: String) {
        #expect(Self.text(.string(input)) == expected)
    }

    @Test("objects keep key order, output is compact")
    func keyOrderAndCompact() {
        let value = JSONValue.object([
            ("z", .int(1)), ("a", .array([.null, .bool(true), .bool(false), .string("s")])),
            ("m", .object([])), ("e", .array([])), ("k\"ey", .optional(nil)),
        ])
        #expect(Self.text(value) == #"{"z":1,"a":[null,true,false,"s"],"m":{},"e":[],"k\"ey":null}"#)
    }

    static let doubleCases: [(Double, String)] = [
        (1.0, "1"), (-2.0, "-2"), (0.0, "0"), (-0.0, "-0"), (0.5, "0.5"), (0.1, "0.1"), (-1.25, "-1.25"),
        (9_007_199_254_740_992.0, "9007199254740992"), (-9_007_199_254_740_992.0, "-9007199254740992"),
        (9_007_199_254_740_994.0, "9.007199254740994e+15"), (1e20, "1e+20"), (1e-7, "1e-07"),
        (123456.789, "123456.789"), (.nan, "null"), (.infinity, "null"), (-.infinity, "null"),
    ]

    @Test("doubles", arguments: doubleCases)
    func doubles(value: Double, expected: String) {
        #expect(Self.text(.double(value)) == expected)
    }

    @Test("integers and verbatim numbers")
    func numbers() {
        #expect(Self.text(.int(0)) == "0")
        #expect(Self.text(.int(-1)) == "-1")
        #expect(Self.text(.int(.max)) == "9223372036854775807")
        #expect(Self.text(.int(.min)) == "-9223372036854775808")
        #expect(Self.text(.integer(UInt8(200))) == "200")
        #expect(Self.text(.number("123.4500")) == "123.4500")
    }

    @Test("long output grows past the initial capacity")
    func growth() {
        let long = String(repeating: "ab\ncd\u{2028}é", count: 500)
        let value = JSONValue.array(Array(repeating: .string(long), count: 20))
        let bytes = JSONWriter.encode(value)
        let parsed = try? JSONParser.parse(bytes)
        #expect(parsed == .array(Array(repeating: .string(long), count: 20)))
    }

    @Test("append(to:) appends to existing bytes")
    func appendToArray() {
        var bytes = Array("data: ".utf8)
        JSONWriter.append(.object([("a", .int(1))]), to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #"data: {"a":1}"#)
    }

    @Test("writer output parses back to the same tree")
    func roundTrip() throws {
        let value = JSONValue.object([
            ("text", .string("line\nquote\" slash/ tab\t nul\u{0} \u{2028} ñ 😀")),
            ("list", .array([.int(-5), .number("1.50"), .double(2.5), .null])),
        ])
        let parsed = try JSONParser.parse(JSONWriter.encode(value))
        #expect(parsed == .object(InputObject([
            ("text", .string("line\nquote\" slash/ tab\t nul\u{0} \u{2028} ñ 😀")),
            ("list", .array([.number("-5"), .number("1.50"), .number("2.5"), .null])),
        ])))
    }

    @Test("Response.json uses the writer")
    func responseJSON() {
        let response = Response.json(.object([("ok", .bool(true))]))
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"ok":true}"#)
    }
}
