/// The rules of the supply and refund endpoints (egresos.md §2 #46-#51, #54-#59, EXT-1..EXT-4, §3.8), declared
/// once for both kinds: `X` is `supply` or `refund` (`supply_id`, `exists:supply,id`). The doc's rules in the
/// pipe form, with:
/// * §13 decision 32: refunds accept `payment_method` too, and both accept the EXT `quotation` link (`sometimes,
///   nullable, typeOf:numeric, exists:quotation,id`, §3.8);
/// * ruling E10: `cost_in_cents` is at most 10^13 cents (and whole: the engine's money keys);
/// * the nested path id belongs to its parent (`exists:expense,id,supply_id`, §1.1 step 5);
/// * EXT: an edit may change the expense's `supplier_id` (the doc's #47/#55 table lists no way to correct it).
struct SpendingRules: Sendable {
    let kind: SpendingKind
    /// #46/#54 `POST /api/v1/X/expenses`.
    let createExpense: EndpointRules
    /// #47/#55 `PUT /api/v1/X/:X_id/expenses/:expense_id`.
    let updateExpense: EndpointRules
    /// #48/#56 `DELETE /api/v1/X/:X_id/expenses/:expense_id`.
    let deleteExpense: EndpointRules
    /// #49/#57 `POST` and EXT-2/EXT-4 `GET /api/v1/X/:X_id` (a body is ignored).
    let show: EndpointRules
    /// #51/#59 `DELETE /api/v1/X/:X_id`.
    let delete: EndpointRules

    static let voucher = "size:5Mb|extension:pdf,jpg,png,doc,docx,xlsx"
    static let maxCents = "max:10000000000000"

    init(_ kind: SpendingKind) {
        self.kind = kind
        let (number, x, id) = (kind == .supply ? ("#46", "/api/v1/supplies", "supply_id") : ("#54", "/api/v1/refunds", "refund_id"))
        let offset = kind == .supply ? 46 : 54
        let parent = (id, "required|typeOf:numeric|exists:\(kind.rawValue),id")
        let expense = ("expense_id", "required|typeOf:numeric|exists:expense,id,\(id)")
        let context: [(String, String)] = [
            ("customer", "sometimes|typeOf:numeric|exists:customer,id"),
            ("brand", "sometimes|typeOf:numeric|exists:brand,id"),
            ("project", "sometimes|typeOf:numeric|exists:project,id"),
            ("quotation", "sometimes|nullable|typeOf:numeric|exists:quotation,id"),
            ("payment_method", "sometimes|typeOf:string|in:cash,direct_bank_transfer"),
        ]
        createExpense = EndpointRules("\(number) POST \(x)/expenses", body: [
            (id, "sometimes|typeOf:numeric|exists:\(kind.rawValue),id"),
        ] + context + [
            ("supplier_id", "required|typeOf:numeric|exists:supplier,id"),
            ("concept", "required|typeOf:string|min:1|max:512"),
            ("cost_in_cents", "required|typeOf:number|min:0|\(Self.maxCents)"),
            ("comments", "required|typeOf:string"),
            ("voucher_file", "sometimes|\(Self.voucher)"),
        ])
        updateExpense = EndpointRules("#\(offset + 1) PUT \(x)/:\(id)/expenses/:expense_id", path: [parent, expense], body: [
            (id, "sometimes|typeOf:numeric|exists:\(kind.rawValue),id"),
        ] + context + [
            ("supplier_id", "sometimes|typeOf:numeric|exists:supplier,id"),
            ("concept", "sometimes|typeOf:string|min:1|max:512"),
            ("cost_in_cents", "sometimes|typeOf:number|min:0|\(Self.maxCents)"),
            ("comments", "sometimes|typeOf:string"),
            ("voucher_file", "sometimes|\(Self.voucher)"),
        ])
        deleteExpense = EndpointRules("#\(offset + 2) DELETE \(x)/:\(id)/expenses/:expense_id", path: [parent, expense])
        show = EndpointRules("#\(offset + 3) POST|GET \(x)/:\(id)", path: [parent])
        delete = EndpointRules("#\(offset + 5) DELETE \(x)/:\(id)", path: [parent])
    }

    /// Every rule set of this kind.
    var all: [EndpointRules] { [createExpense, updateExpense, deleteExpense, show, delete] }

    static let supply = SpendingRules(.supply)
    static let refund = SpendingRules(.refund)

    /// The rules of `kind`.
    static func of(_ kind: SpendingKind) -> SpendingRules { kind == .supply ? supply : refund }
}
