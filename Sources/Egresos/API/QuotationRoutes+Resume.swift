import AppCore
import HTTPCore

extension QuotationRoutes {
    /// #38 `GET /api/v1/quotations/:quotation_id/resume` (any registered user) → 200 QuotationResume (§5 item 9):
    /// the Quotation keys with the resume's project, `payment_date` (§6.3), the quotation's comments, the 15 stats
    /// (§6.1), the linked expenses (parent status ≠ 4) and the supplier quotations with their schedules and threads.
    static func resume(_ request: Request, _ context: EgresosContext) throws -> Response {
        let input = try context.validate(request, Rules.showQuotation)
        let id = EgresosInput.int(input.path, "quotation_id") ?? 0
        let persistence = context.persistence
        let reader = persistence.quotationsReader
        // One snapshot: the reads run in one transaction, so the stats agree with the lists they summarise.
        let (record, suppliers, inputs, comments, threads, expenses) = try persistence.transaction {
            guard let record = try reader.quotation(id: id) else { throw EgresosValidationError.notFound("quotation_id", .quotations) }
            let suppliers = try reader.supplierQuotations(quotationIDs: [id])
            let inputs = try reader.statsInputs(quotationIDs: [id])[id] ?? QuotationStats.Inputs(quotationCost: record.costInCents)
            let comments = try persistence.comments.comments(of: .quotation, id: id)
            let threads = try persistence.comments.comments(of: .supplierQuotation, ids: suppliers.map(\.id))
            let expenses = try persistence.expenses.expenses(linkedToQuotation: id)
            return (record, suppliers, inputs, comments, threads, expenses)
        }
        let stats = try QuotationStats(inputs, successMin: context.auth.settings.profitabilitySuccessMin)
        let views = context.quotationViews
        let expenseViews = context.expenseViews
        let supplierViews = context.supplierViews
        var members: [(String, JSONValue)] = []
        for member in views.members(record, project: .resume) {
            members.append(member)
            if member.0 == "project_end_date" {
                let due = ResumePaymentDate.of(end: record.projectEndDate, paymentConditions: record.paymentConditions)
                members.append(("payment_date", .string(ISO8601.format(utcMilliseconds: due))))
            }
        }
        members.append(("comments", ExpenseViews.comments(comments)))
        members += stats.members
        members.append(("expenses", .array(expenses.map(expenseViews.linkedExpense))))
        members.append(("suppliers", .array(suppliers.map { item in
            .object([
                ("id", .integer(item.id)), ("supplier", supplierViews.supplier(item.supplier)),
                ("payment_schedule", .array(item.schedule.map(views.paymentSchedule))), ("concept", .string(item.concept)),
                ("cost_in_cents", .integer(item.costInCents)), ("cost", .string(Figures.money(item.costInCents))),
                ("quotation_file", .optional(context.files.url(item.quotationFilePath))),
                ("comments", ExpenseViews.comments(threads[item.id] ?? [])), ("comments_text", .optional(item.comments)),
            ])
        })))
        return .json(.object(members))
    }
}
