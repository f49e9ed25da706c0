import AppCore
@testable import Egresos
import HTTPCore
import Testing

/// One row of the §8.2 table: rules, a value (nil = absent) and the expected code (nil = passes).
struct RuleCase: CustomStringConvertible, Sendable {
    let rules: String
    let value: Input?
    let expected: Int?
    init(_ rules: String, _ value: Input?, _ expected: Int?) {
        self.rules = rules
        self.value = value
        self.expected = expected
    }
    var description: String { "\(rules) \(value.map { "\($0)" } ?? "absent") → \(expected.map(String.init) ?? "ok")" }
}

@Suite("Validation language: each rule's check, code and status (egresos.md §8.2)")
struct ValidationRuleTests {
    static let cases: [RuleCase] = [
        // required / sometimes / nullable
        RuleCase("required", nil, 4001), RuleCase("required", .null, 4221), RuleCase("required", .string(""), 4221),
        RuleCase("required", .string("  \t"), 4221), RuleCase("required", .string("x"), nil),
        RuleCase("required|min:0", .string(""), nil), RuleCase("required|min:0", .string(" "), 4221),
        RuleCase("sometimes|typeOf:string", nil, nil), RuleCase("sometimes|typeOf:string", .null, 4221),
        RuleCase("sometimes|nullable|typeOf:string", .null, nil), RuleCase("typeOf:string", nil, nil),
        RuleCase("typeOf:string|nullable", .null, nil), RuleCase("required|nullable", .null, nil),
        // typeOf
        RuleCase("typeOf:string", .string("a"), nil), RuleCase("typeOf:string", .number("1"), 42217),
        RuleCase("typeOf:string", .bool(true), 42217), RuleCase("typeOf:string", upload("a.png"), 42217),
        RuleCase("typeOf:numeric", .string("0001"), nil), RuleCase("typeOf:numeric", .string("0431.99"), nil),
        RuleCase("typeOf:numeric", .number("12"), nil), RuleCase("typeOf:numeric", .number("-1"), 42222),
        RuleCase("typeOf:numeric", .string("-1"), 42222), RuleCase("typeOf:numeric", .string("1."), 42222),
        RuleCase("typeOf:numeric", .string("1e3"), 42222), RuleCase("typeOf:numerid", .string("12a"), 42222),
        RuleCase("typeOf:number", .number("-1.5"), nil), RuleCase("typeOf:number", .string("-1.5"), nil),
        RuleCase("typeOf:number", .string("abc"), 42218), RuleCase("typeOf:number", .bool(false), 42218),
        RuleCase("typeOf:number", .number("1e400"), 42218),
        RuleCase("typeOf:object", json(#"{"a":1}"#), nil), RuleCase("typeOf:object", .string("{}"), 42219),
        RuleCase("typeOf:array", json("[1]"), nil), RuleCase("typeOf:JSONArray", .string("[1,2]"), nil),
        RuleCase("typeOf:JSONArray", .string("[{'a':'b'}]"), nil), RuleCase("typeOf:array", .string("{}"), 42220),
        RuleCase("typeOf:array", .string("[1,"), 42220), RuleCase("typeOf:array", .number("1"), 42220),
        RuleCase("typeOf:boolean", .bool(false), nil), RuleCase("typeOf:boolean", .number("1"), nil),
        RuleCase("typeOf:boolean", .string("True"), nil), RuleCase("typeOf:boolean", .string("0"), nil),
        RuleCase("typeOf:boolean", .string("yes"), 42221), RuleCase("typeOf:boolean", .number("2"), 42221),
        RuleCase("typeOf:uuid", .string("x"), 42214),
        // min / max / exact / size on values
        RuleCase("min:3", .string("abc"), nil), RuleCase("min:3", .string("ab"), 4222),
        RuleCase("max:3", .string("abcd"), 4223), RuleCase("max:1", .string("ñ"), nil), RuleCase("max:1", .string("😀"), nil),
        RuleCase("typeOf:number|min:1", .number("0"), 4222), RuleCase("typeOf:number|min:1", .string("5"), nil),
        RuleCase("typeOf:number|max:365", .string("366"), 4223), RuleCase("typeOf:number|max:365", .number("365"), nil),
        RuleCase("typeOf:numeric|min:2|max:60", .string("1234567890123456789012345"), nil),
        RuleCase("typeOf:numeric|min:2", .string("7"), 4222), RuleCase("typeOf:numeric|max:3", .number("1000"), 4223),
        RuleCase("typeOf:array|min:1", json("[]"), 4222), RuleCase("typeOf:JSONArray|min:1", .string("[1]"), nil),
        RuleCase("typeOf:array|max:1", json("[1,2]"), 4223),
        RuleCase("exact:32", .string("y3b3f8dh8cv6qdqbl7slvsq3bt0j4pjt"), nil), RuleCase("exact:32", .string("y3b3"), 4226),
        RuleCase("size:4", .string("ñaño"), nil), RuleCase("size:4", .number("12345"), 4226),
        // files
        RuleCase("size:5Mb", upload("a.png", size: 5 * 1024 * 1024), nil),
        RuleCase("size:5Mb", upload("a.png", size: 5 * 1024 * 1024 + 1), 4153),
        RuleCase("size:5Mb", .string("a.png"), 4154), RuleCase("extension:jpg,png", .string("a.png"), 4154),
        RuleCase("extension:jpg,png", upload("A.PNG"), nil), RuleCase("extension:jpg,png", upload("a.jpeg"), nil),
        RuleCase("extension:jpg,png,jpeg", upload("a.JPG"), nil), RuleCase("extension:jpeg", upload("a.jpg"), nil),
        RuleCase("extension:jpg,png", upload("a.gif"), 4151), RuleCase("extension:jpg,png", upload("png"), 4151),
        RuleCase("required|size:5Mb", upload("", size: 0), 4001), RuleCase("sometimes|size:5Mb", upload("", size: 0), nil),
        // formats
        RuleCase("email", .string("ana@element.com.mx"), nil), RuleCase("email", .string("ana@element"), 42216),
        RuleCase("email", .string("ana @a.com"), 42216), RuleCase("email", .string("a@b@c.com"), 42216),
        RuleCase("email", .string("@a.com"), 42216), RuleCase("email", .string("a@b."), 42216),
        RuleCase("date:YYYY-MM-DD", .string("2019-11-01"), nil), RuleCase("date:YYYY-MM-DD", .string("2020-02-29"), nil),
        RuleCase("date:YYYY-MM-DD", .string("2019-02-29"), 4229), RuleCase("date:YYYY-MM-DD", .string("2019-13-01"), 4229),
        RuleCase("date:YYYY-MM-DD", .string("2019-1-01"), 4229), RuleCase("date:YYYY-MM-DD", .string("01/11/2019"), 4229),
        RuleCase("date:YYYY-MM-DD", .string("1900-02-29"), 4229), RuleCase("date:YYYY-MM-DD", .string("2000-02-29"), nil),
        RuleCase("in:cash,direct_bank_transfer", .string("cash"), nil),
        RuleCase("in:cash,direct_bank_transfer", .string("Cash"), 42210),
        RuleCase("in:low,medium,urgent", .number("1"), 42210),
        RuleCase("regex:alphanumeric", .string("Corona Capital 2019"), nil),
        RuleCase("regex:alphanumeric", .string("Campaña publicitaria 2019"), nil),
        RuleCase("regex:alphanumeric", .string("Grupo Modelo S.A."), 4228),
        RuleCase("regex:letters", .string("José María"), nil), RuleCase("regex:alphabetic", .string("R2D2"), 4227),
        RuleCase("regex:name", .string("Proveedor 01 S.A. de C.V."), nil), RuleCase("regex:name", .string("Dr. Doofenshmirtz"), nil),
        RuleCase("regex:name", .string("O'Brien & Hijos, S.C."), nil), RuleCase("regex:name", .string("Ana <script>"), 42224),
        RuleCase("regex:url", .string("https://element.mx/a?b=c"), nil), RuleCase("regex:url", .string("ftp://x"), 42213),
        RuleCase("regex:url", .string("http://"), 42213), RuleCase("regex:url", .string("http://a b"), 42213),
        RuleCase("regex:digits", .string("0431"), nil), RuleCase("regex:numeric", .string("12.5"), 42222),
        RuleCase("regex:device_uuid", .string("123e4567-e89b-12d3-a456-426614174000"), nil),
        RuleCase("regex:device_uuid", .string("123e4567e89b12d3a456426614174000"), 42225),
        RuleCase("regex:phone", .string("+525541878844"), nil), RuleCase("regex:phone", .string("5541878844"), nil),
        RuleCase("regex:phone", .string("55 4187 8844"), 42226), RuleCase("regex:phone", .string("+12345"), 42226),
        RuleCase("regex:phone", .string("+1234567890123456"), 42226),
        RuleCase("regex:element", .string("ana@element.com.mx"), nil), RuleCase("regex:element", .string("Ana@Element.COM.MX"), nil),
        RuleCase("regex:element", .string("ana@gmail.com"), 4224), RuleCase("regex:element", .string("ana@sub.element.com.mx"), 4224),
        RuleCase("regex:whatever", .string("x"), 4224),
    ]

    @Test("each rule passes or fails with its code", arguments: cases)
    func rule(_ item: RuleCase) {
        #expect(code(item.rules, item.value) == item.expected)
    }

    @Test("each code carries its HTTP status")
    func statuses() {
        let expected = [4001: 400, 4002: 400, 4042: 404, 4093: 409, 4151: 415, 4153: 415, 4154: 415, 4221: 422, 42210: 422,
                        42226: 422]
        for (code, status) in expected { #expect(ValidationFailure(field: "f", code: code).status == status) }
    }

    @Test("ALLOWED_EMAIL_DOMAINS: default element.com.mx, or the configured list")
    func elementDomains() throws {
        #expect(ValidationOptions().allowedEmailDomains == ["element.com.mx"])
        #expect(ValidationOptions(allowedEmailDomainsSetting: " ").allowedEmailDomains == ["element.com.mx"])
        let options = ValidationOptions(allowedEmailDomainsSetting: "element.mx, Example.ORG")
        #expect(options.allowedEmailDomains == ["element.mx", "example.org"])
        #expect(code("regex:element", .string("a@example.org"), options: options) == nil)
        #expect(code("regex:element", .string("a@element.com.mx"), options: options) == 4224)
        let module = { (values: [String: String]) in
            try EgresosModule(settings: ModuleSettings(module: .egresos, values: AuthKeys.values().merging(values) { $1 }))
        }
        #expect(try module([:]).validationOptions.allowedEmailDomains == ["element.com.mx"])
        #expect(try module(["EGRESOS_ALLOWED_EMAIL_DOMAINS": "element.mx"]).validationOptions.allowedEmailDomains == ["element.mx"])
    }

    @Test("the placeholders of the failures: len, list, format, size, type")
    func placeholders() {
        func values(_ rules: String, _ value: Input) -> [String: String] {
            outcome([("v", rules)], .object(InputObject([("v", value)]))).failures.first?.values ?? [:]
        }
        #expect(values("min:3", .string("a")) == ["len": "3"])
        #expect(values("max:2", .string("abc")) == ["len": "2"])
        #expect(values("exact:32", .string("a")) == ["len": "32"])
        #expect(values("in:cash,direct_bank_transfer", .string("x")) == ["list": "cash,direct_bank_transfer"])
        #expect(values("date:YYYY-MM-DD", .string("x")) == ["format": "YYYY-MM-DD"])
        #expect(values("size:5Mb", upload("a.png", size: 6_000_000)) == ["size": "5120"])
        #expect(values("typeOf:uuid", .string("x")) == ["type": "uuid"])
    }
}
