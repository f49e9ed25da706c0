/// The project of a quotation as its serializers show it (egresos.md §5 items 8 and 9): the basic keys, and the
/// brand and customer names and pictures of the resume.
struct QuotationProjectRecord: Sendable, Equatable {
    var id: Int
    var folio: String
    var name: String
    var description: String?
    var brandName: String
    /// The brand's own picture, else its customer's (§5.4).
    var brandPicturePath: String?
    var customerName: String
    var customerPicturePath: String?
    /// The project's grouper (the leader of §7), if any.
    var grouperID: Int?
}

/// A quotation row with its project and the users it names (§4 `quotations`, §5 item 8).
struct QuotationRecord: Sendable, Equatable {
    var id: Int
    var project: QuotationProjectRecord
    var location: String?
    var costInCents: Int64
    /// `YYYY-MM-DD`.
    var billingDate: String
    var purchaseOrder: String?
    /// Unix milliseconds (stored as UTC midnight by #33/#34).
    var projectStartDate: Int64
    var projectEndDate: Int64
    var paymentConditions: Int
    var priority: String
    var quotationFilePath: String?
    var confirmationFilePath: String?
    var createdByID: Int
    var createdBy: UserSummaryRecord?
    var status: Int
    /// Unix milliseconds.
    var completedAt: Int64?
    var acceptedAt: Int64?
    var rejectedAt: Int64?
    var leaderAcceptedBy: UserSummaryRecord?
    var leaderRejectedBy: UserSummaryRecord?
    var directorAcceptedBy: UserSummaryRecord?
    var directorRejectedBy: UserSummaryRecord?
}

/// A payment-schedule row (§4 `payment_schedules`, §5 item 11).
struct PaymentScheduleRecord: Sendable, Equatable {
    var id: Int
    var supplierQuotationID: Int
    var amount: Int64
    /// `cash` or `direct_bank_transfer`.
    var paymentMethod: String
    /// `YYYY-MM-DD`.
    var paymentDate: String
    var billingDate: String?
    var paidAt: String?
    var paid: Bool
    var billingFilePath: String?
    /// ISO 8601 UTC with milliseconds.
    var billingUploadedAt: String?
}

/// A supplier quotation with its supplier and schedule (§4 `supplier_quotations`, §5 items 9 and 10).
struct SupplierQuotationRecord: Sendable, Equatable {
    var id: Int
    var quotationID: Int
    var supplier: SupplierRecord
    var concept: String
    var costInCents: Int64
    /// The free text (`comments` of #35/#36, `comments_text` of the resume).
    var comments: String?
    var quotationFilePath: String?
    var schedule: [PaymentScheduleRecord]
}

/// Quotation reads shared by the quotation routes (#33-#44), the calendar and the report.
protocol QuotationsReader {
    /// Quotation `id` (any status), or nil.
    func quotation(id: Int) throws -> QuotationRecord?
    /// Every quotation, or those of one project, or those in one status, ordered by id.
    func quotations(projectID: Int?, status: Int?) throws -> [QuotationRecord]
    /// The supplier quotations of the listed quotations with their suppliers and schedules, by id.
    func supplierQuotations(quotationIDs: [Int]) throws -> [SupplierQuotationRecord]
    /// The inputs of §6.1 for each listed quotation (SQL sums read as integers; E = expenses of the supplies and
    /// refunds linked to it whose status is not 4).
    func statsInputs(quotationIDs: [Int]) throws -> [Int: QuotationStats.Inputs]
}
