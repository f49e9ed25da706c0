@testable import Egresos
import Testing

@Suite("Validation language: the pipe-form parser (egresos.md §8.1)")
struct RuleParserTests {
    @Test("every rule parses to its value")
    func rules() throws {
        #expect(try RuleParser.parse("required|typeOf:string|email|unique:users,email|regex:element") == [
            .required, .typeOf(.string), .email, .unique(.users, column: "email", scope: nil), .regex(.element),
        ])
        #expect(try RuleParser.parse("sometimes|nullable|typeOf:number|min:0|max:365|exact:32") == [
            .sometimes, .nullable, .typeOf(.number), .min(0), .max(365), .exact(32),
        ])
        #expect(try RuleParser.parse("size:5Mb|extension:jpg,PNG,jpeg|size:10|size:100kb") == [
            .size(.bytes(5 * 1024 * 1024)), .fileExtension(["jpg", "png", "jpeg"]), .size(.length(10)), .size(.bytes(102_400)),
        ])
        #expect(try RuleParser.parse("confirmation|confirmed|date:YYYY-MM-DD|in:cash,direct_bank_transfer|distinct") == [
            .confirmation, .confirmation, .date(format: "YYYY-MM-DD"), .oneOf(["cash", "direct_bank_transfer"]), .distinct,
        ])
        #expect(try RuleParser.parse("dateRange:project_start_date|unique:project,name,brand_id") == [
            .dateRange(after: "project_start_date"), .unique(.projects, column: "name", scope: "brand_id"),
        ])
        #expect(try RuleParser.parse("typeOf:object|typeOf:boolean|typeOf:uuid|regex:whatever") == [
            .typeOf(.object), .typeOf(.boolean), .typeOf(.other("uuid")), .regex(.other("whatever")),
        ])
    }

    @Test("the §8.1 normalisations: numerid, JSONArray, exist:, table names, regex aliases, spaces")
    func normalisations() throws {
        #expect(try RuleParser.parse("typeOf:numerid") == [.typeOf(.numeric)])
        #expect(try RuleParser.parse("typeOf:JSONArray|typeOf:array") == [.typeOf(.array), .typeOf(.array)])
        #expect(try RuleParser.parse("exist:supplier,email") == [.exists(.suppliers, column: "email")])
        #expect(try RuleParser.parse("regex:alphabetic|regex:letters|regex:numeric|regex:digits") == [
            .regex(.letters), .regex(.letters), .regex(.digits), .regex(.digits),
        ])
        #expect(try RuleParser.parse(" sometimes | typeOf:string ") == [.sometimes, .typeOf(.string)])
        let tables: [(String, ValidationTable)] = [
            ("user", .users), ("users", .users), ("customer", .customers), ("brand", .brands), ("brands", .brands),
            ("project", .projects), ("supplier", .suppliers), ("billing", .billings), ("quotation", .quotations),
            ("supplierquotation", .supplierQuotations), ("paymentschedule", .paymentSchedules), ("supply", .supplies),
            ("refund", .refunds), ("expense", .expenses), ("notification", .notifications),
        ]
        for (name, table) in tables {
            #expect(try RuleParser.parse("exists:\(name),id") == [.exists(table, column: "id")], "\(name)")
        }
        #expect(ValidationTable.supplierQuotations.tableName == "supplier_quotations")
        #expect(ValidationTable.allCases.filter(\.softDeletes) == [.users, .customers, .brands, .projects, .notifications])
    }

    @Test("malformed rule strings are errors", arguments: [
        "", "required|", "requird", "min", "min:abc", "min:-1", "max:", "exact:x", "size:5Gb", "size:abc",
        "unique:user", "unique:nope,id", "unique:user,password", "unique:user; DROP TABLE users,id",
        "exists:user,id,email", "exists:supplierquotation,id,nope_id", "date:DD/MM/YYYY", "in:a,,b", "required:yes", "email:x", "extension:",
        "unique:project,name,nope", "same", "same:", "same:a,b", "same:items[].a",
        "dateRange:project_start_date,nope", "dateRange:nope,quotation", "dateRange:project_start_date,quotation,x",
    ])
    func malformed(_ text: String) {
        #expect(throws: RuleParseError.self) { try RuleParser.parse(text, field: "f") }
    }

    @Test("issue 13's additions: same, exists scoped to a parent, a date range against the stored row")
    func additions() throws {
        #expect(try RuleParser.parse("required|same:password") == [.required, .same("password")])
        #expect(try RuleParser.parse("exists:supplierquotation,id,quotation_id|exists:expense,id,supply_id") == [
            .exists(.supplierQuotations, column: "id", scope: "quotation_id"), .exists(.expenses, column: "id", scope: "supply_id"),
        ])
        #expect(try RuleParser.parse("exists:user,id") == [.exists(.users, column: "id", scope: nil)])
        #expect(try RuleParser.parse("dateRange:project_start_date,quotation", field: "project_end_date")
            == [.dateRange(after: "project_start_date", stored: .quotations)])
        #expect(try RuleParser.parse("dateRange:project_start_date") == [.dateRange(after: "project_start_date", stored: nil)])
        // The stored row must have this field's column too (an end sent alone is read back from it).
        #expect(throws: RuleParseError.self) {
            try RuleParser.parse("dateRange:project_start_date,quotation", field: "billing_date")
        }
    }

    @Test("every declared rule set is parsed once, when it is declared; a typo fails here and at start-up, never a request")
    func declaredEndpoints() throws {
        let declared = EgresosEndpointRules.declared
        #expect(declared.count >= 30)
        #expect(Set(declared.map(\.endpoint)).count == declared.count)
        for rules in declared {
            #expect(rules.parseError == nil, "\(rules.endpoint)")
            // The stored schemas are the parse of the declarations, part by part.
            for (part, schema) in [(rules.path, rules.pathSchema), (rules.query, rules.querySchema), (rules.body, rules.bodySchema)] {
                #expect(try ValidationSchema(part) == schema, "\(rules.endpoint)")
                #expect(schema.fields.count == part.count, "\(rules.endpoint)")
            }
        }
        // Every rule set a served operation validates with is among the declared ones.
        let names = Set(declared.map(\.endpoint))
        for operation in EgresosAPI.operations {
            for rules in operation.rules { #expect(names.contains(rules.endpoint), "\(rules.endpoint)") }
        }
        try EgresosEndpointRules.checkDeclared()
        // A typo is found when the rule set is declared, and the start-up check refuses it.
        let typo = EndpointRules("#0 typo", path: [("id", "required|typeOf:numeric")], body: [("name", "required|requird|min:1")])
        #expect(typo.parseError == RuleParseError(field: "name", rule: "requird", reason: "unknown rule"))
        #expect(throws: RuleParseError(field: "name", rule: "requird", reason: "unknown rule")) {
            try EgresosEndpointRules.checkDeclared([EgresosEndpointRules.createUser, typo])
        }
        #expect(EgresosEndpointRules.updateUser.pathSchema.fields[0].rules
            == [.required, .typeOf(.numeric), .exists(.users, column: "id")])
        #expect(EgresosEndpointRules.createSupplier.bodySchema.fields.map(\.field) == [
            "company_name", "contact_name", "payment_conditions", "phone", "email", "business_activity", "picture",
        ])
        #expect(EgresosEndpointRules.createCustomerWithBrands.bodySchema.fields[2].rules.last
            == .unique(.brands, column: "name", scope: nil))
        #expect(EgresosEndpointRules.createBrand.bodySchema.fields[0].rules.last == .unique(.brands, column: "name", scope: nil))
    }
}
