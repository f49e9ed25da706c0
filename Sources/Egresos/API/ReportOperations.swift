import HTTPCore

/// The calendar and the profitability report as data (egresos.md §2 #45, #64; §3.7, §3.9, §6.2).
enum ReportOperations {
    static let schedules = EgresosOperation(
        method: .get, path: "/api/v1/schedules", tag: "Calendar",
        summary: "#45 Every payment-schedule row of the quotations not rejected, by date", access: ApprovalOperations.quoting,
        keys: ["schedules"], returns: "[ScheduleItem] (§5 item 16)")
    static let profitability = EgresosOperation(
        method: .get, path: "/api/v1/reports/profitability", tag: "Reports",
        summary: "#64 Profitability per customer and project over the approved quotations, supplies and refunds",
        access: .anyStaff, keys: ["customers"], returns: "[Report customer] (§5 item 12, §6.2)")

    static let all = [schedules, profitability]
}
