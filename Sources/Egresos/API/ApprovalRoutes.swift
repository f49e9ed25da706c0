import AppCore
import HTTPCore

/// Confirm and reject of quotations, supplies and refunds (egresos.md §2 #39, #41, #52, #53, #60, #61; §1.1; §7):
/// one handler for the six routes. In one transaction: the Roles line (the route's middleware, 403 `4031`), the
/// path id (404 `4042`), the row locked and the chain's decision (403 `4031`, 409 `"409"`), then `message`, then
/// the writes of `ApprovalExecutor`.
struct ApprovalRoutes: EgresosInputReading {
    /// One route: its operation, the item and action it runs, and its path id.
    struct Endpoint: Sendable {
        let operation: EgresosOperation
        let item: ApprovalItem
        let action: ApprovalAction
        let pathID: String
        let table: ValidationTable
    }

    static let endpoints = [
        Endpoint(operation: ApprovalOperations.confirmQuotation, item: .quotation, action: .confirm, pathID: "quotation_id", table: .quotations),
        Endpoint(operation: ApprovalOperations.rejectQuotation, item: .quotation, action: .reject, pathID: "quotation_id", table: .quotations),
        Endpoint(operation: ApprovalOperations.confirmSupply, item: .supply, action: .confirm, pathID: "supply_id", table: .supplies),
        Endpoint(operation: ApprovalOperations.rejectSupply, item: .supply, action: .reject, pathID: "supply_id", table: .supplies),
        Endpoint(operation: ApprovalOperations.confirmRefund, item: .refund, action: .confirm, pathID: "refund_id", table: .refunds),
        Endpoint(operation: ApprovalOperations.rejectRefund, item: .refund, action: .reject, pathID: "refund_id", table: .refunds),
    ]

    func register(in router: inout Router<EgresosContext>) {
        for endpoint in Self.endpoints {
            router.add(endpoint.operation) { request, context in try Self.run(endpoint, request, context) }
        }
    }

    /// Confirm or reject → 204.
    static func run(_ endpoint: Endpoint, _ request: Request, _ context: EgresosContext) throws -> Response {
        guard let rules = endpoint.operation.rules.first else { throw EgresosError.internalError }
        let actor = try context.staffCaller().user
        let executor = ApprovalExecutor(repository: context.persistence.approvals, item: endpoint.item, action: endpoint.action)
        let settings = context.auth.settings
        let now = context.auth.clock.nowMilliseconds()
        try context.persistence.transaction {
            var decided: (id: Int, subject: ApprovalSubject, transition: ApprovalTransition)?
            let input = try context.validate(request, rules) { path in
                let id = EgresosInput.int(path, endpoint.pathID) ?? 0
                let (subject, transition) = try executor.decide(
                    id: id, caller: actor, missing: EgresosValidationError.notFound(endpoint.pathID, endpoint.table))
                decided = (id, subject, transition)
            }
            guard let decided else { throw EgresosError.internalError }
            try executor.commit(decided.transition, subject: decided.subject, id: decided.id, actor: actor,
                                message: string(input.body["message"]), mailNotifications: settings.mailNotifications,
                                nowMilliseconds: now)
        }
        return .noContent
    }
}
