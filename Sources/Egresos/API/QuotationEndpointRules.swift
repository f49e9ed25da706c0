/// The rules of the quotation endpoints (egresos.md §2 #33-#38, #40, #42-#44, §3.5, §3.6, §6.4), the doc's rules in
/// the pipe form with the §13 decisions and rulings applied:
/// * #33/#34 `payment_conditions` is `typeOf:number|min:0|max:365` (ruling E10: 0–365 by rule, a fraction is a 422;
///   `typeOf:numeric` would count `min`/`max` in characters, decision 37); `cost_in_cents` and schedule `amount`s
///   are at most 10^13 cents (E10);
/// * #33 `project_end_date` ≥ `project_start_date` (42215); #34 checks the end sent, or the stored end, against
///   the start sent, or the stored start (`dateRange:project_start_date,quotation`);
/// * decision 38: #34 `project_id` is optional (it moves the quotation);
/// * decision 5: `payment_schedule[].payment_method` is `in:cash,direct_bank_transfer`; decision 10: the schedule
///   may be an array, a JSON string or a single-quoted string (`typeOf:JSONArray`); EXT per entry `amount` and
///   `billing_date` (§3.5 #35);
/// * decision 12: `:supplier_id` of #36/#37/#44 is a supplier quotation id, and in #36/#37 it must belong to the
///   path's quotation (`exists:supplierquotation,id,quotation_id`, 404 `4042`);
/// * free texts stored in TEXT columns (`comments`, `message`) take at most 16000 characters (64 KB in UTF-8), so a
///   longer one is a 422 `4223`, never a database error.
extension EgresosEndpointRules {
    static let maxCents = "max:10000000000000"
    static let maxText = "max:16000"

    static let scheduleItems: [(String, String)] = [
        ("payment_schedule", "required|typeOf:JSONArray|min:1"),
        ("payment_schedule[].payment_date", "required|date:YYYY-MM-DD"),
        ("payment_schedule[].payment_method", "required|typeOf:string|in:cash,direct_bank_transfer"),
        ("payment_schedule[].amount", "sometimes|typeOf:number|min:0|\(maxCents)"),
        ("payment_schedule[].billing_date", "sometimes|nullable|date:YYYY-MM-DD"),
    ]

    /// #33 `POST /api/v1/projects/:project_id/quotations`.
    public static let createQuotation = EndpointRules("#33 POST /api/v1/projects/:project_id/quotations", path: [
        ("project_id", "required|typeOf:numeric|exists:project,id"),
    ], body: [
        ("quotation_file", "required|\(document)"),
        ("confirmation_file", "sometimes|\(document)"),
        ("location", "sometimes|typeOf:string|min:1|max:512"),
        ("billing_date", "required|date:YYYY-MM-DD"),
        ("purchase_order", "sometimes|typeOf:string|min:0|max:200"),
        ("payment_conditions", "sometimes|typeOf:number|min:0|max:365"),
        ("project_start_date", "required|date:YYYY-MM-DD"),
        ("project_end_date", "required|date:YYYY-MM-DD|dateRange:project_start_date"),
        ("cost_in_cents", "required|typeOf:number|min:1|\(maxCents)"),
    ])

    /// #34 `PUT /api/v1/quotations/:quotation_id`.
    public static let updateQuotation = EndpointRules("#34 PUT /api/v1/quotations/:quotation_id", path: [
        ("quotation_id", "required|typeOf:numeric|exists:quotation,id"),
    ], body: [
        ("project_id", "sometimes|typeOf:numeric|exists:project,id"),
        ("quotation_file", "sometimes|\(document)"),
        ("confirmation_file", "sometimes|\(document)"),
        ("location", "sometimes|typeOf:string|min:1|max:512"),
        ("billing_date", "sometimes|date:YYYY-MM-DD"),
        ("purchase_order", "sometimes|typeOf:string|min:0|max:200"),
        ("payment_conditions", "sometimes|typeOf:number|min:0|max:365"),
        ("project_start_date", "sometimes|date:YYYY-MM-DD"),
        ("project_end_date", "sometimes|date:YYYY-MM-DD|dateRange:project_start_date,quotation"),
        ("cost_in_cents", "sometimes|typeOf:number|min:1|\(maxCents)"),
        ("priority", "sometimes|in:low,medium,urgent|typeOf:string|min:3|max:6"),
    ])

    /// #35 `POST /api/v1/quotations/:quotation_id/suppliers`.
    public static let createSupplierQuotation = EndpointRules("#35 POST /api/v1/quotations/:quotation_id/suppliers", path: [
        ("quotation_id", "required|typeOf:numeric|exists:quotation,id"),
    ], body: [
        ("supplier_id", "required|typeOf:numeric|exists:supplier,id"),
        ("concept", "required|typeOf:string|min:1|max:512"),
        ("cost_in_cents", "required|typeOf:number|min:0|\(maxCents)"),
        ("comments", "required|typeOf:string|\(maxText)"),
        ("quotation_file", "sometimes|\(document)"),
    ] + scheduleItems)

    static let supplierQuotationPath: [(String, String)] = [
        ("quotation_id", "required|typeOf:numeric|exists:quotation,id"),
        ("supplier_id", "required|typeOf:numeric|exists:supplierquotation,id,quotation_id"),
    ]

    /// #36 `PUT /api/v1/quotations/:quotation_id/suppliers/:supplier_id` (decision 12; §3.5: a schedule sent
    /// replaces the rows, one omitted keeps them, re-split when the cost changes).
    public static let updateSupplierQuotation = EndpointRules(
        "#36 PUT /api/v1/quotations/:quotation_id/suppliers/:supplier_id", path: supplierQuotationPath, body: [
            ("concept", "sometimes|typeOf:string|min:1|max:512"),
            ("cost_in_cents", "sometimes|typeOf:number|min:0|\(maxCents)"),
            ("comments", "sometimes|typeOf:string|\(maxText)"),
            ("quotation_file", "sometimes|\(document)"),
        ] + [("payment_schedule", "sometimes|typeOf:JSONArray|min:1")] + scheduleItems.dropFirst())

    /// #37 `DELETE /api/v1/quotations/:quotation_id/suppliers/:supplier_id`.
    public static let deleteSupplierQuotation = EndpointRules(
        "#37 DELETE /api/v1/quotations/:quotation_id/suppliers/:supplier_id", path: supplierQuotationPath)

    /// #38 `GET /api/v1/quotations/:quotation_id/resume`, #40 `GET /api/v1/quotations/:quotation_id`.
    public static let showQuotation = EndpointRules("#38/#40 GET /api/v1/quotations/:quotation_id", path: [
        pathID("quotation_id", "quotation"),
    ])

    /// #42 `GET /api/v1/quotations`: no input.
    public static let listQuotations = EndpointRules("#42 GET /api/v1/quotations")

    /// #43 `GET /api/v1/projects/:project_id/quotations`.
    public static let projectQuotations = EndpointRules("#43 GET /api/v1/projects/:project_id/quotations", path: [
        pathID("project_id", "project"),
    ])

    /// #44 `POST /api/v1/supplierquotations/:supplier_id/comments`.
    public static let commentSupplierQuotation = EndpointRules("#44 POST /api/v1/supplierquotations/:supplier_id/comments", path: [
        ("supplier_id", "required|typeOf:numeric|exists:supplierquotation,id"),
    ], body: [
        ("message", "sometimes|typeOf:string|min:0|\(maxText)"),
        ("status", "sometimes|typeOf:string|in:good,bad,info"),
    ])

    /// The quotation endpoints of this part.
    public static let quotationEndpoints: [EndpointRules] = [
        createQuotation, updateQuotation, createSupplierQuotation, updateSupplierQuotation, deleteSupplierQuotation,
        showQuotation, listQuotations, projectQuotations, commentSupplierQuotation,
    ]
}
