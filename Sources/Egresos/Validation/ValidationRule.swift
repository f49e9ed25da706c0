/// One rule of Egresos' validation language (egresos.md §8). Endpoints declare their fields as data in the
/// doc's pipe form (`"required|typeOf:string|email|unique:users,email|regex:element"`); `RuleParser` turns
/// each string into these values once, at start-up.
public enum ValidationRule: Sendable, Equatable {
    /// The key must be present (absent → 400 `4001`; null, `""` or whitespace → 422 `4221`).
    case required
    /// An absent key skips every rule of the field.
    case sometimes
    /// A present `null` skips the remaining rules (without it, `null` → 422 `4221`).
    case nullable
    /// The value's type; converts strings from forms and query strings (§8.2).
    case typeOf(ValueType)
    /// Strings and numeric strings: length in code points ≥ N; numbers: value ≥ N; arrays: count ≥ N (4222).
    case min(Int)
    /// The same with ≤ N (4223).
    case max(Int)
    /// String length = N (4226).
    case exact(Int)
    /// A file's size limit (415 `4153`), or a string/number length (as `exact`).
    case size(SizeLimit)
    /// The lower-cased extension of the uploaded file's name is in the list (`jpeg` ≡ `jpg`) (415 `4151`).
    case fileExtension([String])
    /// `^[^\s@]+@[^\s@]+\.[^\s@]+$` (42216).
    case email
    /// No other active row has the value in `column` (case-insensitive) → 409 `4093`. `scope` names a column
    /// whose value the endpoint supplies (`ValidationContext.scopes`): uniqueness within a parent
    /// (egresos.md §13 decision 18: a project name is unique within its brand).
    case unique(ValidationTable, column: String, scope: String?)
    /// An active row has the value in `column` → else 404 `4042`. `scope` names a parent column (`quotation_id`
    /// of `exists:supplierquotation,id,quotation_id`): the row must also belong to the parent, whose id comes
    /// from the endpoint (`ValidationContext.scopes`, the path) or else from the same object; no parent → 4042
    /// (§1.1 step 5: nested ids must belong to their parent).
    case exists(ValidationTable, column: String, scope: String? = nil)
    /// `<field>_confirmation` is present and equal (4225).
    case confirmation
    /// `same:<other>`: field `other` of the same object is present and equal, as sent (4225 on this field; the
    /// second 4225 table of §8.2).
    case same(String)
    /// A date in `format` (only `YYYY-MM-DD`), and a real calendar date (4229).
    case date(format: String)
    /// One of the listed values, exact and case-sensitive (42210).
    case oneOf([String])
    /// One of the named patterns.
    case regex(RegexKind)
    /// EXT: this date is on or after the date in field `other` of the same object (42215). With `stored`
    /// (`dateRange:project_start_date,quotation`), an edit of the row `ValidationContext.excludingIDs[stored]`
    /// that sends one end only is checked against the stored other end: this date against the stored `other`,
    /// or, when only `other` is sent, the stored value of this field against it (42215 on this field either way).
    case dateRange(after: String, stored: ValidationTable? = nil)
    /// EXT: no duplicate values: among an array's items, or among the same field of an array's items (400 `4002`).
    case distinct
}

/// The types of `typeOf:` (§8.2).
public enum ValueType: Sendable, Equatable {
    /// A string.
    case string
    /// A string of digits with an optional decimal part, or a non-negative JSON number (`"0431.99"`).
    case numeric
    /// A finite number, or a string holding one.
    case number
    /// A JSON object.
    case object
    /// A JSON array, or a string that parses to one (`typeOf:JSONArray`).
    case array
    /// `true`/`false`, `0`/`1` and their strings.
    case boolean
    /// A type Egresos does not know: always fails with 42214 `{{type}}`.
    case other(String)
}

/// The patterns of `regex:` (§8.2).
public enum RegexKind: Sendable, Equatable {
    /// Letters (any script, with accents), digits and spaces (4228).
    case alphanumeric
    /// Letters and spaces (`regex:letters`, `regex:alphabetic`) (4227).
    case letters
    /// Letters, digits, spaces and `.,&'-` (42224).
    case name
    /// `http(s)://` and no whitespace (42213).
    case url
    /// Digits only (`regex:digits`, `regex:numeric`) (42222).
    case digits
    /// A canonical 8-4-4-4-12 hexadecimal UUID (42225).
    case deviceUUID
    /// `+` optional, then 10 to 15 digits (42226).
    case phone
    /// An e-mail address at one of the allowed company domains (4224).
    case element
    /// A pattern Egresos does not know: always fails with 4224.
    case other(String)
}

/// The argument of `size:`.
public enum SizeLimit: Sendable, Equatable {
    /// A file of at most this many bytes (`5Mb`).
    case bytes(Int)
    /// A string or number of exactly this length.
    case length(Int)
}

/// The tables `unique:` and `exists:` may name (egresos.md §4), with the columns they may check. SQL is built
/// only from these names; values are always bound.
public enum ValidationTable: String, Sendable, CaseIterable {
    case users, customers, brands, projects, suppliers, billings, quotations
    case supplierQuotations = "supplier_quotations"
    case paymentSchedules = "payment_schedules"
    case supplies, refunds, expenses, notifications

    /// The table's name in SQL.
    public var tableName: String { rawValue }

    /// The model name of 4042's `{{model}}`.
    public var model: String {
        switch self {
        case .users: "User"
        case .customers: "Customer"
        case .brands: "Brand"
        case .projects: "Project"
        case .suppliers: "Supplier"
        case .billings: "Billing"
        case .quotations: "Quotation"
        case .supplierQuotations: "SupplierQuotation"
        case .paymentSchedules: "PaymentSchedule"
        case .supplies: "Supply"
        case .refunds: "Refund"
        case .expenses: "Expense"
        case .notifications: "Notification"
        }
    }

    /// Whether rows are soft-deleted (`deleted_at`): such rows fail `exists` and are ignored by `unique`.
    public var softDeletes: Bool {
        switch self {
        case .users, .customers, .brands, .projects, .notifications: true
        default: false
        }
    }

    /// The indexed column that holds `column` on live rows only, when the table has one: `<column>_active`, under
    /// a unique key and the column's case-insensitive collation (0001, 0002). `unique:` finds its candidates
    /// through it (a few index entries) instead of reading every row of the table.
    public func liveIndexedColumn(_ column: String) -> String? {
        switch (self, column) {
        case (.customers, "name"), (.brands, "name"), (.projects, "name"): column + "_active"
        default: nil
        }
    }

    /// The columns rules may name (§4).
    public var columns: Set<String> {
        switch self {
        case .users: ["id", "user_id", "email", "name", "role", "job_title"]
        case .customers: ["id", "code", "name"]
        case .brands: ["id", "customer_id", "code", "name"]
        case .projects: ["id", "brand_id", "folio", "name"]
        case .suppliers: ["id", "company_name", "contact_name", "email", "phone"]
        case .billings: ["id", "supplier_id", "name", "rfc", "business_name", "bank_account"]
        case .quotations: ["id", "project_id", "project_start_date", "project_end_date"]
        case .supplierQuotations: ["id", "quotation_id", "supplier_id"]
        case .paymentSchedules: ["id", "supplier_quotation_id"]
        case .supplies, .refunds: ["id", "customer_id", "brand_id", "project_id", "quotation_id"]
        case .expenses: ["id", "supply_id", "refund_id", "supplier_id"]
        case .notifications: ["id"]
        }
    }

    /// The doc's table names, singular or plural (`user`, `brands`, `supplierquotation`), to the table.
    static func named(_ name: String) -> ValidationTable? {
        let key = String(name.lowercased().filter { $0 != "_" })
        switch key {
        case "user", "users": return .users
        case "customer", "customers": return .customers
        case "brand", "brands": return .brands
        case "project", "projects": return .projects
        case "supplier", "suppliers": return .suppliers
        case "billing", "billings": return .billings
        case "quotation", "quotations": return .quotations
        case "supplierquotation", "supplierquotations": return .supplierQuotations
        case "paymentschedule", "paymentschedules": return .paymentSchedules
        case "supply", "supplies": return .supplies
        case "refund", "refunds": return .refunds
        case "expense", "expenses": return .expenses
        case "notification", "notifications": return .notifications
        default: return nil
        }
    }
}
