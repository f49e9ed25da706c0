/// The validation rules of one endpoint, as data in the pipe form of egresos.md §8.1: path parameters
/// (checked first and alone, §1.1 step 5), query parameters and body fields, each in the doc's table order.
/// The rule strings are parsed once, when the rule set is declared (a `static let`, first touched by
/// `EgresosEndpointRules.checkDeclared()` at start-up), never per request.
public struct EndpointRules: Sendable {
    /// The endpoint, as in egresos.md §2 (`"#2 POST /api/v1/users"`).
    public let endpoint: String
    /// Path parameters (`user_id`); the documented rule, or the implicit `exists` of §1.1 step 5.
    public let path: [(String, String)]
    /// Query parameters.
    public let query: [(String, String)]
    /// Body fields.
    public let body: [(String, String)]
    /// The three parts parsed, or the first malformed rule.
    private let parsed: Result<[ValidationSchema], RuleParseError>

    init(_ endpoint: String, path: [(String, String)] = [], query: [(String, String)] = [],
         body: [(String, String)] = []) {
        self.endpoint = endpoint
        self.path = path
        self.query = query
        self.body = body
        parsed = Result(catching: { () throws(RuleParseError) -> [ValidationSchema] in
            [try ValidationSchema(path), try ValidationSchema(query), try ValidationSchema(body)]
        })
    }

    /// The malformed rule of this declaration, if any (start-up refuses to serve then; the tests find it first).
    public var parseError: RuleParseError? {
        if case .failure(let error) = parsed { return error }
        return nil
    }

    /// The parsed path rules.
    public var pathSchema: ValidationSchema { schema(0) }
    /// The parsed query rules.
    public var querySchema: ValidationSchema { schema(1) }
    /// The parsed body rules.
    public var bodySchema: ValidationSchema { schema(2) }

    /// Part `index`; a malformed declaration never gets here, because the module does not start with one.
    private func schema(_ index: Int) -> ValidationSchema {
        switch parsed {
        case .success(let schemas): return schemas[index]
        case .failure(let error): preconditionFailure("malformed validation rule in \(endpoint): \(error)")
        }
    }
}

/// The rules of the part-1 endpoints (egresos.md §2 #2, #3, #9–#11, #14, #15, #18–#20, #22, #24–#28, #30 and
/// EXT-5/6), the doc's rules converted to the pipe form with the §13 decisions applied:
/// * decision 18: `unique:customer,name` on a brand name → `unique:brand,name`; `unique:brands,name` on the
///   customer name of #9 → `unique:customer,name`; `unique:brands,id` on a project name → unique within its brand
///   (`unique:project,name,brand_id`, the endpoint supplies `brand_id` as a scope); the stray `` business_name`` `` is dropped;
/// * decision 20: the "required" query filters of #18 and #22 are optional (`sometimes`);
/// * #2/#3: `email` also gets `max:255` (the column's length: a longer address is a 422 `4223`, never a 500)
///   and `role` the decided `in:` list of §3.1;
/// * decision 22: #9 `name` is required; decision 25: supplier e-mails are `unique:supplier,email`;
/// * EXT: #9 `brands` may be a JSON-array string (multipart) and its names must differ (`distinct`, 400 `4002`);
///   #14/#15 brand `picture` (§11); #19/#20 `grouper_id` and `collaborators` (decision 35); EXT-5/6 `billing_file`
///   (+ optional `billing_date`, decision 8); path parameters without a documented rule get the implicit
///   `required|typeOf:numeric|exists:<table>,id`.
public enum EgresosEndpointRules {
    static let image = "size:5Mb|extension:jpg,png"
    static let document = "size:5Mb|extension:pdf,jpg,png,doc,docx,xlsx"

    static func pathID(_ name: String, _ table: String) -> (String, String) {
        (name, "required|typeOf:numeric|exists:\(table),id")
    }

    /// #2 `POST /api/v1/users`.
    public static let createUser = EndpointRules("#2 POST /api/v1/users", body: [
        ("email", "required|typeOf:string|email|max:255|unique:user,email|regex:element"),
        ("name", "required|typeOf:string|min:1|max:120"),
        ("role", "required|typeOf:string|in:admin,rh,manager,grouper,account_manager,employee"),
        ("job_title", "required|typeOf:string|min:1|max:200"),
    ])

    /// #3 `PUT /api/v1/users/:user_id`.
    public static let updateUser = EndpointRules("#3 PUT /api/v1/users/:user_id", path: [
        ("user_id", "required|typeOf:numerid|exists:user,id"),
    ], body: [
        ("email", "sometimes|typeOf:string|email|max:255|unique:user,email|regex:element"),
        ("name", "sometimes|typeOf:string|min:1|max:120"),
        ("role", "sometimes|typeOf:string|in:admin,rh,manager,grouper,account_manager,employee"),
        ("job_title", "sometimes|typeOf:string|min:1|max:200"),
    ])

    /// #4 `GET /api/v1/users/:user_id` (the implicit `exists`).
    public static let showUser = EndpointRules("#4 GET /api/v1/users/:user_id", path: [pathID("user_id", "user")])

    /// #5 `DELETE /api/v1/users/:user_id` (the implicit `exists`).
    public static let deleteUser = EndpointRules("#5 DELETE /api/v1/users/:user_id", path: [pathID("user_id", "user")])

    /// #9 `POST /api/v1/customers/brands`.
    public static let createCustomerWithBrands = EndpointRules("#9 POST /api/v1/customers/brands", body: [
        ("name", "required|typeOf:string|min:1|max:120|regex:alphanumeric|unique:customer,name"),
        ("brands", "sometimes|typeOf:JSONArray"),
        ("brands[].name", "required|typeOf:string|min:3|max:20|regex:alphanumeric|distinct|unique:brands,name"),
        extCode, extDescription,
    ])

    /// #10 `POST /api/v1/customers`.
    public static let createCustomer = EndpointRules("#10 POST /api/v1/customers", body: [
        ("name", "required|typeOf:string|min:1|max:120|regex:alphanumeric|unique:customer,name"),
        ("payment_conditions", "required|typeOf:number|min:0|max:365"),
        ("picture", "required|\(image)"),
        extCode, extDescription,
    ])

    /// #11 `PUT /api/v1/customers/:customer_id`.
    public static let updateCustomer = EndpointRules("#11 PUT /api/v1/customers/:customer_id", path: [
        pathID("customer_id", "customer"),
    ], body: [
        ("name", "sometimes|typeOf:string|min:1|max:120|regex:alphanumeric|unique:customer,name"),
        ("payment_conditions", "sometimes|typeOf:number|min:0|max:365"),
        ("picture", "sometimes|\(image)"),
        extCode, extDescription,
    ])

    /// #14 `POST /api/v1/customers/:customer_id/brands`.
    public static let createBrand = EndpointRules("#14 POST /api/v1/customers/:customer_id/brands", path: [
        pathID("customer_id", "customer"),
    ], body: [
        ("name", "required|typeOf:string|min:3|max:30|regex:alphanumeric|unique:brand,name"),
        ("picture", "sometimes|\(image)"),
        extBrandCode, extDescription,
    ])

    /// #15 `PUT /api/v1/brands/:brand_id`.
    public static let updateBrand = EndpointRules("#15 PUT /api/v1/brands/:brand_id", path: [
        ("brand_id", "required|typeOf:numeric|exists:brand,id"),
    ], body: [
        ("name", "sometimes|typeOf:string|min:3|max:30|regex:alphanumeric|unique:brand,name"),
        ("picture", "sometimes|\(image)"),
        extBrandCode, extDescription,
    ])

    /// #18 `GET /api/v1/projects`.
    public static let listProjects = EndpointRules("#18 GET /api/v1/projects", query: [
        ("friendly", "sometimes|typeOf:boolean"),
    ])

    /// #19 `POST /api/v1/brands/:brand_id/projects`.
    public static let createProject = EndpointRules("#19 POST /api/v1/brands/:brand_id/projects", path: [
        pathID("brand_id", "brand"),
    ], body: [
        ("name", "required|typeOf:string|min:3|max:30|regex:alphanumeric|unique:project,name,brand_id"),
        ("description", "sometimes|typeOf:string|min:0|max:255|regex:alphanumeric|nullable"),
        ("folio", "sometimes|typeOf:string|min:3|max:10|regex:numeric|unique:project,folio"),
        ("grouper_id", "sometimes|nullable|typeOf:numeric|exists:user,id"),
        ("collaborators", "sometimes|typeOf:JSONArray|distinct"),
        ("collaborators[]", "required|typeOf:numeric|exists:user,id"),
    ])

    /// #20 `PUT /api/v1/projects/:project_id`.
    public static let updateProject = EndpointRules("#20 PUT /api/v1/projects/:project_id", path: [
        pathID("project_id", "project"),
    ], body: [
        ("folio", "sometimes|typeOf:string|min:3|max:10|regex:numeric|unique:project,folio"),
        ("name", "sometimes|typeOf:string|min:3|max:30|regex:alphanumeric|unique:project,name,brand_id"),
        ("description", "sometimes|typeOf:string|min:0|max:255|regex:alphanumeric|nullable"),
        ("grouper_id", "sometimes|nullable|typeOf:numeric|exists:user,id"),
        ("collaborators", "sometimes|typeOf:JSONArray|distinct"),
        ("collaborators[]", "required|typeOf:numeric|exists:user,id"),
    ])

    /// #22 `GET /api/v1/suppliers`.
    public static let listSuppliers = EndpointRules("#22 GET /api/v1/suppliers", query: [
        ("contact_name", "sometimes|typeOf:string|regex:name|min:2|max:100"),
        ("business_activity", "sometimes|typeOf:string|min:2|max:255"),
    ])

    static let supplierFields: [(String, String)] = [
        ("company_name", "required|typeOf:string|regex:name|min:2|max:100|unique:supplier,company_name"),
        ("contact_name", "required|typeOf:string|regex:name|min:2|max:100"),
        ("payment_conditions", "sometimes|typeOf:number|min:1|max:365"),
        ("phone", "required|typeOf:string|regex:phone|min:10|max:15"),
        ("email", "required|typeOf:string|email|min:10|max:100|unique:supplier,email"),
        ("business_activity", "required|typeOf:string|min:2|max:255"),
        ("picture", "sometimes|size:5Mb|extension:jpg,png,jpeg"),
    ]

    /// #23 `GET /api/v1/suppliers/:supplier_id`.
    public static let showSupplier = EndpointRules("#23 GET /api/v1/suppliers/:supplier_id", path: [
        pathID("supplier_id", "supplier"),
    ])

    /// #24 `POST /api/v1/suppliers`.
    public static let createSupplier = EndpointRules("#24 POST /api/v1/suppliers", body: supplierFields)

    /// #25 `PUT /api/v1/suppliers/:supplier_id` (the same seven lines; decision 24 keeps `required`).
    public static let updateSupplier = EndpointRules("#25 PUT /api/v1/suppliers/:supplier_id", path: [
        pathID("supplier_id", "supplier"),
    ], body: supplierFields)

    /// EXT-7 `PUT /api/v1/payment_schedules/:payment_schedule_id/paid` (admin; ruling 3: the default date is today
    /// in the module's time zone).
    public static let markPaymentPaid = EndpointRules("EXT-7 PUT /api/v1/payment_schedules/:payment_schedule_id/paid", path: [
        pathID("payment_schedule_id", "paymentschedule"),
    ], body: [
        ("paid_at", "sometimes|date:YYYY-MM-DD"),
    ])

    /// #26 `POST /api/v1/suppliers/session`.
    public static let supplierSession = EndpointRules("#26 POST /api/v1/suppliers/session", body: [
        ("email", "required|typeOf:string|email|min:10|max:100|exist:supplier,email"),
        ("password", "required|typeOf:string|min:8|max:16"),
    ])

    /// #27 `PUT /api/v1/suppliers/password`.
    public static let setSupplierPassword = EndpointRules("#27 PUT /api/v1/suppliers/password", body: [
        ("token", "required|typeOf:string|exact:32"),
        ("password", "required|typeOf:string|min:8|max:16|confirmation"),
    ])

    /// #28 `POST /api/v1/suppliers/recovery`.
    public static let supplierRecovery = EndpointRules("#28 POST /api/v1/suppliers/recovery", body: [
        ("email", "required|typeOf:string|email|min:10|max:100|exist:supplier,email"),
    ])

    /// #30 `POST /api/v1/suppliers/billing` when the supplier has no billing yet.
    public static let createBilling = EndpointRules("#30 POST /api/v1/suppliers/billing (new)", body: [
        ("account_status_file", "sometimes|\(document)"),
        ("name", "required|typeOf:string|min:2|max:100|unique:billing,name"),
        ("contact_name", "required|typeOf:string|min:2|max:100"),
        ("contact_phone", "required|typeOf:string|regex:phone|min:10|max:15"),
        ("rfc", "required|typeOf:string|min:2|max:20|unique:billing,rfc"),
        ("business_name", "required|typeOf:string|min:2|max:100|unique:billing,business_name"),
        ("banking_institution", "required|typeOf:string|min:2|max:100"),
        ("bank_account", "required|typeOf:numeric|min:2|max:60"),
        ("concept", "required|typeOf:string|min:2|max:255"),
    ])

    /// #30 `POST /api/v1/suppliers/billing` when a billing is stored: `sometimes`, no unique rules.
    public static let updateBilling = EndpointRules("#30 POST /api/v1/suppliers/billing (existing)", body: [
        ("account_status_file", "sometimes|\(document)"),
        ("name", "sometimes|typeOf:string|min:2|max:100"),
        ("contact_name", "sometimes|typeOf:string|min:2|max:100"),
        ("contact_phone", "sometimes|typeOf:string|regex:phone|min:10|max:15"),
        ("rfc", "sometimes|typeOf:string|min:2|max:20"),
        ("business_name", "sometimes|typeOf:string|min:2|max:100"),
        ("banking_institution", "sometimes|typeOf:string|min:2|max:100"),
        ("bank_account", "sometimes|typeOf:numeric|min:2|max:60"),
        ("concept", "sometimes|typeOf:string|min:2|max:255"),
    ])

    /// EXT-5/6 `POST|PUT /api/v1/suppliers/payment_schedules/:payment_schedule_id` (the invoice upload).
    public static let uploadBill = EndpointRules("EXT-5/6 POST|PUT /api/v1/suppliers/payment_schedules/:payment_schedule_id", path: [
        pathID("payment_schedule_id", "paymentschedule"),
    ], body: [
        ("billing_file", "required|size:5Mb|extension:pdf,xml,jpg,png,doc,docx,xlsx"),
        ("billing_date", "sometimes|nullable|date:YYYY-MM-DD"),
    ])

    /// #66 `PUT /api/v1/notifications/:notification_id/read` (the implicit `exists`; live notifications only).
    public static let readNotification = EndpointRules("#66 PUT /api/v1/notifications/:notification_id/read", path: [
        pathID("notification_id", "notification"),
    ])

    /// Every declared endpoint.
    public static let all: [EndpointRules] = [
        createUser, updateUser, showUser, deleteUser, createCustomerWithBrands, createCustomer, updateCustomer, createBrand, updateBrand,
        listProjects, createProject, updateProject, listSuppliers, createSupplier, updateSupplier, supplierSession,
        setSupplierPassword, supplierRecovery, createBilling, updateBilling, uploadBill, readNotification, showSupplier,
        markPaymentPaid,
    ] + SpendingRules.supply.all + SpendingRules.refund.all
}
