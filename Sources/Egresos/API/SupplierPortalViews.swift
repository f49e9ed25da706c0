import AppCore
import HTTPCore

/// The supplier portal's serializers (egresos.md §2 #26, §5).
enum SupplierPortalJSON {
    /// #26: the profile, then `authorization{grant_type, access_token, expires_at}`.
    static func session(_ supplier: SupplierLogin, _ session: SupplierTokens.Session) -> JSONValue {
        .object([
            ("id", .integer(supplier.id)), ("company_name", .string(supplier.companyName)),
            ("contact_name", .string(supplier.contactName)), ("phone", .string(supplier.phone)),
            ("email", .string(supplier.email)), ("business_activity", .string(supplier.businessActivity)),
            ("authorization", .object([
                ("grant_type", .string(session.grantType)), ("access_token", .string(session.token)),
                ("expires_at", .integer(Int(session.expiresAtMilliseconds))),
            ])),
        ])
    }

    /// Billing (§5 item 7): the doc's keys in order, then EXT `contact_name, contact_phone`.
    static func billing(_ billing: BillingRecord, _ files: FileStore) -> JSONValue {
        .object([
            ("id", .integer(billing.id)), ("name", .string(billing.name)), ("rfc", .string(billing.rfc)),
            ("business_name", .string(billing.businessName)), ("banking_institution", .string(billing.bankingInstitution)),
            ("bank_account", .string(billing.bankAccount)), ("account_status_file", .optional(files.url(billing.accountStatusFilePath))),
            ("concept", .string(billing.concept)), ("contact_name", .string(billing.contactName)),
            ("contact_phone", .string(billing.contactPhone)),
        ])
    }

    /// PaymentScheduleBill (§5 item 11; #32, EXT-5/6).
    static func paymentSchedule(_ bill: BillRecord, _ files: FileStore) -> JSONValue {
        .object([
            ("id", .integer(bill.id)), ("payment_method", .string(bill.paymentMethod)), ("amount", .integer(Int(bill.amount))),
            ("billing_date", .optional(bill.billingDate)), ("payment_date", .string(bill.paymentDate)),
            ("paid_at", .optional(bill.paidAt)), ("billing_uploaded_at", .optional(bill.billingUploadedAt)),
            ("payment_schedule_id", .integer(bill.id)), ("paid", .bool(bill.paid)),
            ("billing_file", .optional(files.url(bill.billingFilePath))),
        ])
    }

    /// Bill (§5 item 11; #31): the doc's keys, then EXT `billing_uploaded_at, quotation_id, supplier_quotation_id`.
    static func bill(_ bill: BillRecord, _ files: FileStore) -> JSONValue {
        .object([
            ("id", .integer(bill.id)), ("concept", .string(bill.concept)), ("cost_in_cents", .integer(Int(bill.costInCents))),
            ("cost", .string(Figures.money(bill.costInCents))), ("project", .string(bill.project)),
            ("payment_method", .string(bill.paymentMethod)), ("amount", .integer(Int(bill.amount))),
            ("billing_date", .optional(bill.billingDate)), ("payment_date", .string(bill.paymentDate)),
            ("paid_at", .optional(bill.paidAt)), ("payment_schedule_id", .integer(bill.id)), ("paid", .bool(bill.paid)),
            ("billing_file", .optional(files.url(bill.billingFilePath))),
            ("billing_uploaded_at", .optional(bill.billingUploadedAt)), ("quotation_id", .integer(bill.quotationID)),
            ("supplier_quotation_id", .integer(bill.supplierQuotationID)),
        ])
    }
}
