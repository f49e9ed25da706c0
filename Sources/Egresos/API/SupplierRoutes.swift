import AppCore
import HTTPCore

/// Suppliers on the staff side: egresos.md §2 #22-#25, §3.3, §5 item 6, §11 (pictures), and EXT-7 (§2.1, §3.9).
/// Files are written after the transaction commits (§1.1 step 8, ruling 2), so a refused request leaves none.
struct SupplierRoutes: EgresosInputReading {
    typealias Rules = EgresosEndpointRules

    func register(in router: inout Router<EgresosContext>) {
        // The portal's literal routes (`/suppliers/session`, `/suppliers/billing`, …) beat `:supplier_id(int)`.
        router.add(SupplierOperations.list, handler: Self.listSuppliers)
        router.add(SupplierOperations.create, handler: Self.createSupplier)
        router.add(SupplierOperations.show, handler: Self.showSupplier)
        router.add(SupplierOperations.update, handler: Self.updateSupplier)
        router.add(SupplierOperations.markPaid, handler: Self.markPaid)
    }

    // MARK: Input helpers

    /// The fields of #24/#25 from a validated body (every required one is present).
    private static func fields(_ body: InputObject, picturePath: String? = nil) -> SupplierFields {
        SupplierFields(companyName: string(body["company_name"]) ?? "", contactName: string(body["contact_name"]) ?? "",
                       paymentConditions: int(body["payment_conditions"]), phone: string(body["phone"]) ?? "",
                       email: string(body["email"]) ?? "", businessActivity: string(body["business_activity"]) ?? "",
                       picturePath: picturePath)
    }

    // MARK: Handlers

    /// #22 `GET /api/v1/suppliers`: optional filters, validated when sent (§3.3).
    static func listSuppliers(_ request: Request, _ context: EgresosContext) throws -> Response {
        let input = try context.validate(request, Rules.listSuppliers)
        let records = try context.persistence.suppliers.suppliers(contactName: string(input.query["contact_name"]),
                                                                  businessActivity: string(input.query["business_activity"]))
        let views = context.supplierViews
        return .json(.object([("suppliers", .array(records.map(views.supplier)))]))
    }

    /// #23 `GET /api/v1/suppliers/:supplier_id`.
    static func showSupplier(_ request: Request, _ context: EgresosContext) throws -> Response {
        let input = try context.validate(request, Rules.showSupplier)
        let id = EgresosInput.int(input.path, "supplier_id") ?? 0
        guard let supplier = try context.persistence.suppliers.supplier(id: id) else {
            throw EgresosValidationError.notFound("supplier_id", .suppliers)
        }
        return .json(.object([("supplier", context.supplierViews.supplier(supplier))]))
    }

    /// #24 `POST /api/v1/suppliers` → 201 `{"supplier": …}`. The row has no password (`password_hash` NULL);
    /// the supplier sets one with a password token (§10.3).
    /// The invitation (a password token and the "establece tu contraseña" mail) is written in the creating
    /// transaction (§3.3, §12, ruling 2); without SMTP it waits in the outbox, and the creation never fails
    /// for mail.
    static func createSupplier(_ request: Request, _ context: EgresosContext) throws -> Response {
        let input = try context.validate(request, Rules.createSupplier)
        let body = input.body
        let picture = file(body["picture"])
        let repository = context.persistence.suppliers
        let (supplier, pending) = try context.persistence.transaction {
            let id = try repository.createSupplier(fields(body))
            try repository.invite(supplierID: id, email: string(body["email"]) ?? "", settings: context.auth.settings,
                                  nowMilliseconds: context.auth.clock.nowMilliseconds())
            let pending = PendingFile.of(picture, collection: "suppliers", id: id, field: "picture")
            if let pending {
                var stored = fields(body, picturePath: pending.path)
                stored.paymentConditions = nil
                try repository.updateSupplier(id: id, stored, nowMilliseconds: context.auth.clock.nowMilliseconds())
            }
            guard let supplier = try repository.supplier(id: id) else { throw EgresosError.internalError }
            return (supplier, pending)
        }
        try context.files.store(pending)
        return .json(.object([("supplier", context.supplierViews.supplier(supplier))]), status: 201)
    }

    /// #25 `PUT /api/v1/suppliers/:supplier_id` → 204; the unique checks skip the supplier itself, a new picture
    /// replaces the stored file.
    static func updateSupplier(_ request: Request, _ context: EgresosContext) throws -> Response {
        let rawID = Int(request.parameter("supplier_id")) ?? 0
        let input = try context.validate(request, Rules.updateSupplier,
                                         context: ValidationContext(excludingIDs: [.suppliers: rawID]))
        let id = EgresosInput.int(input.path, "supplier_id") ?? 0
        let body = input.body
        let picture = file(body["picture"])
        let repository = context.persistence.suppliers
        let pending = try context.persistence.transaction {
            let pending = try PendingFile.of(picture, collection: "suppliers", id: id, field: "picture") {
                try repository.supplier(id: id)?.picturePath
            }
            try repository.updateSupplier(id: id, fields(body, picturePath: pending?.path),
                                          nowMilliseconds: context.auth.clock.nowMilliseconds())
            return pending
        }
        try context.files.store(pending)
        return .noContent
    }

    /// EXT-7 `PUT /api/v1/payment_schedules/:payment_schedule_id/paid` (admin) → 204. The quotation must be
    /// approved (status 3, else 423 `"423"`) and the row unpaid (else 409 `"409"`), checked before the body
    /// (§1.1 step 6) and again under the row lock.
    static func markPaid(_ request: Request, _ context: EgresosContext) throws -> Response {
        let repository = context.persistence.suppliers
        let input = try context.validate(request, Rules.markPaymentPaid) { path in
            let id = EgresosInput.int(path, "payment_schedule_id") ?? 0
            try Self.checkPayable(try repository.paymentSchedule(id: id))
        }
        let id = EgresosInput.int(input.path, "payment_schedule_id") ?? 0
        let date = string(input.body["paid_at"]) ?? today(context)
        try context.persistence.transaction {
            try Self.checkPayable(try repository.paymentSchedule(id: id))
            try repository.markPaid(id: id, on: date)
        }
        return .noContent
    }

    private static func checkPayable(_ state: PaymentScheduleState?) throws {
        guard let state else { throw EgresosValidationError.notFound("payment_schedule_id", .paymentSchedules) }
        guard state.quotationStatus == 3 else { throw EgresosError(code: "423") }
        guard !state.paid else { throw EgresosError(code: "409") }
    }

    /// Today's date in the module's zone, `YYYY-MM-DD`.
    private static func today(_ context: EgresosContext) -> String {
        let millis = context.auth.clock.nowMilliseconds()
        return context.auth.settings.zone.civilDate(atUTCMilliseconds: millis).description
    }
}
