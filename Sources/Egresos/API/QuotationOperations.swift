import HTTPCore

/// Quotations and supplier quotations as data (egresos.md §2 #33-#38, #40, #42-#44, §3.5, §3.6): `QuotationRoutes`
/// registers them, the OpenAPI document describes them.
enum QuotationOperations {
    typealias Rules = EgresosEndpointRules

    static let quoting = EgresosAccess.roles(.admin, .grouper, .accountManager)

    /// The Quotation keys of §5 item 8, in order.
    static let quotationKeys = [
        "id", "project", "location", "cost_in_cents", "cost", "billing_date", "purchase_order", "project_start_date",
        "project_end_date", "payment_conditions", "priority", "quotation_file", "confirmation_file", "created_by", "status",
        "rejected", "approved", "completed_at", "accepted_at", "rejected_at", "grouper_accepted_by", "grouper_rejected_by",
        "director_accepted_by", "director_rejected_by",
    ]
    /// The SupplierQuotation keys of §5 item 10.
    static let supplierQuotationKeys = ["id", "concept", "cost_in_cents", "cost", "comments", "quotation_file",
                                        "payment_schedule", "quotation_id", "supplier_id", "supplier"]

    static let create = EgresosOperation(
        method: .post, path: "/api/v1/projects/{project_id}/quotations", tag: "Quotations",
        summary: "#33 Paso 1: creates a draft quotation with its file (200, as documented)", access: quoting,
        rules: [Rules.createQuotation], keys: quotationKeys, returns: "Quotation, project as {id, folio, name, description}")
    static let update = EgresosOperation(
        method: .put, path: "/api/v1/quotations/{quotation_id}", tag: "Quotations",
        summary: "#34 Edits a draft (creator or admin, else 403 4031; not a draft → 423); project_id moves it", access: quoting,
        rules: [Rules.updateQuotation], keys: quotationKeys, returns: "Quotation, project as {id, folio, name, description}",
        errors: [403, 423])
    static let addSupplier = EgresosOperation(
        method: .post, path: "/api/v1/quotations/{quotation_id}/suppliers", tag: "Quotations",
        summary: "#35 Paso 2: adds a supplier quotation with its payment schedule (draft; creator or admin)", access: quoting,
        rules: [Rules.createSupplierQuotation], keys: supplierQuotationKeys, returns: "SupplierQuotation (§5 item 10)",
        errors: [403, 423])
    static let updateSupplier = EgresosOperation(
        method: .put, path: "/api/v1/quotations/{quotation_id}/suppliers/{supplier_id}", tag: "Quotations",
        summary: "#36 Edits a supplier quotation of the quotation (supplier_id is the supplier quotation's id)",
        access: quoting, rules: [Rules.updateSupplierQuotation], keys: supplierQuotationKeys,
        returns: "SupplierQuotation (§5 item 10)", errors: [403, 423])
    static let deleteSupplier = EgresosOperation(
        method: .delete, path: "/api/v1/quotations/{quotation_id}/suppliers/{supplier_id}", tag: "Quotations",
        summary: "#37 Deletes a supplier quotation with its schedule and comments (draft; creator or admin)",
        access: quoting, rules: [Rules.deleteSupplierQuotation], status: 204, errors: [403, 423])
    static let resume = EgresosOperation(
        method: .get, path: "/api/v1/quotations/{quotation_id}/resume", tag: "Quotations",
        summary: "#38 Paso 4: the quotation with its stats, comments, linked expenses and supplier quotations",
        access: .anyStaff, rules: [Rules.showQuotation],
        keys: quotationKeys + ["payment_date", "comments", "quotation_cost_number", "quotation_cost", "profitability_number",
                               "profitability", "subtotal", "subtotal_number", "gain_total", "gain_total_number",
                               "direct_bank_transfer", "cash", "direct_bank_transfer_number", "cash_number", "suppliers_total",
                               "suppliers_total_number", "status_label", "expenses", "suppliers"],
        returns: "QuotationResume (§5 item 9)")
    static let show = EgresosOperation(
        method: .get, path: "/api/v1/quotations/{quotation_id}", tag: "Quotations", summary: "#40 One quotation",
        access: quoting, rules: [Rules.showQuotation], keys: quotationKeys, returns: "Quotation, project as an id")
    static let list = EgresosOperation(
        method: .get, path: "/api/v1/quotations", tag: "Quotations", summary: "#42 Every quotation, by id", access: quoting,
        rules: [Rules.listQuotations], keys: ["quotations"], returns: "[Quotation], project as an id")
    static let projectList = EgresosOperation(
        method: .get, path: "/api/v1/projects/{project_id}/quotations", tag: "Quotations",
        summary: "#43 The quotations of one project, by id", access: quoting, rules: [Rules.projectQuotations],
        keys: ["quotations"], returns: "[Quotation], project as an id")
    static let comment = EgresosOperation(
        method: .post, path: "/api/v1/supplierquotations/{supplier_id}/comments", tag: "Quotations",
        summary: "#44 Comments on a supplier quotation (any status; supplier_id is the supplier quotation's id)",
        access: quoting, rules: [Rules.commentSupplierQuotation], status: 204)

    static let all = [create, update, addSupplier, updateSupplier, deleteSupplier, resume, show, list, projectList, comment]
}
