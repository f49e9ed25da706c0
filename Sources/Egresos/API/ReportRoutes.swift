import AppCore
import HTTPCore

/// The calendar (#45, §3.7) and the profitability report (#64, §6.2). Each reads a fixed number of queries,
/// whatever the number of customers, projects or quotations; the sums are SQL's, the report only adds the
/// per-quotation figures up per project and customer.
struct ReportRoutes {
    func register(in router: inout Router<EgresosContext>) {
        router.add(ReportOperations.schedules, handler: Self.schedules)
        router.add(ReportOperations.profitability, handler: Self.profitability)
    }

    /// #45 → `{"schedules": [ScheduleItem]}`.
    static func schedules(_ request: Request, _ context: EgresosContext) throws -> Response {
        let files = context.files
        let items = try context.persistence.reports.schedule().map { item -> JSONValue in
            let project = item.project
            return .object([
                ("type", .string("quotation")), ("quotation", .integer(item.quotationID)),
                ("supplier_quotation", .integer(item.supplierQuotationID)),
                ("project", .object([
                    ("id", .integer(project.id)), ("folio", .string(project.folio)), ("name", .string(project.name)),
                    ("description", .optional(project.description)), ("brand", .string(project.brandName)),
                    ("customer", .string(project.customerName)),
                    ("customer_picture_url", .optional(files.url(project.customerPicturePath))),
                    ("brand_picture_url", .optional(files.url(project.brandPicturePath))),
                ])),
                ("date", .string(item.date)), ("payment_schedule", .integer(item.id)), ("amount", .integer(item.amount)),
                ("payment_method", .string(item.paymentMethod)), ("paid", .bool(item.paid)),
            ])
        }
        return .json(.object([("schedules", .array(items))]))
    }

    /// #64 → `{"customers": [Report customer]}`: every active customer with every active project; only approved
    /// quotations (status 3) and approved supplies and refunds count (§6.2).
    static func profitability(_ request: Request, _ context: EgresosContext) throws -> Response {
        // Its rows, records, values and encoded bytes take about 5 MB while it is built: the module's bound keeps
        // that many at once to its cores (issue 16: 8 workers building at once peaked at 65 MiB).
        try context.reportBuilds.run { try profitabilityReport(context) }
    }

    /// The report itself (see `profitability`).
    private static func profitabilityReport(_ context: EgresosContext) throws -> Response {
        let successMin = context.auth.settings.profitabilitySuccessMin
        let catalogue = context.persistence.customers
        let reader = context.persistence.quotationsReader
        let customers = try catalogue.customers()
        let projects = Dictionary(grouping: try catalogue.projects(brandID: nil, people: true), by: \.customerID)
        let quotations = try reader.quotations(projectID: nil, status: ApprovalStatus.approved.rawValue)
        let inputs = try reader.statsInputs(quotationIDs: quotations.map(\.id))
        let byProject = Dictionary(grouping: quotations, by: \.project.id)
        let expenses = try context.persistence.reports.approvedExpenseTotals()
        let views = context.customerViews
        let quotationViews = context.quotationViews
        let report = try customers.map { customer -> JSONValue in
            var customerStats: [QuotationStats] = []
            let projectItems = try (projects[customer.id] ?? []).map { project -> JSONValue in
                let approved = byProject[project.id] ?? []
                let stats = try approved.map { quotation in
                    try QuotationStats(inputs[quotation.id] ?? QuotationStats.Inputs(quotationCost: quotation.costInCents),
                                       successMin: successMin)
                }
                customerStats += stats
                let items = zip(approved, stats).map { quotation, stats in
                    JSONValue.object(quotationViews.members(quotation, project: .id) + [("stats", stats.json)])
                }
                return CustomerViews.project(project, friendly: true).appending([
                    ("profitability", try ProjectProfitability(stats, successMin: successMin).json),
                    ("quotations_total", .integer(approved.count)), ("quotations", .array(items)),
                ])
            }
            let totals = expenses[customer.id] ?? ExpenseTotals()
            let profitability = try Profitability(customerStats, supplies: totals.supplies, refunds: totals.refunds,
                                                  successMin: successMin)
            return views.customer(customer).appending([("projects", .array(projectItems)), ("profitability", profitability.json)])
        }
        return .json(.object([("customers", .array(report))]))
    }
}

extension JSONValue {
    /// An object with `members` added at the end (any other value unchanged).
    func appending(_ members: [(String, JSONValue)]) -> JSONValue {
        guard case .object(let existing) = self else { return self }
        return .object(existing + members)
    }
}
