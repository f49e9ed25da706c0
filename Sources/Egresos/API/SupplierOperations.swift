import HTTPCore

/// Suppliers as data: the staff side (egresos.md §2 #22-#25, EXT-7) and the portal (#26-#32, EXT-5/6, §3.4).
enum SupplierOperations {
    typealias Rules = EgresosEndpointRules

    static let list = EgresosOperation(
        method: .get, path: "/api/v1/suppliers", tag: "Suppliers", summary: "#22 Suppliers, optionally filtered (substring, AND)",
        access: .anyStaff, rules: [Rules.listSuppliers], keys: ["suppliers"], returns: "[Supplier] (§5 item 6)")
    static let create = EgresosOperation(
        method: .post, path: "/api/v1/suppliers", tag: "Suppliers",
        summary: "#24 Creates a supplier and mails its invitation (a password token)", access: .roles(.admin, .rh, .manager),
        rules: [Rules.createSupplier], status: 201, keys: ["supplier"], returns: "Supplier")
    static let show = EgresosOperation(
        method: .get, path: "/api/v1/suppliers/{supplier_id}", tag: "Suppliers", summary: "#23 One supplier",
        access: .anyStaff, rules: [Rules.showSupplier], keys: ["supplier"], returns: "Supplier")
    static let update = EgresosOperation(
        method: .put, path: "/api/v1/suppliers/{supplier_id}", tag: "Suppliers",
        summary: "#25 Replaces the supplier's fields; a new picture replaces the stored one", access: .roles(.admin, .rh, .manager),
        rules: [Rules.updateSupplier], status: 204)
    static let markPaid = EgresosOperation(
        method: .put, path: "/api/v1/payment_schedules/{payment_schedule_id}/paid", tag: "Suppliers",
        summary: "EXT-7 Marks a supplier payment paid (approved quotation, else 423; already paid → 409)",
        access: .roles(.admin), rules: [Rules.markPaymentPaid], status: 204, errors: [409, 423])

    static let staff = [list, create, show, update, markPaid]

    // #26-#28 are rate-limited per client address by nginx (ruling 8, nginx/sites/egresos.conf): 429 is theirs.
    static let session = EgresosOperation(
        method: .post, path: "/api/v1/suppliers/session", tag: "Supplier portal",
        summary: "#26 Logs in with e-mail and password (wrong or unset password → 401 4012)", access: .open,
        rules: [Rules.supplierSession],
        keys: ["id", "company_name", "contact_name", "phone", "email", "business_activity", "authorization"],
        returns: "The supplier and authorization {grant_type, access_token, expires_at (epoch ms)}", errors: [401, 429])
    static let password = EgresosOperation(
        method: .put, path: "/api/v1/suppliers/password", tag: "Supplier portal",
        summary: "#27 Sets the password with an invitation or recovery token (unknown or used → 403 4032, expired → 410 4101)",
        access: .open, rules: [Rules.setSupplierPassword], status: 204, errors: [403, 410, 429])
    static let recovery = EgresosOperation(
        method: .post, path: "/api/v1/suppliers/recovery", tag: "Supplier portal",
        summary: "#28 Mails a new password token (mail not configured → 424 4241)", access: .open,
        rules: [Rules.supplierRecovery], status: 204, errors: [424, 429])
    static let billing = EgresosOperation(
        method: .get, path: "/api/v1/suppliers/billing", tag: "Supplier portal",
        summary: "#29 The caller's billing information (none stored → 404 4042 Billing)", access: .supplier,
        keys: billingKeys, returns: "Billing (§5 item 7)", errors: [404])
    static let saveBilling = EgresosOperation(
        method: .post, path: "/api/v1/suppliers/billing", tag: "Supplier portal",
        summary: "#30 Creates the caller's billing (every field, unique checks) or updates it (any field, no unique checks)",
        access: .supplier, rules: [Rules.createBilling, Rules.updateBilling], status: 201, keys: billingKeys, returns: "Billing")
    static let bills = EgresosOperation(
        method: .get, path: "/api/v1/suppliers/bills", tag: "Supplier portal",
        summary: "#31 The caller's payment-schedule rows of approved quotations, by payment date", access: .supplier,
        keys: ["bills"], returns: "[Bill] (§5 item 11)")
    static let paymentSchedule = EgresosOperation(
        method: .get, path: "/api/v1/suppliers/payment_schedules/{payment_schedule_id}", tag: "Supplier portal",
        summary: "#32 One of the caller's payment-schedule rows (another supplier's → 404 4042)", access: .supplier,
        keys: paymentScheduleKeys, returns: "PaymentScheduleBill (§5 item 11)")
    static let uploadBill = EgresosOperation(
        method: .post, path: paymentSchedule.path, tag: "Supplier portal",
        summary: "EXT-5 Uploads the bill of an unpaid row of an approved quotation (else 423)", access: .supplier,
        rules: [Rules.uploadBill], keys: paymentScheduleKeys, returns: "PaymentScheduleBill", errors: [423])
    static let replaceBill = EgresosOperation(
        method: .put, path: paymentSchedule.path, tag: "Supplier portal", summary: "EXT-6 The same as EXT-5",
        access: .supplier, rules: [Rules.uploadBill], keys: paymentScheduleKeys, returns: "PaymentScheduleBill", errors: [423])

    static let portal = [session, password, recovery, billing, saveBilling, bills, paymentSchedule, uploadBill, replaceBill]

    static let billingKeys = ["id", "name", "rfc", "business_name", "banking_institution", "bank_account", "account_status_file",
                              "concept", "contact_name", "contact_phone"]
    static let paymentScheduleKeys = ["id", "payment_method", "amount", "billing_date", "payment_date", "paid_at",
                                      "billing_uploaded_at", "payment_schedule_id", "paid", "billing_file"]
}
