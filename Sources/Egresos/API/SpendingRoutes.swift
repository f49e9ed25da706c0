import HTTPCore

/// Supplies and refunds (egresos.md §2 #46-#51, #54-#59, EXT-1..EXT-4, §3.8, §7.2), one implementation for both
/// kinds. Every permission and status decision is `ApprovalChain.decide` (an expense change is the chain's `edit`,
/// a deletion its `delete`), taken in the order of ruling E9: the Roles line (the route's middleware), the ids
/// (404 `4042`), creator-or-admin (403 `4031`), the status (423 `"423"`), then the body (§1.1 step 7); and again
/// under the row lock in the transaction. Vouchers are written after the commit (ruling 2, E8).
struct SpendingRoutes: EgresosInputReading {
    let kind: SpendingKind

    private var rules: SpendingRules { SpendingRules.of(kind) }

    func register(in router: inout Router<EgresosContext>) {
        let operations = kind == .supply ? SpendingOperations.supply : SpendingOperations.refund
        let routes = self
        router.add(operations.createExpense) { try routes.createExpense($0, $1) }
        router.add(operations.updateExpense) { try routes.updateExpense($0, $1) }
        router.add(operations.deleteExpense) { try routes.deleteExpense($0, $1) }
        router.add(operations.show) { try routes.show($0, $1) }
        router.add(operations.showByGet) { try routes.show($0, $1) }
        router.add(operations.list) { try routes.list($0, $1) }
        router.add(operations.listByGet) { try routes.list($0, $1) }
        router.add(operations.delete) { try routes.delete($0, $1) }
    }

    // MARK: Decisions

    /// The approval chain's answer for `staff` doing `action` on the row `state` (nil: it is gone → 404 `4042`);
    /// returns the row when allowed.
    @discardableResult
    private func decide(_ action: ApprovalAction, _ state: SpendingState?, _ staff: StaffIdentity) throws -> SpendingState {
        guard let state else { throw EgresosValidationError.notFound(kind.idColumn, kind.validationTable) }
        let caller = ApprovalCaller(role: staff.user.staffRole, isCreator: state.createdBy == staff.user.id,
                                    isLeader: state.leaderID == staff.user.id)
        let status = ApprovalStatus(rawValue: state.status) ?? .rejected
        // The facts only steer a submission; edits and deletes do not read them.
        let facts = ApprovalFacts(creatorIsAdmin: false, leader: state.leaderID == nil ? .none : .other)
        if case .failure(let error) = ApprovalChain.decide(item: kind.approvalItem, status: status, action: action,
                                                           caller: caller, facts: facts) {
            throw error
        }
        return state
    }

    /// A change of the row in the path: validated with `action` decided after the ids and before the body (§1.1
    /// steps 5-7, E9), then `write` in one transaction once the chain allows it again under the row lock.
    private func change<T>(_ request: Request, _ context: EgresosContext, _ rules: EndpointRules, _ action: ApprovalAction,
                           _ write: (EgresosInput, SpendingState, any SpendingRepository) throws -> T) throws -> (id: Int, result: T) {
        let staff = try context.staffCaller()
        let repository = context.persistence.spending
        let input = try context.validate(request, rules) { path in
            try decide(action, try repository.state(kind, id: pathID(path)), staff)
        }
        let id = pathID(input.path)
        let result = try context.persistence.transaction {
            try write(input, try decide(action, try repository.state(kind, id: id), staff), repository)
        }
        return (id, result)
    }

    /// The path's id of the supply or refund.
    private func pathID(_ path: InputObject) -> Int { EgresosInput.int(path, kind.idColumn) ?? 0 }

    /// An id as sent, when it is one (digits only): the body's `supply_id` before the body is validated.
    private static func sentID(_ value: Input?) -> Int? {
        switch value {
        case .string(let text)?, .number(let text)?: Int(text).flatMap { $0 > 0 ? $0 : nil }
        default: nil
        }
    }

    // MARK: Input

    /// The expense fields of a validated body (nil: not sent).
    private static func fields(_ body: InputObject) -> ExpenseFields {
        ExpenseFields(supplierID: int(body["supplier_id"]), concept: string(body["concept"]), comments: string(body["comments"]),
                      costInCents: int(body["cost_in_cents"]).map(Int64.init), paymentMethod: string(body["payment_method"]))
    }

    /// The context change a body asks for (§3.8): the most specific reference sent decides all four columns; a
    /// `quotation: null` alone removes the quotation link; nil: no change.
    private static func contextChange(_ body: InputObject, current: SpendingContext,
                                      _ repository: any SpendingRepository) throws -> SpendingContext? {
        if let reference = SpendingContext.mostSpecific(quotation: int(body["quotation"]), project: int(body["project"]),
                                                        brand: int(body["brand"]), customer: int(body["customer"])) {
            return try repository.context(of: reference)
        }
        guard body["quotation"] == .null else { return nil }
        var cleared = current
        cleared.quotationID = nil
        return cleared
    }

    /// Refuses a total of the expenses that would not fit in 64 bits (ruling E10): 422 `4224` on `cost_in_cents`.
    private static func checkTotal(_ total: Int64?, adding cents: Int64) throws {
        guard let total, !total.addingReportingOverflow(cents).overflow else {
            throw EgresosValidationError(failures: [ValidationFailure(field: "cost_in_cents", code: 4224)])
        }
    }

    // MARK: Handlers

    /// #46/#54 `POST /api/v1/X/expenses` → 200 SupplyOrRefund. Without an id, the first expense creates a draft of
    /// the caller's; with one, the draft must pass the chain's `edit` (checked before the body, §1.1 step 6).
    func createExpense(_ request: Request, _ context: EgresosContext) throws -> Response {
        let staff = try context.staffCaller()
        let repository = context.persistence.spending
        let input = try context.validate(request, rules.createExpense) { _ in
            guard let id = Self.sentID(try context.bodyObject(request)[kind.idColumn]),
                  let state = try repository.state(kind, id: id) else { return }
            try decide(.edit, state, staff)
        }
        let body = input.body
        let voucher = Self.file(body["voucher_file"])
        let (id, pending) = try context.persistence.transaction {
            let parentID: Int
            if let existing = Self.int(body[kind.idColumn]) {
                let state = try decide(.edit, try repository.state(kind, id: existing), staff)
                if let change = try Self.contextChange(body, current: state.context, repository) {
                    try repository.setContext(kind, id: existing, change)
                }
                parentID = existing
            } else {
                let change = try Self.contextChange(body, current: .none, repository) ?? .none
                parentID = try repository.create(kind, createdBy: staff.user.id, context: change)
            }
            let fields = Self.fields(body)
            try Self.checkTotal(try repository.total(kind, id: parentID, excluding: nil), adding: fields.costInCents ?? 0)
            let expenseID = try repository.addExpense(kind, parentID: parentID, fields)
            let pending = PendingFile.of(voucher, collection: "expenses", id: expenseID, field: "voucher_file")
            if let pending { try repository.setVoucher(expenseID: expenseID, path: pending.path) }
            return (parentID, pending)
        }
        try context.files.store(pending)
        return try render(id, context)
    }

    /// #47/#55 `PUT /api/v1/X/:X_id/expenses/:expense_id` → 200 SupplyOrRefund. The path's id wins over a body one.
    func updateExpense(_ request: Request, _ context: EgresosContext) throws -> Response {
        let (id, pending) = try change(request, context, rules.updateExpense, .edit) { input, state, repository in
            let expenseID = EgresosInput.int(input.path, "expense_id") ?? 0
            let body = input.body
            if let change = try Self.contextChange(body, current: state.context, repository) {
                try repository.setContext(kind, id: state.id, change)
            }
            let fields = Self.fields(body)
            if let cents = fields.costInCents {
                try Self.checkTotal(try repository.total(kind, id: state.id, excluding: expenseID), adding: cents)
            }
            try repository.updateExpense(id: expenseID, fields)
            let pending = try PendingFile.of(Self.file(body["voucher_file"]), collection: "expenses", id: expenseID,
                                             field: "voucher_file") { try repository.voucherPath(expenseID: expenseID) }
            if let pending { try repository.setVoucher(expenseID: expenseID, path: pending.path) }
            return pending
        }
        try context.files.store(pending)
        return try render(id, context)
    }

    /// #48/#56 `DELETE /api/v1/X/:X_id/expenses/:expense_id` → 204; the supply or refund stays, even empty.
    func deleteExpense(_ request: Request, _ context: EgresosContext) throws -> Response {
        let (_, voucher) = try change(request, context, rules.deleteExpense, .edit) { input, _, repository in
            try repository.deleteExpense(id: EgresosInput.int(input.path, "expense_id") ?? 0)
        }
        context.files.remove(voucher.map { [$0] } ?? [])
        return .noContent
    }

    /// #49/#57 `POST` and EXT-2/EXT-4 `GET /api/v1/X/:X_id` → 200 SupplyOrRefund (a body is ignored).
    func show(_ request: Request, _ context: EgresosContext) throws -> Response {
        let input = try context.validate(request, rules.show)
        return try render(pathID(input.path), context)
    }

    /// #50/#58 `POST` and EXT-1/EXT-3 `GET /api/v1/X` → 200 `{"supplies": […]}` / `{"refunds": […]}`: all, by id.
    func list(_ request: Request, _ context: EgresosContext) throws -> Response {
        let views = context.spendingViews
        let records = try context.persistence.spending.spendings(kind, ids: nil)
        return .json(.object([(kind.table, .array(try records.map(views.spending)))]))
    }

    /// #51/#59 `DELETE /api/v1/X/:X_id` → 204: with its expenses (and their vouchers) and comments; status 0 or 4.
    func delete(_ request: Request, _ context: EgresosContext) throws -> Response {
        let (_, vouchers) = try change(request, context, rules.delete, .delete) { _, state, repository in
            try repository.delete(kind, id: state.id)
        }
        context.files.remove(vouchers)
        return .noContent
    }

    /// The SupplyOrRefund object of row `id` (gone meanwhile → 404 `4042`).
    private func render(_ id: Int, _ context: EgresosContext) throws -> Response {
        guard let record = try context.persistence.spending.spendings(kind, ids: [id]).first else {
            throw EgresosValidationError.notFound(kind.idColumn, kind.validationTable)
        }
        return .json(try context.spendingViews.spending(record))
    }
}
