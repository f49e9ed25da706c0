import Testing
@testable import HTTPCore

@Suite("URLEncoding")
struct URLEncodingTests {
    static func pairs(_ text: String) -> [String] {
        URLEncoding.pairs(in: Array(text.utf8)).map { "\($0.name)=\($0.value)" }
    }

    static func form(_ text: String) throws -> Input {
        try URLEncoding.parseForm(Array(text.utf8))
    }

    static func object(_ members: [(String, Input)]) -> Input { .object(InputObject(members)) }

    static let pairCases: [(String, [String])] = [
        ("a=1&b=2", ["a=1", "b=2"]),
        ("a+b=c+d", ["a b=c d"]),
        ("%41%42=%e2%82%AC", ["AB=€"]),
        ("x=%2B%26%3D%25", ["x=+&=%"]),
        ("x=%zz%4&y=%", ["x=%zz%4", "y=%"]),
        ("x=100%", ["x=100%"]),
        ("a&b=", ["a=", "b="]),
        ("&&a=1&&", ["a=1"]),
        ("a=1=2", ["a=1=2"]),
        ("=x", ["=x"]),
        ("x=%C3%28", ["x=\u{FFFD}("]),
        ("x=%FF", ["x=\u{FFFD}"]),
        ("ñ=ü", ["ñ=ü"]),
        ("", []),
    ]

    @Test("pairs: splitting and decoding", arguments: pairCases)
    func pairs(input: String, expected: [String]) {
        #expect(Self.pairs(input) == expected)
    }

    @Test("query parameters use the same decoding")
    func query() {
        let query = QueryParameters("tag=a+b&tag=%C3%B1&page=2")
        #expect(query.all("tag") == ["a b", "ñ"])
        #expect(query["page"] == "2")
    }

    @Test("scalars and repeated names")
    func scalars() throws {
        #expect(try Self.form("") == .object(InputObject()))
        #expect(try Self.form("a=1&b=x+y") == Self.object([("a", .string("1")), ("b", .string("x y"))]))
        #expect(try Self.form("a=1&b=2&a=3") == Self.object([("a", .string("3")), ("b", .string("2"))]))
        #expect(try Self.form("=ignored&a=1") == Self.object([("a", .string("1"))]))
    }

    @Test("bracket names nest")
    func nesting() throws {
        #expect(try Self.form("a[b]=1") == Self.object([("a", Self.object([("b", .string("1"))]))]))
        #expect(try Self.form("a[]=1&a[]=2") == Self.object([("a", .array([.string("1"), .string("2")]))]))
        #expect(try Self.form("a[0][x]=1") == Self.object([("a", .array([Self.object([("x", .string("1"))])]))]))
        #expect(try Self.form("a[b][c]=1&a[b][d]=2&a[e]=3") == Self.object([
            ("a", Self.object([("b", Self.object([("c", .string("1")), ("d", .string("2"))])), ("e", .string("3"))])),
        ]))
        #expect(try Self.form("a[0][x]=1&a[0][y]=2&a[1][x]=3") == Self.object([
            ("a", .array([Self.object([("x", .string("1")), ("y", .string("2"))]), Self.object([("x", .string("3"))])])),
        ]))
        #expect(try Self.form("a[][x]=1&a[][x]=2") == Self.object([
            ("a", .array([Self.object([("x", .string("1"))]), Self.object([("x", .string("2"))])])),
        ]))
        // Encoded brackets are decoded before the name is read.
        #expect(try Self.form("a%5Bb%5D=1") == Self.object([("a", Self.object([("b", .string("1"))]))]))
    }

    @Test("numeric indexes order elements; gaps close; [] appends after the highest")
    func indexOrder() throws {
        #expect(try Self.form("a[2]=x&a[0]=y&a[10000]=z") == Self.object([("a", .array([.string("y"), .string("x"), .string("z")]))]))
        #expect(try Self.form("a[]=1&a[5]=2&a[]=3") == Self.object([("a", .array([.string("1"), .string("2"), .string("3")]))]))
        #expect(try Self.form("a[1]=x&a[1]=y") == Self.object([("a", .array([.string("y")]))]))
        #expect(try Self.form("a[007]=1") == Self.object([("a", Self.object([("007", .string("1"))]))]))
    }

    @Test("names whose brackets do not parse are literal keys")
    func literalNames() throws {
        #expect(try Self.form("a[b=1") == Self.object([("a[b", .string("1"))]))
        #expect(try Self.form("[x]=1") == Self.object([("[x]", .string("1"))]))
        #expect(try Self.form("a[b]c=1") == Self.object([("a[b]c", .string("1"))]))
    }

    static let conflictCases = [
        "a=1&a[b]=2", "a[b]=2&a=1", "a[]=1&a[b]=2", "a[b]=1&a[]=2", "a[0]=1&a[0][x]=2", "a[0][x]=2&a[0]=1",
        "a[b][c]=1&a[b]=2",
    ]

    @Test("conflicting shapes are malformed", arguments: conflictCases)
    func conflicts(input: String) {
        #expect(throws: HTTPError.malformedBody("form: conflicting structure for '\(input.split(separator: "&")[1].split(separator: "=")[0])'")) {
            try Self.form(input)
        }
    }

    @Test("absurd indexes and depths are refused")
    func limits() throws {
        #expect(throws: HTTPError.self) { try Self.form("a[10001]=1") }
        #expect(throws: HTTPError.self) { try Self.form("a[99999999999999999999]=1") }
        let deepOK = "a" + String(repeating: "[x]", count: 16) + "=1"
        _ = try Self.form(deepOK)
        let tooDeep = "a" + String(repeating: "[x]", count: 17) + "=1"
        #expect(throws: HTTPError.malformedBody("form: '\(tooDeep.dropLast(2))' nests deeper than 16")) {
            try Self.form(tooDeep)
        }
    }

    @Test("many keys stay fast")
    func manyKeys() throws {
        let text = (0..<20_000).map { "f[k\($0)]=\($0)" }.joined(separator: "&")
        let object = try #require(try Self.form(text)["f"]?.objectValue)
        #expect(object.keys.count == 20_000)
        #expect(object.members[19_999].value == .string("19999"))
    }
}
