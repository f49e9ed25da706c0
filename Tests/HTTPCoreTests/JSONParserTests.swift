import Testing
@testable import HTTPCore

@Suite("JSONParser")
struct JSONParserTests {
    static func parse(_ text: String, maxDepth: Int = 64) throws -> Input {
        try JSONParser.parse(Array(text.utf8), maxDepth: maxDepth)
    }

    /// The malformedBody message for `bytes`, or a marker when parsing succeeded or failed differently.
    static func failure(_ bytes: [UInt8], maxDepth: Int = 64) -> String {
        do {
            let value = try JSONParser.parse(bytes, maxDepth: maxDepth)
            return "parsed: \(value)"
        } catch HTTPError.malformedBody(let message) {
            return message
        } catch {
            return "other error: \(error)"
        }
    }

    static let validCases: [(String, Input)] = [
        (#"{"a":1,"b":[true,false,null],"c":"x"}"#,
         .object(InputObject([("a", .number("1")), ("b", .array([.bool(true), .bool(false), .null])), ("c", .string("x"))]))),
        (" \t\r\n[ ] \n", .array([])),
        ("{ }", .object(InputObject())),
        (#"  "plain"  "#, .string("plain")),
        (#""\"\\\/\b\f\n\r\t""#, .string("\"\\/\u{8}\u{C}\n\r\t")),
        (#""a\u00e9\u20ACz""#, .string("aé€z")),
        (#""\ud83d\ude00 ok""#, .string("😀 ok")),
        (#""\u0000""#, .string("\u{0}")),
        ("\"ñ€😀\"", .string("ñ€😀")),
        ("\"mixed ñ \\n ü\"", .string("mixed ñ \n ü")),
        ("123456789012345678901234567890", .number("123456789012345678901234567890")),
        ("-0.000000000000000000000001", .number("-0.000000000000000000000001")),
        ("[0,-0,1.5,-2E+10,3e-2,1E5]", .array([.number("0"), .number("-0"), .number("1.5"), .number("-2E+10"),
                                               .number("3e-2"), .number("1E5")])),
        ("true", .bool(true)),
        ("null", .null),
        (#"{"a":1,"b":2,"a":{"x":[]}}"#, .object(InputObject([("a", .object(InputObject([("x", .array([]))]))),
                                                              ("b", .number("2"))]))),
    ]

    @Test("valid documents", arguments: validCases)
    func valid(text: String, expected: Input) throws {
        #expect(try Self.parse(text) == expected)
    }

    @Test("duplicate keys in a large object: last wins, first position kept")
    func duplicateKeysLargeObject() throws {
        let members = (0..<100).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        let value = try Self.parse("{\(members),\"k5\":\"x\",\"k99\":null}")
        let object = try #require(value.objectValue)
        #expect(object.keys.count == 100)
        #expect(object.keys[5] == "k5")
        #expect(object["k5"] == .string("x"))
        #expect(object["k99"] == .null)
        #expect(object["k42"] == .number("42"))
    }

    static let invalidCases: [(String, [UInt8])] = [
        ("empty", []),
        ("only whitespace", Array("  \n ".utf8)),
        ("open object", Array("{".utf8)),
        ("trailing comma in array", Array("[1,]".utf8)),
        ("trailing comma in object", Array(#"{"a":1,}"#.utf8)),
        ("missing comma", Array("[1 2]".utf8)),
        ("leading zero", Array("01".utf8)),
        ("bare dot", Array("1.".utf8)),
        ("leading dot", Array(".5".utf8)),
        ("lone minus", Array("-".utf8)),
        ("empty exponent", Array("1e".utf8)),
        ("plus sign", Array("+1".utf8)),
        ("NaN", Array("NaN".utf8)),
        ("Infinity", Array("Infinity".utf8)),
        ("short literal", Array("tru".utf8)),
        ("capital literal", Array("True".utf8)),
        ("single quotes", Array("'a'".utf8)),
        ("missing colon", Array(#"{"a" 1}"#.utf8)),
        ("unquoted key", Array("{a:1}".utf8)),
        ("unterminated string", Array(#""abc"#.utf8)),
        ("unknown escape", Array(#""\x""#.utf8)),
        ("short unicode escape", Array(#""\u12""#.utf8)),
        ("bad hex digit", Array(#""\u12G4""#.utf8)),
        ("lone high surrogate", Array(#""\ud800""#.utf8)),
        ("high surrogate then letter", Array(#""\ud800\u0041""#.utf8)),
        ("high surrogate then text", Array(#""\ud800abc""#.utf8)),
        ("lone low surrogate", Array(#""\udc00""#.utf8)),
        ("raw newline in string", Array("\"a\nb\"".utf8)),
        ("raw tab in string", Array("\"a\tb\"".utf8)),
        ("raw NUL in string", [0x22, 0x00, 0x22]),
        ("invalid UTF-8 C3 28", [0x22, 0xC3, 0x28, 0x22]),
        ("invalid UTF-8 after escape", Array(#""\n"#.utf8) + [0xC3, 0x28, 0x22]),
        ("invalid byte FF", [0x22, 0xFF, 0x22]),
        ("overlong slash", [0x22, 0xC0, 0xAF, 0x22]),
        ("encoded surrogate", [0x22, 0xED, 0xA0, 0x80, 0x22]),
        ("truncated sequence", [0x22, 0xE2, 0x82, 0x22]),
        ("above U+10FFFF", [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22]),
        ("invalid UTF-8 outside string", [0xC3, 0xA9]),
        ("trailing garbage", Array("{} x".utf8)),
        ("two values", Array("[] []".utf8)),
        ("two numbers", Array("1 2".utf8)),
    ]

    @Test("invalid documents are malformedBody with a byte offset", arguments: invalidCases)
    func invalid(name: String, bytes: [UInt8]) {
        let message = Self.failure(bytes)
        #expect(message.hasPrefix("JSON: "), "\(name): \(message)")
        #expect(message.contains(" at byte "), "\(name): \(message)")
    }

    @Test("messages name the offending byte")
    func offsets() {
        #expect(Self.failure(Array("[1,]".utf8)) == "JSON: unexpected character at byte 3")
        #expect(Self.failure(Array(#"["ok","\ud800"]"#.utf8)) == "JSON: lone surrogate at byte 7")
        #expect(Self.failure([0x22, 0x61, 0xC3, 0x28, 0x22]) == "JSON: invalid UTF-8 in string at byte 2")
        #expect(Self.failure(Array("{} x".utf8)) == "JSON: unexpected data after the value at byte 3")
        #expect(Self.failure([]) == "JSON: empty input at byte 0")
    }

    @Test("depth limit")
    func depth() throws {
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        _ = try Self.parse(ok)
        let tooDeep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(Self.failure(Array(tooDeep.utf8)).contains("nesting deeper than 64"))
        let objects = String(repeating: #"{"a":"#, count: 3) + "1" + String(repeating: "}", count: 3)
        _ = try Self.parse(objects, maxDepth: 3)
        #expect(Self.failure(Array(objects.utf8), maxDepth: 2).contains("nesting deeper than 2"))
        // Far beyond the limit fails cleanly instead of recursing without bound.
        #expect(Self.failure(Array(String(repeating: "[", count: 100_000).utf8)).contains("nesting deeper"))
    }

    @Test("a large document parses")
    func largeDocument() throws {
        let row = #"{"id":123,"name":"Nombre con acentos áéí","tags":["a","b"],"amount":"12.50","ok":true}"#
        let text = "[" + Array(repeating: row, count: 2000).joined(separator: ",") + "]"
        guard case .array(let rows) = try Self.parse(text) else {
            Issue.record("not an array")
            return
        }
        #expect(rows.count == 2000)
        #expect(rows[1999]["name"] == .string("Nombre con acentos áéí"))
    }
}
