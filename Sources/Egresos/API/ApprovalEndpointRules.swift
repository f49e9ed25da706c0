/// The rules of confirm and reject (egresos.md §2 #39, #41, #52, #53, #60, #61), as documented: the path id's
/// `exists` (404 `4042`), and `message`, which #39/#41/#52/#60 require (it may be `""`, `min:0`) and #53/#61
/// take only when sent (`sometimes`, §3.8).
extension EgresosEndpointRules {
    static let requiredMessage = ("message", "required|typeOf:string|min:0")
    static let optionalMessage = ("message", "sometimes|typeOf:string|min:0")

    /// #39 `POST /api/v1/quotations/:quotation_id/confirm`.
    public static let confirmQuotation = EndpointRules("#39 POST /api/v1/quotations/:quotation_id/confirm", path: [
        ("quotation_id", "required|typeOf:numeric|exists:quotation,id"),
    ], body: [requiredMessage])

    /// #41 `POST /api/v1/quotations/:quotation_id/reject`.
    public static let rejectQuotation = EndpointRules("#41 POST /api/v1/quotations/:quotation_id/reject", path: [
        ("quotation_id", "required|typeOf:numeric|exists:quotation,id"),
    ], body: [requiredMessage])

    /// #52 `POST /api/v1/supplies/:supply_id/confirm`.
    public static let confirmSupply = EndpointRules("#52 POST /api/v1/supplies/:supply_id/confirm", path: [
        ("supply_id", "required|typeOf:numeric|exists:supply,id"),
    ], body: [requiredMessage])

    /// #53 `POST /api/v1/supplies/:supply_id/reject`.
    public static let rejectSupply = EndpointRules("#53 POST /api/v1/supplies/:supply_id/reject", path: [
        ("supply_id", "required|typeOf:numeric|exists:supply,id"),
    ], body: [optionalMessage])

    /// #60 `POST /api/v1/refunds/:refund_id/confirm`.
    public static let confirmRefund = EndpointRules("#60 POST /api/v1/refunds/:refund_id/confirm", path: [
        ("refund_id", "required|typeOf:numeric|exists:refund,id"),
    ], body: [requiredMessage])

    /// #61 `POST /api/v1/refunds/:refund_id/reject`.
    public static let rejectRefund = EndpointRules("#61 POST /api/v1/refunds/:refund_id/reject", path: [
        ("refund_id", "required|typeOf:numeric|exists:refund,id"),
    ], body: [optionalMessage])

    /// The approval endpoints' rule sets.
    public static let approvalEndpoints = [confirmQuotation, rejectQuotation, confirmSupply, rejectSupply, confirmRefund,
                                           rejectRefund]
}
