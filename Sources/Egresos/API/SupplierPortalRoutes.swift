import AppCore
import HTTPCore
import Logging

/// The supplier portal (egresos.md §2 #26-#28, §3.4, §10.2-§10.3). #26-#28 are public; the rest need a
/// supplier session (`SupplierAuth`).
struct SupplierPortalRoutes: EgresosInputReading {
    func register(in router: inout Router<EgresosContext>) {
        // #26: log in with e-mail and password → the profile and a session.
        router.add(SupplierOperations.session) { request, context in
            let input = try context.validate(request, EgresosEndpointRules.supplierSession)
            let email = input.body["email"]?.stringValue ?? ""
            let password = input.body["password"]?.stringValue ?? ""
            guard let supplier = try context.persistence.supplierPortal.login(email: email) else {
                throw EgresosValidationError.notFound("email", .suppliers)
            }
            guard let hash = supplier.passwordHash, PasswordHasher.verify(password, hash: hash) else {
                context.logger.info("supplier login refused", metadata: ["supplier": "\(supplier.id)"])
                throw EgresosError(code: "4012")
            }
            let session = context.auth.supplierTokens.issue(email: supplier.email)
            return .json(SupplierPortalJSON.session(supplier, session))
        }

        // #27: set the password with a token of an invitation or a recovery mail.
        router.add(SupplierOperations.password) { request, context in
            let input = try context.validate(request, EgresosEndpointRules.setSupplierPassword)
            let token = input.body["token"]?.stringValue ?? ""
            let password = input.body["password"]?.stringValue ?? ""
            let repository = context.persistence.supplierPortal
            let tokenHash = PasswordTokens.hash(token)
            let now = context.auth.clock.nowMilliseconds()
            guard let owner = try repository.tokenOwner(hash: tokenHash) else { throw EgresosError(code: "4032") }
            guard owner.expiresAtMilliseconds > now else { throw EgresosError(code: "4101") }
            let hash = try PasswordHasher.hash(password)
            guard try repository.setPassword(supplierID: owner.supplierID, passwordHash: hash, tokenHash: tokenHash,
                                             nowMilliseconds: now) else { throw EgresosError(code: "4032") }
            context.logger.info("supplier password set", metadata: ["supplier": "\(owner.supplierID)"])
            return .noContent
        }

        // #28: a recovery mail with a new token (424 4241 when mail delivery is not configured: nothing written).
        // Within 5 minutes of the last one: the same 204, but no mail and the mailed token stays valid (ruling 8).
        router.add(SupplierOperations.recovery) { request, context in
            let input = try context.validate(request, EgresosEndpointRules.supplierRecovery)
            let email = input.body["email"]?.stringValue ?? ""
            let repository = context.persistence.supplierPortal
            guard let supplier = try repository.login(email: email) else {
                throw EgresosValidationError.notFound("email", .suppliers)
            }
            let settings = context.auth.settings
            guard settings.mailConfigured else {
                context.logger.warning("supplier recovery refused: mail delivery is not configured (SMTP_HOST)")
                throw EgresosError(code: "4241")
            }
            let mailed = try SupplierRecovery(repository: repository).request(
                supplierID: supplier.id, email: supplier.email, settings: settings,
                nowMilliseconds: context.auth.clock.nowMilliseconds())
            if !mailed {
                context.logger.info("supplier recovery: the last mail is less than 5 minutes old; none queued",
                                    metadata: ["supplier": "\(supplier.id)"])
            }
            return .noContent
        }

        // #29: the caller's billing, or 404 4042 Billing: not a validation failure (nothing was sent), so the bare
        // non-field body of §8.3, `{"code": "4042", "message"}`.
        router.add(SupplierOperations.billing) { _, context in
            let supplier = try context.supplierCaller()
            guard let billing = try context.persistence.supplierBilling.billing(supplierID: supplier.supplier.id) else {
                throw EgresosError(code: "4042", values: ["model": ValidationTable.billings.model])
            }
            return .json(SupplierPortalJSON.billing(billing, context.files))
        }

        // #30: upsert the caller's billing (create: every field and the unique checks; update: partial) → 201.
        router.add(SupplierOperations.saveBilling) { request, context in
            let supplierID = try context.supplierCaller().supplier.id
            let existing = try context.persistence.supplierBilling.billing(supplierID: supplierID)
            let input = try context.validate(request, existing == nil ? EgresosEndpointRules.createBilling
                                                                      : EgresosEndpointRules.updateBilling)
            let body = input.body
            let changes = BillingChanges(
                name: Self.string(body["name"]), contactName: Self.string(body["contact_name"]),
                contactPhone: Self.string(body["contact_phone"]), rfc: Self.string(body["rfc"]),
                businessName: Self.string(body["business_name"]), bankingInstitution: Self.string(body["banking_institution"]),
                bankAccount: Self.string(body["bank_account"]), concept: Self.string(body["concept"]))
            let file: UploadedFile? = if case .file(let uploaded)? = body["account_status_file"] { uploaded } else { nil }
            let writer = context.persistence.supplierBillingWriter
            let (id, pending) = try context.persistence.transaction {
                let id: Int
                if let existing {
                    id = existing.id
                    try writer.updateBilling(id: id, changes)
                } else {
                    id = try writer.createBilling(supplierID: supplierID, changes)
                }
                let pending = PendingFile.of(file, collection: "billings", id: id, field: "account_status_file") {
                    existing?.accountStatusFilePath
                }
                if let pending { try writer.setAccountStatusFile(billingID: id, path: pending.path) }
                return (id, pending)
            }
            try context.files.store(pending)
            guard let billing = try context.persistence.supplierBilling.billing(supplierID: supplierID), billing.id == id else {
                throw EgresosValidationError.notFound("billing", .billings)
            }
            return .json(SupplierPortalJSON.billing(billing, context.files), status: 201)
        }

        // #31: the caller's bills (payment-schedule rows of approved quotations), by payment date then id.
        router.add(SupplierOperations.bills) { _, context in
            let supplierID = try context.supplierCaller().supplier.id
            let files = context.files
            let bills = try context.persistence.supplierBills.bills(supplierID: supplierID)
            return .json(.object([("bills", .array(bills.map { SupplierPortalJSON.bill($0, files) }))]))
        }

        // #32: one of the caller's payment-schedule rows; another supplier's → 404 4042 PaymentSchedule.
        router.add(SupplierOperations.paymentSchedule) { request, context in
            let supplierID = try context.supplierCaller().supplier.id
            guard let id = Int(request.parameter("payment_schedule_id")),
                  let bill = try context.persistence.supplierBills.bill(id: id, supplierID: supplierID) else {
                throw EgresosValidationError.notFound("payment_schedule_id", .paymentSchedules)
            }
            return .json(SupplierPortalJSON.paymentSchedule(bill, context.files))
        }

        // EXT-5/EXT-6: upload the bill (approved quotation, unpaid row; otherwise 423) → 200 with the #32 object.
        router.add(SupplierOperations.uploadBill, handler: Self.uploadBill)
        router.add(SupplierOperations.replaceBill, handler: Self.uploadBill)
    }

    /// EXT-5/6: path (exists), then ownership and state (404 4042 / 423), then the body; the file is written
    /// after the commit.
    static func uploadBill(_ request: Request, _ context: EgresosContext) throws -> Response {
        let supplierID = try context.supplierCaller().supplier.id
        let bills = context.persistence.supplierBills
        var current: BillRecord?
        let input = try context.validate(request, EgresosEndpointRules.uploadBill) { path in
            guard let id = EgresosInput.int(path, "payment_schedule_id") else { return }
            guard let bill = try bills.bill(id: id, supplierID: supplierID) else {
                throw EgresosValidationError.notFound("payment_schedule_id", .paymentSchedules)
            }
            guard bill.quotationStatus == 3, !bill.paid else { throw EgresosError(code: "423") }
            current = bill
        }
        guard let bill = current, case .file(let file)? = input.body["billing_file"] else {
            throw EgresosValidationError.notFound("payment_schedule_id", .paymentSchedules)
        }
        let billingDate: String??
        switch input.body["billing_date"] {
        case nil: billingDate = nil
        case .null?: billingDate = .some(nil)
        default: billingDate = .some(string(input.body["billing_date"]))
        }
        let pending = PendingFile(file, collection: "paymentschedules", id: bill.id, field: "billing_file",
                                  replacing: bill.billingFilePath)
        let now = context.auth.clock.nowMilliseconds()
        let updated = try context.persistence.transaction {
            // Approved and unpaid is checked again by the write itself (the pre-check above ran before the body).
            guard try bills.recordUpload(id: bill.id, path: pending.path, billingDate: billingDate, nowMilliseconds: now) else {
                throw EgresosError(code: "423")
            }
            guard let updated = try bills.bill(id: bill.id, supplierID: supplierID) else {
                throw EgresosValidationError.notFound("payment_schedule_id", .paymentSchedules)
            }
            return updated
        }
        try context.files.store(pending)
        return .json(SupplierPortalJSON.paymentSchedule(updated, context.files))
    }
}
