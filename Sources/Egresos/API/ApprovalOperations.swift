import HTTPCore

/// Confirm and reject as data (egresos.md §2 #39, #41, #52, #53, #60, #61; §7.1, §7.2): 204, or 403 `4031` for a
/// caller the chain does not admit at that step, 409 `"409"` in a status where the action means nothing.
enum ApprovalOperations {
    typealias Rules = EgresosEndpointRules
    static let quoting = EgresosAccess.roles(.admin, .grouper, .accountManager)

    /// A `POST` decision on one item: 204 with no body, or 409.
    static func decision(_ rules: EndpointRules, _ tag: String, _ summary: String, access: EgresosAccess = quoting) -> EgresosOperation {
        let path = rules.endpoint.split(separator: " ")[2].split(separator: "/").map { segment in
            segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : String(segment)
        }.joined(separator: "/")
        return EgresosOperation(method: .post, path: "/" + path, tag: tag, summary: summary, access: access, rules: [rules],
                                status: 204, errors: [409])
    }

    static let confirmQuotation = decision(Rules.confirmQuotation, "Quotations",
        "#39 Submits a draft (to the project's grouper or the directors) or accepts it as its reviewer; message → comment")
    static let rejectQuotation = decision(Rules.rejectQuotation, "Quotations",
        "#41 Rejects a quotation under review (its grouper at status 1, a director at 1 or 2); terminal",
        access: .roles(.admin, .grouper))
    static let confirmSupply = decision(Rules.confirmSupply, "Supplies",
        "#52 Submits a draft supply or accepts it as its reviewer (approval stamps every expense)")
    static let rejectSupply = decision(Rules.rejectSupply, "Supplies", "#53 Rejects a supply under review (stamps every expense); terminal")
    static let confirmRefund = decision(Rules.confirmRefund, "Refunds",
        "#60 Submits a draft refund or accepts it as its reviewer (approval stamps every expense)")
    static let rejectRefund = decision(Rules.rejectRefund, "Refunds", "#61 Rejects a refund under review (stamps every expense); terminal")

    static let all = [confirmQuotation, rejectQuotation, confirmSupply, rejectSupply, confirmRefund, rejectRefund]
}
