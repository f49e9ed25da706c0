@testable import Egresos
import HTTPCore
import Testing

@Suite("Validation language: the engine (order, normalisation, arrays, lookups)")
struct ValidationEngineTests {
    @Test("the required/sometimes × absent/null/empty/blank/value matrix")
    func presenceMatrix() {
        let values: [(String, Input?)] = [("absent", nil), ("null", .null), ("empty", .string("")), ("blank", .string("  ")),
                                          ("value", .string("x"))]
        let expected: [String: [Int?]] = [
            "required|typeOf:string": [4001, 4221, 4221, 4221, nil],
            "required|typeOf:string|min:0": [4001, 4221, nil, 4221, nil],
            "required|nullable|typeOf:string": [4001, nil, 4221, 4221, nil],
            "sometimes|typeOf:string": [nil, 4221, 4221, 4221, nil],
            "sometimes|typeOf:string|min:0|max:255|regex:alphanumeric|nullable": [nil, nil, nil, 4221, nil],
            "typeOf:string": [nil, 4221, 4221, 4221, nil],
        ]
        for (rules, codes) in expected {
            for ((label, value), want) in zip(values, codes) {
                #expect(code(rules, value) == want, "\(rules) with \(label)")
            }
        }
        // `""` with `min:0` still has to be of the declared type.
        #expect(code("required|typeOf:number|min:0", .string("")) == 42218)
    }

    @Test("typeOf normalises form strings: numbers, booleans, JSON-array strings, numeric strings")
    func normalisation() {
        let result = outcome([
            ("payment_conditions", "required|typeOf:number|max:365"),
            ("cost_in_cents", "required|typeOf:number|min:1"),
            ("friendly", "sometimes|typeOf:boolean"),
            ("payment_schedule", "required|typeOf:JSONArray|min:1"),
            ("payment_schedule[].payment_date", "required|date:YYYY-MM-DD"),
            ("bank_account", "required|typeOf:numeric|min:2|max:60"),
            ("supplier_id", "required|typeOf:numeric"),
        ], form([("payment_conditions", .string("60")), ("cost_in_cents", .string("50000")), ("friendly", .string("True")),
                 ("payment_schedule", .string("[{'payment_date': '2019-11-29', 'payment_method': 'cash'}]")),
                 ("bank_account", .string("0123")), ("supplier_id", .number("7")), ("unknown", .string("kept"))]))
        #expect(result.passed)
        #expect(result.values["payment_conditions"] == .number("60"))
        #expect(result.values["cost_in_cents"] == .number("50000"))
        #expect(result.values["friendly"] == .bool(true))
        #expect(result.values["payment_schedule"] == json(#"[{"payment_date":"2019-11-29","payment_method":"cash"}]"#))
        #expect(result.values["bank_account"] == .string("0123"))
        #expect(result.values["supplier_id"] == .string("7"))
        #expect(result.values["unknown"] == .string("kept"))
    }

    @Test("money fields must be integers (4224); integral forms are normalised")
    func money() {
        #expect(code("required|typeOf:number|min:1", .number("10.5")) == nil)
        #expect(failures([("cost_in_cents", "required|typeOf:number|min:1")], json(#"{"cost_in_cents": 10.5}"#))
            == ["cost_in_cents:4224"])
        #expect(failures([("amount", "required|typeOf:number")], form([("amount", .string("1.25"))])) == ["amount:4224"])
        let result = outcome([("cost_in_cents", "required|typeOf:number|min:1")], json(#"{"cost_in_cents": 1e3}"#))
        #expect(result.values["cost_in_cents"] == .number("1000"))
    }

    @Test("rules run left to right and stop at a field's first failure; every failing field is reported")
    func order() {
        let rules = [
            ("email", "required|typeOf:string|email|unique:user,email|regex:element"),
            ("name", "required|typeOf:string|min:1|max:120"),
            ("role", "required|typeOf:string"),
            ("job_title", "required|typeOf:string|min:1|max:200"),
        ]
        let lookup = FakeLookup()
        #expect(failures(rules, json(#"{"email": 5, "name": "", "job_title": "x"}"#), lookup: lookup)
            == ["email:42217", "name:4221", "role:4001"])
        #expect(lookup.questions.isEmpty)
        // A bad e-mail stops before the database question.
        #expect(failures(rules, json(#"{"email": "nope", "name": "Ana", "role": "rh", "job_title": "x"}"#), lookup: lookup)
            == ["email:42216"])
        #expect(lookup.questions.isEmpty)
        #expect(failures(rules, json(#"{"email": "ana@gmail.com", "name": "Ana", "role": "rh", "job_title": "x"}"#),
                         lookup: lookup) == ["email:4224"])
        #expect(lookup.questions == ["taken users.email=ana@gmail.com"])
        // Anything but an object validates as an empty one.
        #expect(failures(rules, json("[1]")) == ["email:4001", "name:4001", "role:4001", "job_title:4001"])
    }

    @Test("array items are named brands[0].name; a parent that is not an array skips its items")
    func items() {
        let rules = EgresosEndpointRules.createCustomerWithBrands.body
        let lookup = FakeLookup([.brands: [.init(id: 1, values: ["name": "Corona"])]])
        #expect(failures(rules, json(#"{"name": "Grupo Modelo", "brands": [{"name": "Victoria"}, {"name": "x"}, {}, 5, {"name": "corona"}]}"#),
                         lookup: lookup) == ["brands[1].name:4222", "brands[2].name:4001", "brands[3].name:4001", "brands[4].name:4093"])
        #expect(failures(rules, json(#"{"name": "Grupo Modelo", "brands": {"name": "x"}}"#)) == ["brands:42220"])
        #expect(failures(rules, form([("name", .string("Grupo Modelo")), ("brands", .string(#"[{"name":"Pacifico"}]"#))])) == [])
    }

    @Test("duplicates in an array: 400 4002 on the repeated item, or on the array (EXT)")
    func duplicates() {
        let rules = EgresosEndpointRules.createCustomerWithBrands.body
        #expect(failures(rules, json(#"{"name": "Grupo Modelo", "brands": [{"name": "Victoria"}, {"name": "VICTORIA"}]}"#))
            == ["brands[1].name:4002"])
        let projects = EgresosEndpointRules.createProject.body
        let users = FakeLookup([.users: [.init(id: 4001, values: [:]), .init(id: 4002, values: [:])]])
        #expect(failures(projects, json(#"{"name": "Campaña 2019", "collaborators": [4001, 4001]}"#), lookup: users)
            == ["collaborators:4002"])
        #expect(failures(projects, json(#"{"name": "Campaña 2019", "collaborators": "[4001, 4002]"}"#), lookup: users) == [])
        #expect(failures(projects, json(#"{"name": "Campaña 2019", "collaborators": [4001, 9]}"#), lookup: users)
            == ["collaborators[1]:4042"])
    }

    @Test("confirmation (4225) and the date range (42215, EXT)")
    func confirmationAndRange() {
        let password = EgresosEndpointRules.setSupplierPassword.body
        let token = "y3b3f8dh8cv6qdqbl7slvsq3bt0j4pjt"
        #expect(failures(password, json(#"{"token": "\#(token)", "password": "secreto123", "password_confirmation": "secreto123"}"#)) == [])
        #expect(failures(password, json(#"{"token": "\#(token)", "password": "secreto123", "password_confirmation": "secreto124"}"#))
            == ["password:4225"])
        #expect(failures(password, json(#"{"token": "abc", "password": "secreto123"}"#)) == ["token:4226", "password:4225"])
        let dates = [("project_start_date", "required|date:YYYY-MM-DD"),
                     ("project_end_date", "required|date:YYYY-MM-DD|dateRange:project_start_date")]
        #expect(failures(dates, json(#"{"project_start_date": "2019-11-01", "project_end_date": "2019-11-01"}"#)) == [])
        #expect(failures(dates, json(#"{"project_start_date": "2019-11-02", "project_end_date": "2019-11-01"}"#))
            == ["project_end_date:42215"])
        #expect(failures(dates, json(#"{"project_start_date": "nope", "project_end_date": "2019-11-01"}"#))
            == ["project_start_date:4229"])
    }

    @Test("same:<field>: equal to another field of the same object, else 422 4225 on this field")
    func same() {
        let rules = [("password", "required|typeOf:string|min:8"),
                     ("password_confirmation", "required|typeOf:string|same:password")]
        #expect(failures(rules, json(#"{"password": "secreto123", "password_confirmation": "secreto123"}"#)) == [])
        let differs = outcome(rules, json(#"{"password": "secreto123", "password_confirmation": "Secreto123"}"#))
        #expect(differs.failures == [ValidationFailure(field: "password_confirmation", code: 4225, values: [:])])
        // The other field absent: nothing to be the same as.
        #expect(failures(rules, json(#"{"password_confirmation": "secreto123"}"#)) == ["password:4001", "password_confirmation:4225"])
        // Compared as sent text, also numbers against form strings; inside array items, within the item.
        #expect(failures([("a", "required"), ("b", "required|same:a")], form([("a", .string("7")), ("b", .number("7"))])) == [])
        let items = [("rows", "required|typeOf:array"), ("rows[].to", "required|same:from")]
        #expect(failures(items, json(#"{"rows": [{"from": "x", "to": "x"}, {"from": "x", "to": "y"}, {"to": "x"}]}"#))
            == ["rows[1].to:4225", "rows[2].to:4225"])
    }

    @Test("exists scoped to a parent: the id exists and belongs to the parent of the path or body, else 404 4042")
    func scopedExists() {
        let lookup = FakeLookup([
            .quotations: [.init(id: 1, values: [:]), .init(id: 2, values: [:])],
            .supplierQuotations: [.init(id: 7, values: ["quotation_id": "1"]), .init(id: 8, values: ["quotation_id": "2"])],
            .expenses: [.init(id: 1, values: ["supply_id": "5"]), .init(id: 2, values: ["supply_id": "6"])],
        ])
        let path = [("quotation_id", "required|typeOf:numeric|exists:quotation,id"),
                    ("supplier_id", "required|typeOf:numeric|exists:supplierquotation,id,quotation_id")]
        func ids(_ quotation: String, _ supplier: String) -> Input {
            form([("quotation_id", .string(quotation)), ("supplier_id", .string(supplier))])
        }
        #expect(failures(path, ids("1", "7"), lookup: lookup) == [])
        #expect(lookup.questions.last == "exists supplier_quotations.id=7 quotation_id=1")
        let foreign = outcome(path, ids("1", "8"), lookup: lookup)
        #expect(foreign.failures == [ValidationFailure(field: "supplier_id", code: 4042, values: ["model": "SupplierQuotation"])])
        #expect(failures(path, ids("2", "8"), lookup: lookup) == [])
        #expect(failures(path, ids("1", "99"), lookup: lookup) == ["supplier_id:4042"])
        #expect(failures(path, ids("3", "7"), lookup: lookup) == ["quotation_id:4042", "supplier_id:4042"])
        // The parent from the endpoint (the path) wins over one in the body; no parent at all is not found.
        let body = [("expense_id", "required|typeOf:numeric|exists:expense,id,supply_id")]
        let supply5 = ValidationContext(scopes: ["supply_id": "5"])
        #expect(failures(body, json(#"{"expense_id": 1}"#), lookup: lookup, context: supply5) == [])
        #expect(failures(body, json(#"{"expense_id": 2, "supply_id": 6}"#), lookup: lookup, context: supply5)
            == ["expense_id:4042"])
        #expect(failures(body, json(#"{"expense_id": 2, "supply_id": 6}"#), lookup: lookup) == [])
        #expect(failures(body, json(#"{"expense_id": 1}"#), lookup: lookup) == ["expense_id:4042"])
    }

    @Test("dateRange against the stored row: an edit sending one end is checked against the stored other end (42215)")
    func storedDateRange() {
        let lookup = FakeLookup([.quotations: [
            .init(id: 1, values: ["project_start_date": "2019-11-01", "project_end_date": "2019-11-30"]),
        ]])
        let rules = [("project_start_date", "sometimes|date:YYYY-MM-DD"),
                     ("project_end_date", "sometimes|date:YYYY-MM-DD|dateRange:project_start_date,quotation")]
        let editing = ValidationContext(excludingIDs: [.quotations: 1])
        func check(_ body: String, _ context: ValidationContext = editing) -> [String] {
            failures(rules, json(body), lookup: lookup, context: context)
        }
        #expect(check(#"{"project_end_date": "2019-10-31"}"#) == ["project_end_date:42215"])
        #expect(check(#"{"project_end_date": "2019-11-01"}"#) == [])
        // Only the start sent, after the stored end: the error is the range's, on project_end_date (§8.2).
        #expect(check(#"{"project_start_date": "2019-12-01"}"#) == ["project_end_date:42215"])
        #expect(check(#"{"project_start_date": "2019-11-30"}"#) == [])
        // Both sent: the sent values are compared, not the stored ones.
        #expect(check(#"{"project_start_date": "2019-12-01", "project_end_date": "2019-12-02"}"#) == [])
        #expect(check(#"{"project_start_date": "2019-12-03", "project_end_date": "2019-12-02"}"#) == ["project_end_date:42215"])
        // A start that is not a date is its own error; nothing stored to compare with on a create.
        #expect(check(#"{"project_start_date": "2019-13-01"}"#) == ["project_start_date:4229"])
        #expect(check(#"{"project_start_date": "2019-12-01"}"#, ValidationContext()) == [])
        let asked = lookup.questions.count
        #expect(check("{}") == [])
        #expect(lookup.questions.count == asked)
        #expect(lookup.questions.contains("stored quotations.project_end_date#1"))
        #expect(lookup.questions.contains("stored quotations.project_start_date#1"))
    }

    @Test("unique: 409 4093 with thing and value, case-insensitive, active rows only, own row and scope")
    func unique() {
        let lookup = FakeLookup([
            .users: [.init(id: 4001, values: ["email": "ana@element.com.mx"]),
                     .init(id: 4002, values: ["email": "old@element.com.mx"], deleted: true)],
            .projects: [.init(id: 1, values: ["name": "Campaña 2019", "brand_id": "1"])],
        ])
        let rules = [("email", "sometimes|typeOf:string|email|unique:user,email|regex:element")]
        let taken = outcome(rules, json(#"{"email": "ANA@element.com.mx"}"#), lookup: lookup)
        #expect(taken.failures == [ValidationFailure(field: "email", code: 4093, values: ["thing": "email", "value": "ANA@element.com.mx"])])
        #expect(failures(rules, json(#"{"email": "old@element.com.mx"}"#), lookup: lookup) == [])
        #expect(failures(rules, json(#"{"email": "ana@element.com.mx"}"#), lookup: lookup,
                         context: ValidationContext(excludingIDs: [.users: 4001])) == [])
        let project = EgresosEndpointRules.createProject.body
        #expect(failures(project, json(#"{"name": "campaña 2019"}"#), lookup: lookup,
                         context: ValidationContext(scopes: ["brand_id": "1"])) == ["name:4093"])
        #expect(failures(project, json(#"{"name": "campaña 2019"}"#), lookup: lookup,
                         context: ValidationContext(scopes: ["brand_id": "2"])) == [])
    }

    @Test("exists: 404 4042 with the model name; soft-deleted rows do not exist")
    func exists() {
        let lookup = FakeLookup([.suppliers: [.init(id: 3, values: ["email": "prov@proveedor.com"])],
                                 .users: [.init(id: 4001, values: [:], deleted: true)]])
        let session = EgresosEndpointRules.supplierSession.body
        #expect(failures(session, json(#"{"email": "prov@proveedor.com", "password": "12345678"}"#), lookup: lookup) == [])
        let missing = outcome(session, json(#"{"email": "otro@proveedor.com", "password": "12345678"}"#), lookup: lookup)
        #expect(missing.failures == [ValidationFailure(field: "email", code: 4042, values: ["model": "Supplier"])])
        let path = EgresosEndpointRules.updateUser.path
        #expect(failures(path, form([("user_id", .string("4001"))]), lookup: lookup) == ["user_id:4042"])
        #expect(failures(path, form([("user_id", .string("abc"))]), lookup: lookup) == ["user_id:42222"])
        for table in ValidationTable.allCases {
            let result = outcome([("id", "required|exists:\(table.rawValue),id")], form([("id", .string("1"))]))
            #expect(result.failures.first?.values == ["model": table.model])
        }
        #expect(ValidationTable.allCases.map(\.model) == ["User", "Customer", "Brand", "Project", "Supplier", "Billing",
                                                          "Quotation", "SupplierQuotation", "PaymentSchedule", "Supply",
                                                          "Refund", "Expense", "Notification"])
    }

    @Test("files: too large 415 4153, a text instead of a file 415 4154, a wrong extension 415 4151")
    func files() {
        let rules = EgresosEndpointRules.createCustomer.body
        let base: [(String, Input)] = [("name", .string("Grupo Modelo")), ("payment_conditions", .string("30"))]
        #expect(failures(rules, form(base + [("picture", upload("logo.jpeg"))])) == [])
        #expect(failures(rules, form(base + [("picture", upload("logo.png", size: 6 * 1024 * 1024))])) == ["picture:4153"])
        #expect(failures(rules, form(base + [("picture", .string("logo.png"))])) == ["picture:4154"])
        #expect(failures(rules, form(base + [("picture", upload("logo.gif"))])) == ["picture:4151"])
        #expect(failures(rules, form(base)) == ["picture:4001"])
        #expect(failures(EgresosEndpointRules.uploadBill.body, form([("billing_file", upload("factura.xml"))])) == [])
    }

    @Test("validate throws the field error with the lowest status")
    func lowestStatus() throws {
        let engine = ValidationEngine(lookup: FakeLookup())
        let schema = EgresosEndpointRules.createCustomer.bodySchema
        #expect(throws: EgresosValidationError.self) { try engine.validate(form([]), against: schema) }
        do {
            _ = try engine.validate(form([("name", .string("Grupo Modelo!")), ("picture", .string("x"))]), against: schema)
            Issue.record("expected a validation error")
        } catch let error as EgresosValidationError {
            #expect(error.failures.map(\.code) == [4228, 4001, 4154])
            #expect(error.status == 400)
        }
        let conflict = EgresosValidationError(failures: [.init(field: "a", code: 42216), .init(field: "b", code: 4093),
                                                         .init(field: "c", code: 4153), .init(field: "d", code: 4042)])
        #expect(conflict.status == 404)
        let values = try engine.validate(form([("name", .string("Grupo Modelo")), ("payment_conditions", .string("30")),
                                               ("picture", upload("a.png"))]), against: schema)
        #expect(values["payment_conditions"] == .number("30"))
    }
}

@Suite("Validation language: query strings and path parameters")
struct ValidationInputTests {
    @Test("query strings: #18 friendly and #22 filters, optional and validated when present")
    func query() {
        let projects = EgresosEndpointRules.listProjects.query
        #expect(failures(projects, ValidationInput.query(QueryParameters(""))) == [])
        let friendly = outcome(projects, ValidationInput.query(QueryParameters("friendly=true&friendly=nope")))
        #expect(friendly.passed)
        #expect(friendly.values["friendly"] == .bool(true))
        #expect(failures(projects, ValidationInput.query(QueryParameters("friendly=si"))) == ["friendly:42221"])
        let suppliers = EgresosEndpointRules.listSuppliers.query
        #expect(failures(suppliers, ValidationInput.query(QueryParameters("contact_name=Dr.%20Doofenshmirtz&business_activity=a")))
            == ["business_activity:4222"])
        #expect(failures(suppliers, ValidationInput.query(QueryParameters("contact_name=%3Cb%3E"))) == ["contact_name:42224"])
    }

    @Test("path parameters: the implicit exists of §1.1 step 5")
    func path() {
        let lookup = FakeLookup([.brands: [.init(id: 2, values: [:])]])
        let rules = EgresosEndpointRules.updateBrand.path
        #expect(failures(rules, ValidationInput.path(["brand_id": "2"]), lookup: lookup) == [])
        #expect(failures(rules, ValidationInput.path(["brand_id": "3"]), lookup: lookup) == ["brand_id:4042"])
        #expect(failures(rules, ValidationInput.path([:]), lookup: lookup) == ["brand_id:4001"])
    }
}
