import HTTPCore

/// Confirm and reject as data (egresos.md §2 #39, #41, #52, #53, #60, #61; §7.1, §7.2): 204, or 403 `4031` for a
/// caller the chain does not admit at that step, 409 `"409"` in a status where the action means nothing.
enum ApprovalOperations {
    typealias Rules = EgresosEndpointRules
    static let quoting = EgresosAccess.roles(.admin, .grouper, .accountManager)

    static let confirmQuotation = EgresosOperation(
        method: .post, path: "/api/v1/quotations/{quotation_id}/confirm", tag: "Quotations",
        summary: "#39 Submits a draft (to the project's grouper or the directors) or accepts it as its reviewer; message → comment",
        access: quoting, rules: [Rules.confirmQuotation], status: 204, errors: [409])
    static let rejectQuotation = EgresosOperation(
        method: .post, path: "/api/v1/quotations/{quotation_id}/reject", tag: "Quotations",
        summary: "#41 Rejects a quotation under review (its grouper at status 1, a director at 1 or 2); terminal",
        access: .roles(.admin, .grouper), rules: [Rules.rejectQuotation], status: 204, errors: [409])
    static let confirmSupply = EgresosOperation(
        method: .post, path: "/api/v1/supplies/{supply_id}/confirm", tag: "Supplies",
        summary: "#52 Submits a draft supply or accepts it as its reviewer (approval stamps every expense)",
        access: quoting, rules: [Rules.confirmSupply], status: 204, errors: [409])
    static let rejectSupply = EgresosOperation(
        method: .post, path: "/api/v1/supplies/{supply_id}/reject", tag: "Supplies",
        summary: "#53 Rejects a supply under review (stamps every expense); terminal",
        access: quoting, rules: [Rules.rejectSupply], status: 204, errors: [409])
    static let confirmRefund = EgresosOperation(
        method: .post, path: "/api/v1/refunds/{refund_id}/confirm", tag: "Refunds",
        summary: "#60 Submits a draft refund or accepts it as its reviewer (approval stamps every expense)",
        access: quoting, rules: [Rules.confirmRefund], status: 204, errors: [409])
    static let rejectRefund = EgresosOperation(
        method: .post, path: "/api/v1/refunds/{refund_id}/reject", tag: "Refunds",
        summary: "#61 Rejects a refund under review (stamps every expense); terminal",
        access: quoting, rules: [Rules.rejectRefund], status: 204, errors: [409])

    static let all = [confirmQuotation, rejectQuotation, confirmSupply, rejectSupply, confirmRefund, rejectRefund]
}
