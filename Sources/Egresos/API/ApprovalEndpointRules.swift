/// The rules of confirm and reject (egresos.md §2 #39, #41, #52, #53, #60, #61), as documented: the path id's
/// `exists` (404 `4042`), and `message`, which #39/#41/#52/#60 require (it may be `""`, `min:0`) and #53/#61
/// take only when sent (`sometimes`, §3.8).
extension EgresosEndpointRules {
    /// `POST /api/v1/<collection>/:<id>/<action>` with its path id and `message`.
    static func decision(_ number: String, _ collection: String, _ id: String, _ table: String, _ action: String,
                         messageRequired: Bool = true) -> EndpointRules {
        EndpointRules("\(number) POST /api/v1/\(collection)/:\(id)/\(action)",
                      path: [(id, "required|typeOf:numeric|exists:\(table),id")],
                      body: [("message", (messageRequired ? "required" : "sometimes") + "|typeOf:string|min:0")])
    }

    /// #39 `POST /api/v1/quotations/:quotation_id/confirm`.
    public static let confirmQuotation = decision("#39", "quotations", "quotation_id", "quotation", "confirm")
    /// #41 `POST /api/v1/quotations/:quotation_id/reject`.
    public static let rejectQuotation = decision("#41", "quotations", "quotation_id", "quotation", "reject")
    /// #52 `POST /api/v1/supplies/:supply_id/confirm`.
    public static let confirmSupply = decision("#52", "supplies", "supply_id", "supply", "confirm")
    /// #53 `POST /api/v1/supplies/:supply_id/reject`.
    public static let rejectSupply = decision("#53", "supplies", "supply_id", "supply", "reject", messageRequired: false)
    /// #60 `POST /api/v1/refunds/:refund_id/confirm`.
    public static let confirmRefund = decision("#60", "refunds", "refund_id", "refund", "confirm")
    /// #61 `POST /api/v1/refunds/:refund_id/reject`.
    public static let rejectRefund = decision("#61", "refunds", "refund_id", "refund", "reject", messageRequired: false)

    /// The approval endpoints' rule sets.
    public static let approvalEndpoints = [confirmQuotation, rejectQuotation, confirmSupply, rejectSupply, confirmRefund,
                                           rejectRefund]
}
