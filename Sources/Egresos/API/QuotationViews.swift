import AppCore
import HTTPCore

/// The quotation objects of egresos.md §5 items 8-11, keys in the doc's order.
struct QuotationViews {
    let files: FileStore

    private static func text(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
    private static func instant(_ millis: Int64?) -> JSONValue {
        millis.map { .string(ISO8601.format(utcMilliseconds: $0)) } ?? .null
    }

    /// How a Quotation renders its `project`.
    enum ProjectForm {
        /// The integer id (#40, #42, #43, the report).
        case id
        /// `{id, folio, name, description}` (#33, #34).
        case basic
        /// The basic keys + `brand, brand_picture_url, customer, customer_picture_url` (#38).
        case resume
    }

    /// The quotation's `project` in `form`.
    func project(_ project: QuotationProjectRecord, _ form: ProjectForm) -> JSONValue {
        let basic: [(String, JSONValue)] = [
            ("id", .integer(project.id)), ("folio", .string(project.folio)), ("name", .string(project.name)),
            ("description", Self.text(project.description)),
        ]
        switch form {
        case .id: return .integer(project.id)
        case .basic: return .object(basic)
        case .resume:
            return .object(basic + [
                ("brand", .string(project.brandName)), ("brand_picture_url", Self.text(files.url(project.brandPicturePath))),
                ("customer", .string(project.customerName)),
                ("customer_picture_url", Self.text(files.url(project.customerPicturePath))),
            ])
        }
    }

    /// §5.8 Quotation: `rejected = (status == 4)`, `approved = (status == 3)`, `grouper_*_by` = `leader_*_by`.
    func members(_ quotation: QuotationRecord, project form: ProjectForm) -> [(String, JSONValue)] {
        [
            ("id", .integer(quotation.id)), ("project", project(quotation.project, form)),
            ("location", Self.text(quotation.location)), ("cost_in_cents", .integer(quotation.costInCents)),
            ("cost", .string(Figures.money(quotation.costInCents))), ("billing_date", .string(quotation.billingDate)),
            ("purchase_order", Self.text(quotation.purchaseOrder)),
            ("project_start_date", Self.instant(quotation.projectStartDate)),
            ("project_end_date", Self.instant(quotation.projectEndDate)),
            ("payment_conditions", .integer(quotation.paymentConditions)), ("priority", .string(quotation.priority)),
            ("quotation_file", Self.text(files.url(quotation.quotationFilePath))),
            ("confirmation_file", Self.text(files.url(quotation.confirmationFilePath))),
            ("created_by", CustomerViews.user(quotation.createdBy)), ("status", .integer(quotation.status)),
            ("rejected", .bool(quotation.status == 4)), ("approved", .bool(quotation.status == 3)),
            ("completed_at", Self.instant(quotation.completedAt)), ("accepted_at", Self.instant(quotation.acceptedAt)),
            ("rejected_at", Self.instant(quotation.rejectedAt)),
            ("grouper_accepted_by", CustomerViews.user(quotation.leaderAcceptedBy)),
            ("grouper_rejected_by", CustomerViews.user(quotation.leaderRejectedBy)),
            ("director_accepted_by", CustomerViews.user(quotation.directorAcceptedBy)),
            ("director_rejected_by", CustomerViews.user(quotation.directorRejectedBy)),
        ]
    }

    /// §5.8 Quotation with `project` as an object (#33, #34) or an id (#40, #42, #43, the report).
    func quotation(_ quotation: QuotationRecord, project form: ProjectForm) -> JSONValue {
        .object(members(quotation, project: form))
    }

    /// §5.11 PaymentSchedule: `id, amount, billing_date, payment_date, paid_at, payment_method` + EXT `paid,
    /// billing_file, billing_uploaded_at`.
    func paymentSchedule(_ row: PaymentScheduleRecord) -> JSONValue {
        .object([
            ("id", .integer(row.id)), ("amount", .integer(row.amount)), ("billing_date", Self.text(row.billingDate)),
            ("payment_date", .string(row.paymentDate)), ("paid_at", Self.text(row.paidAt)),
            ("payment_method", .string(row.paymentMethod)), ("paid", .bool(row.paid)),
            ("billing_file", Self.text(files.url(row.billingFilePath))),
            ("billing_uploaded_at", Self.text(row.billingUploadedAt)),
        ])
    }

    /// §5.10 SupplierQuotation (#35, #36): `comments` is the free text; + EXT `quotation_id, supplier_id, supplier`.
    func supplierQuotation(_ record: SupplierQuotationRecord) -> JSONValue {
        .object([
            ("id", .integer(record.id)), ("concept", .string(record.concept)), ("cost_in_cents", .integer(record.costInCents)),
            ("cost", .string(Figures.money(record.costInCents))), ("comments", Self.text(record.comments)),
            ("quotation_file", Self.text(files.url(record.quotationFilePath))),
            ("payment_schedule", .array(record.schedule.map(paymentSchedule))),
            ("quotation_id", .integer(record.quotationID)), ("supplier_id", .integer(record.supplier.id)),
            ("supplier", SupplierViews(files: files).supplier(record.supplier)),
        ])
    }
}

extension EgresosContext {
    /// The renderers of §5 items 8-11 with this module's file URLs.
    var quotationViews: QuotationViews { QuotationViews(files: files) }
}
