import HTTPCore

/// Quotations and supplier quotations: egresos.md §2 #33-#38, #40, #42-#44, §3.5, §3.6, §5 items 8-11, §6.1, §6.3,
/// §6.4. Edits follow ruling E9's order: the Roles line (middleware), the ids (404 `4042`), creator-or-admin
/// (403 `4031`), the status (423 `"423"`), then the body; the status is checked again under the row lock inside
/// the transaction, so a draft confirmed meanwhile is never changed. Files are written after the commit.
struct QuotationRoutes: EgresosInputReading {
    typealias Rules = EgresosEndpointRules
    typealias Operations = QuotationOperations

    func register(in router: inout Router<EgresosContext>) {
        router.add(Operations.create, handler: Self.create)
        router.add(Operations.update, handler: Self.update)
        router.add(Operations.addSupplier, handler: Self.addSupplier)
        router.add(Operations.updateSupplier, handler: Self.updateSupplier)
        router.add(Operations.deleteSupplier, handler: Self.deleteSupplier)
        router.add(Operations.resume, handler: Self.resume)
        router.add(Operations.show, handler: Self.show)
        router.add(Operations.list, handler: Self.list)
        router.add(Operations.projectList, handler: Self.projectList)
        router.add(Operations.comment, handler: Self.comment)
    }

    // MARK: Checks and input

    /// The raw id of a path parameter (before the path is validated).
    private static func rawID(_ request: Request, _ name: String) -> Int { Int(request.parameter(name)) ?? 0 }

    /// E9 for an edit of quotation `id`: creator or admin (403 `4031`), then a draft (423 `"423"`), as
    /// `ApprovalChain` decides it. `locked` reads the row under its lock inside the transaction.
    private static func checkEditable(_ context: EgresosContext, quotationID id: Int, locked: Bool) throws {
        let row: (status: Int, createdBy: Int)?
        if locked {
            row = try context.persistence.quotationsWriter.lockQuotation(id: id)
        } else {
            row = try context.persistence.quotationsReader.quotation(id: id).map { ($0.status, $0.createdByID) }
        }
        guard let row else { throw EgresosValidationError.notFound("quotation_id", .quotations) }
        let caller = try context.staffCaller()
        let decision = ApprovalChain.decide(
            item: .quotation, status: ApprovalStatus(rawValue: row.status) ?? .rejected, action: .edit,
            caller: ApprovalCaller(role: caller.user.staffRole, isCreator: caller.user.id == row.createdBy, isLeader: false),
            facts: ApprovalFacts(creatorIsAdmin: false, leader: .none))
        if case .failure(let refusal) = decision { throw refusal }
    }

    /// Validates an edit of the quotation in the path: path ids, then E9's checks, then the body.
    private static func validateEdit(_ request: Request, _ context: EgresosContext, _ rules: EndpointRules,
                                     context validation: ValidationContext = ValidationContext()) throws -> EgresosInput {
        try context.validate(request, rules, context: validation) { path in
            try checkEditable(context, quotationID: EgresosInput.int(path, "quotation_id") ?? 0, locked: false)
        }
    }

    /// `validateEdit` for a supplier quotation of the path's quotation (decision 12: it must belong to it); returns
    /// the input, the quotation id and the supplier quotation id.
    private static func validateSupplierEdit(_ request: Request, _ context: EgresosContext,
                                             _ rules: EndpointRules) throws -> (EgresosInput, Int, Int) {
        let quotationID = rawID(request, "quotation_id")
        let input = try validateEdit(request, context, rules,
                                     context: ValidationContext(scopes: ["quotation_id": String(quotationID)]))
        return (input, quotationID, EgresosInput.int(input.path, "supplier_id") ?? 0)
    }

    private static func cents(_ value: Input?) -> Int64? { int(value).map(Int64.init) }

    /// The validated `payment_schedule` entries with their amounts (§6.4), or 422 `4224` on `payment_schedule`
    /// when the given amounts cannot add up to `cost`.
    private static func schedule(_ value: Input?, cost: Int64) throws -> [ScheduleEntry]? {
        guard case .array(let items)? = value else { return nil }
        let objects = items.map { $0.objectValue ?? InputObject() }
        guard let amounts = PaymentScheduleSplit.amounts(cost: cost, given: objects.map { cents($0["amount"]) }) else {
            throw EgresosValidationError(failures: [ValidationFailure(field: "payment_schedule", code: 4224)])
        }
        return zip(objects, amounts).map { object, amount in
            ScheduleEntry(paymentDate: string(object["payment_date"]) ?? "", paymentMethod: string(object["payment_method"]) ?? "cash",
                          amount: amount, billingDate: string(object["billing_date"]))
        }
    }

    /// Supplier quotation `id` of quotation `quotationID` as read now.
    private static func supplierQuotation(_ context: EgresosContext, id: Int, quotationID: Int) throws -> SupplierQuotationRecord {
        guard let record = try context.persistence.quotationsReader.supplierQuotations(quotationIDs: [quotationID])
            .first(where: { $0.id == id }) else { throw EgresosValidationError.notFound("supplier_id", .supplierQuotations) }
        return record
    }

    // MARK: Quotations

    /// #33 `POST /api/v1/projects/:project_id/quotations` (multipart, `quotation_file` required) → 200.
    static func create(_ request: Request, _ context: EgresosContext) throws -> Response {
        let input = try context.validate(request, Rules.createQuotation)
        let body = input.body
        guard let quotationFile = file(body["quotation_file"]) else { throw EgresosError.internalError }  // required
        let confirmationFile = file(body["confirmation_file"])
        let caller = try context.staffCaller()
        let new = NewQuotation(
            projectID: EgresosInput.int(input.path, "project_id") ?? 0, createdBy: caller.user.id, location: string(body["location"]),
            paymentConditions: int(body["payment_conditions"]), billingDate: string(body["billing_date"]) ?? "",
            purchaseOrder: string(body["purchase_order"]), projectStartDate: string(body["project_start_date"]) ?? "",
            projectEndDate: string(body["project_end_date"]) ?? "", costInCents: cents(body["cost_in_cents"]) ?? 0)
        let writer = context.persistence.quotationsWriter
        let (record, files) = try context.persistence.transaction {
            let id = try writer.createQuotation(new)
            let files = [PendingFile(quotationFile, collection: "quotations", id: id, field: "quotation_file")]
                + [PendingFile.of(confirmationFile, collection: "quotations", id: id, field: "confirmation_file")].compactMap { $0 }
            try writer.updateQuotation(id: id, QuotationChanges(quotationFilePath: files[0].path,
                                                                confirmationFilePath: files.count > 1 ? files[1].path : nil))
            guard let record = try context.persistence.quotationsReader.quotation(id: id) else { throw EgresosError.internalError }
            return (record, files)
        }
        for pending in files { try context.files.store(pending) }
        return .json(context.quotationViews.quotation(record, project: .basic))
    }

    /// #34 `PUT /api/v1/quotations/:quotation_id` → 200; `project_id` moves the draft, files replace the stored ones.
    static func update(_ request: Request, _ context: EgresosContext) throws -> Response {
        let input = try validateEdit(request, context, Rules.updateQuotation,
                                     context: ValidationContext(excludingIDs: [.quotations: rawID(request, "quotation_id")]))
        let id = EgresosInput.int(input.path, "quotation_id") ?? 0
        let body = input.body
        let reader = context.persistence.quotationsReader
        let (record, files) = try context.persistence.transaction {
            try checkEditable(context, quotationID: id, locked: true)
            let stored = try reader.quotation(id: id)
            let files = [
                PendingFile.of(file(body["quotation_file"]), collection: "quotations", id: id, field: "quotation_file") {
                    stored?.quotationFilePath
                },
                PendingFile.of(file(body["confirmation_file"]), collection: "quotations", id: id, field: "confirmation_file") {
                    stored?.confirmationFilePath
                },
            ]
            try context.persistence.quotationsWriter.updateQuotation(id: id, QuotationChanges(
                projectID: int(body["project_id"]), location: string(body["location"]), billingDate: string(body["billing_date"]),
                purchaseOrder: string(body["purchase_order"]), paymentConditions: int(body["payment_conditions"]),
                projectStartDate: string(body["project_start_date"]), projectEndDate: string(body["project_end_date"]),
                costInCents: cents(body["cost_in_cents"]), priority: string(body["priority"]),
                quotationFilePath: files[0]?.path, confirmationFilePath: files[1]?.path))
            guard let record = try reader.quotation(id: id) else { throw EgresosError.internalError }
            return (record, files)
        }
        for pending in files { try context.files.store(pending) }
        return .json(context.quotationViews.quotation(record, project: .basic))
    }

    /// #40 `GET /api/v1/quotations/:quotation_id`: project as an id.
    static func show(_ request: Request, _ context: EgresosContext) throws -> Response {
        let input = try context.validate(request, Rules.showQuotation)
        guard let record = try context.persistence.quotationsReader.quotation(id: EgresosInput.int(input.path, "quotation_id") ?? 0)
        else { throw EgresosValidationError.notFound("quotation_id", .quotations) }
        return .json(context.quotationViews.quotation(record, project: .id))
    }

    /// #42 `GET /api/v1/quotations`: every quotation by id, project as an id.
    static func list(_ request: Request, _ context: EgresosContext) throws -> Response {
        _ = try context.validate(request, Rules.listQuotations)
        let views = context.quotationViews
        let records = try context.persistence.quotationsReader.quotations(projectID: nil, status: nil)
        return .json(.object([("quotations", .array(records.map { views.quotation($0, project: .id) }))]))
    }

    /// #43 `GET /api/v1/projects/:project_id/quotations`.
    static func projectList(_ request: Request, _ context: EgresosContext) throws -> Response {
        let input = try context.validate(request, Rules.projectQuotations)
        let views = context.quotationViews
        let records = try context.persistence.quotationsReader.quotations(projectID: EgresosInput.int(input.path, "project_id"),
                                                                          status: nil)
        return .json(.object([("quotations", .array(records.map { views.quotation($0, project: .id) }))]))
    }

    // MARK: Supplier quotations

    /// #35 `POST /api/v1/quotations/:quotation_id/suppliers` → 200 SupplierQuotation.
    static func addSupplier(_ request: Request, _ context: EgresosContext) throws -> Response {
        let input = try validateEdit(request, context, Rules.createSupplierQuotation)
        let quotationID = EgresosInput.int(input.path, "quotation_id") ?? 0
        let body = input.body
        let cost = cents(body["cost_in_cents"]) ?? 0
        let entries = try schedule(body["payment_schedule"], cost: cost) ?? []
        let upload = file(body["quotation_file"])
        let writer = context.persistence.quotationsWriter
        let (record, pending) = try context.persistence.transaction {
            try checkEditable(context, quotationID: quotationID, locked: true)
            let id = try writer.createSupplierQuotation(quotationID: quotationID, SupplierQuotationChanges(
                supplierID: int(body["supplier_id"]), concept: string(body["concept"]), costInCents: cost,
                comments: string(body["comments"])))
            try writer.replaceSchedule(supplierQuotationID: id, entries)
            let pending = PendingFile.of(upload, collection: "supplierquotations", id: id, field: "quotation_file")
            if let pending { try writer.updateSupplierQuotation(id: id, SupplierQuotationChanges(quotationFilePath: pending.path)) }
            return (try supplierQuotation(context, id: id, quotationID: quotationID), pending)
        }
        try context.files.store(pending)
        return .json(context.quotationViews.supplierQuotation(record))
    }

    /// #36 `PUT /api/v1/quotations/:quotation_id/suppliers/:supplier_id` → 200 SupplierQuotation. A schedule sent
    /// replaces the rows; without one the rows stay, re-split evenly when the cost changes (§3.5, lenient).
    static func updateSupplier(_ request: Request, _ context: EgresosContext) throws -> Response {
        let (input, quotationID, id) = try validateSupplierEdit(request, context, Rules.updateSupplierQuotation)
        let body = input.body
        let newCost = cents(body["cost_in_cents"])
        let writer = context.persistence.quotationsWriter
        let (record, pending) = try context.persistence.transaction {
            try checkEditable(context, quotationID: quotationID, locked: true)
            // Read under the quotation's lock: the split uses the cost as it is now (a 4224 rolls back).
            let current = try supplierQuotation(context, id: id, quotationID: quotationID)
            let entries = try schedule(body["payment_schedule"], cost: newCost ?? current.costInCents)
            let pending = PendingFile.of(file(body["quotation_file"]), collection: "supplierquotations", id: id,
                                         field: "quotation_file") { current.quotationFilePath }
            try writer.updateSupplierQuotation(id: id, SupplierQuotationChanges(
                concept: string(body["concept"]), costInCents: newCost, comments: string(body["comments"]),
                quotationFilePath: pending?.path))
            if let entries {
                try writer.replaceSchedule(supplierQuotationID: id, entries)
            } else if let newCost, newCost != current.costInCents, !current.schedule.isEmpty {
                let amounts = PaymentScheduleSplit.amounts(cost: newCost, given: current.schedule.map { _ in nil }) ?? []
                try writer.setScheduleAmounts(supplierQuotationID: id, amounts)
            }
            return (try supplierQuotation(context, id: id, quotationID: quotationID), pending)
        }
        try context.files.store(pending)
        return .json(context.quotationViews.supplierQuotation(record))
    }

    /// #37 `DELETE /api/v1/quotations/:quotation_id/suppliers/:supplier_id` → 204 (schedule and comments cascade).
    static func deleteSupplier(_ request: Request, _ context: EgresosContext) throws -> Response {
        let (_, quotationID, id) = try validateSupplierEdit(request, context, Rules.deleteSupplierQuotation)
        let files = try context.persistence.transaction {
            try checkEditable(context, quotationID: quotationID, locked: true)
            return try context.persistence.quotationsWriter.deleteSupplierQuotation(id: id)
        }
        context.files.remove(files)
        return .noContent
    }

    /// #44 `POST /api/v1/supplierquotations/:supplier_id/comments` → 204, in every status (§3.6).
    static func comment(_ request: Request, _ context: EgresosContext) throws -> Response {
        let input = try context.validate(request, Rules.commentSupplierQuotation)
        let id = EgresosInput.int(input.path, "supplier_id") ?? 0
        let caller = try context.staffCaller()
        let status = string(input.body["status"]).flatMap(CommentStatus.init(rawValue:)) ?? .info
        let message = string(input.body["message"]) ?? ""
        try context.persistence.transaction {
            try context.persistence.comments.addComment(to: .supplierQuotation, id: id, userID: caller.user.id, status: status,
                                                        message: message)
        }
        return .noContent
    }
}
