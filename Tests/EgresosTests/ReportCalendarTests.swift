@testable import Egresos
import HTTPCore
import MariaDB
import TestSupport
import Testing

/// The calendar (#45, §3.7, §5 item 16) and the profitability report (#64, §5 item 12, §6.2) through the real
/// responder over rows inserted by SQL; the report reproduces the document's example numbers.
@Suite("Egresos calendar and profitability report")
struct ReportCalendarTests {
    static let scheduleKeys = ["type", "quotation", "supplier_quotation", "project", "date", "payment_schedule", "amount",
                               "payment_method", "paid"]

    @Test("#45 one item per schedule row of every quotation not rejected, by date, quotation, row; §5.16 keys")
    func calendar() throws {
        let h = try EgresosHarness(language: "en")
        let draft = try h.quotation(by: 4005)
        let late = try h.supplierQuotation(draft, cost: 50_000, rows: [("2020-10-31", "cash"), ("2020-09-30", "direct_bank_transfer")])
        let rejected = try h.quotation(by: 4005, status: 4)
        try h.supplierQuotation(rejected, cost: 1_000, rows: [("2020-09-01", "cash")])
        let approved = try h.quotation(by: 4005, status: 3)
        let early = try h.supplierQuotation(approved, cost: 1_000, rows: [("2020-09-30", "cash")])
        let response = h.call(.get, "/api/v1/schedules", as: "cuentas")
        #expect(response.status == 200 && response.keys(response.json) == ["schedules"])
        let items = response.json?["schedules"]?.egItems ?? []
        #expect(items.map { "\(egInt($0["quotation"]) ?? 0):\(egInt($0["supplier_quotation"]) ?? 0):\($0["date"]?.stringValue ?? "")" } == [
            "\(draft):\(late):2020-09-30", "\(approved):\(early):2020-09-30", "\(draft):\(late):2020-10-31",
        ])
        #expect(response.keys(items.first) == Self.scheduleKeys)
        let first = items.first
        #expect(first?["type"]?.stringValue == "quotation" && first?["payment_method"]?.stringValue == "direct_bank_transfer")
        #expect(egInt(first?["amount"]) == 25_000 && first?["paid"] == .bool(false))
        #expect(response.keys(first?["project"]) == ["id", "folio", "name", "description", "brand", "customer",
                                                        "customer_picture_url", "brand_picture_url"])
        #expect(first?["project"]?["customer"]?.stringValue == "Grupo Modelo")
        #expect(first?["project"]?["brand"]?.stringValue == "Cerveza Corona")
        #expect(first?["project"]?["customer_picture_url"] == .null)
        // The Roles line of #45: admin, grouper, account_manager.
        #expect(h.call(.get, "/api/v1/schedules", as: "rh").errorCode == "4031")
        #expect(h.call(.get, "/api/v1/schedules", as: .anonymous).errorCode == "4014")
    }

    @Test("#64 the document's example: stats 100000/0/\"0 %\", project 100000/100000, money_outflow 200000, -100 (\"-100 %\")")
    func documentExample() throws {
        let h = try EgresosHarness(language: "en")
        let quotation = try h.quotation(by: 4005, status: 3)
        try h.supplierQuotation(quotation, cost: 50_000, rows: [("2020-10-31", "cash")])
        try h.supplierQuotation(quotation, cost: 50_000, rows: [("2020-11-30", "direct_bank_transfer")])
        try h.execute("UPDATE supplies SET status = 3 WHERE id = \(try h.expenseParent("supplies", by: 4005, expenses: 2))")
        try h.execute("UPDATE refunds SET status = 3 WHERE id = \(try h.expenseParent("refunds", by: 4005, expenses: 2))")
        // Outside the scope: a draft and a rejected quotation, a supply under review, a refund rejected.
        try h.supplierQuotation(try h.quotation(by: 4005), cost: 70_000, rows: [("2020-10-31", "cash")])
        try h.quotation(by: 4005, status: 4)
        try h.expenseParent("supplies", by: 4005, status: 2, expenses: 1)
        try h.expenseParent("refunds", by: 4005, status: 4, expenses: 1)

        let response = h.call(.get, "/api/v1/reports/profitability", as: "empleado")
        #expect(response.status == 200)
        let customer = response.json?["customers"]?.egItems?.first
        #expect(response.keys(customer) == ["id", "code", "name", "description", "brands", "payment_conditions", "picture",
                                             "projects_count", "picture_url", "projects", "profitability"])
        #expect(response.text.contains(
            #""profitability":{"refunds_total":50000,"supplies_total":50000,"suppliers_payment_total":100000,"profits_total":100000,"money_outflow":200000,"profitability_number":-100,"profitability":"-100 %","status_label":"danger"}}]}"#))
        let project = customer?["projects"]?.egItems?.first
        #expect(response.keys(project) == ["id", "folio", "name", "description", "grouper", "collaborators", "customer", "brand",
                                            "status", "brand_id", "customer_id", "profitability", "quotations_total", "quotations"])
        #expect(response.text.contains(
            #""profitability":{"profits_number":100000,"outgoings_number":100000,"profits":"1000.00","outgoings":"1000.00","total_number":0,"total":"0 %","status_label":"danger"},"quotations_total":1,"#))
        #expect(egInt(project?["quotations_total"]) == 1)
        let item = project?["quotations"]?.egItems?.first
        #expect(egInt(item?["id"]) == quotation && egInt(item?["project"]) == 1 && item?["approved"] == .bool(true))
        #expect(response.text.contains(
            #""stats":{"quotation_cost_number":100000,"quotation_cost":"1000.00","profitability_number":0,"profitability":"0 %","subtotal":"1000.00","subtotal_number":100000,"gain_total":"0.00","gain_total_number":0,"direct_bank_transfer":"500.00","cash":"500.00","direct_bank_transfer_number":50000,"cash_number":50000,"suppliers_total":"1000.00","suppliers_total_number":100000,"status_label":"danger"}}]"#))
    }

    @Test("#64 every active customer and project, with zero figures when nothing is approved; no \"-0 %\"")
    func emptyFigures() throws {
        let h = try EgresosHarness(language: "en")
        try h.execute("INSERT INTO customers (code, name, payment_conditions) VALUES ('SN', 'Sin Proyectos', 0)")
        try h.execute("INSERT INTO customers (code, name, payment_conditions, deleted_at) VALUES ('BO', 'Borrado', 0, '2026-11-01')")
        let response = h.call(.get, "/api/v1/reports/profitability", as: "admin")
        let customers = response.json?["customers"]?.egItems ?? []
        #expect(customers.compactMap { $0["name"]?.stringValue } == ["Grupo Modelo", "Sin Proyectos"])
        #expect(customers.last?["projects"] == .array([]))
        #expect(customers.last?["profitability"]?["profitability"]?.stringValue == "0 %")
        let project = customers.first?["projects"]?.egItems?.first
        #expect(egInt(project?["quotations_total"]) == 0 && project?["quotations"] == .array([]))
        #expect(project?["profitability"]?["total"]?.stringValue == "0 %")
        #expect(project?["profitability"]?["status_label"]?.stringValue == "danger")
    }

    @Test("#64 a fixed number of queries whatever the number of customers, projects and quotations")
    func fixedQueries() throws {
        let h = try EgresosHarness(language: "en")
        try h.supplierQuotation(try h.quotation(by: 4005, status: 3), cost: 10_000, rows: [("2020-10-31", "cash")])
        // The caller's first request links the token to the user (§10.1): not part of the report's cost.
        _ = h.call(.get, "/api/v1/notifications", as: "admin")
        let small = try h.questions { #expect(h.call(.get, "/api/v1/reports/profitability", as: "admin").status == 200) }
        for index in 0..<5 {
            try h.execute("INSERT INTO customers (code, name, payment_conditions) VALUES ('C\(index)', 'Cliente \(index)', 0)")
            try h.execute("INSERT INTO brands (customer_id, code, name) VALUES (LAST_INSERT_ID(), 'B\(index)', 'Marca \(index)')")
            try h.execute("INSERT INTO projects (brand_id, folio, name, grouper_id) VALUES (LAST_INSERT_ID(), '7\(index)0', 'Proyecto \(index)', 4004)")
            try h.execute("""
                INSERT INTO quotations (project_id, created_by, billing_date, project_start_date, project_end_date, cost_in_cents, status)
                VALUES (LAST_INSERT_ID(), 4005, '2026-12-01', '2026-12-01', '2026-12-31', 50000, 3)
                """)
            try h.supplierQuotation(try h.count("SELECT MAX(id) FROM quotations"), cost: 20_000, rows: [("2020-10-31", "cash")])
        }
        let large = try h.questions { #expect(h.call(.get, "/api/v1/reports/profitability", as: "admin").status == 200) }
        #expect(small == large && small < 20, "\(small) vs \(large)")
    }

    @Test("#64 profitability labels: warning below PROFITABILITY_SUCCESS_MIN, success from it")
    func labels() throws {
        let h = try EgresosHarness(language: "en", extra: ["PROFITABILITY_SUCCESS_MIN": "40"])
        try h.supplierQuotation(try h.quotation(by: 4005, status: 3, cost: 30_000), cost: 20_000, rows: [("2020-10-31", "cash")])
        let project = h.call(.get, "/api/v1/reports/profitability", as: "admin").json?["customers"]?.egItems?.first?["projects"]?.egItems?.first
        // (30000 − 20000) / 30000 = 33.33 %: below 40.
        #expect(project?["profitability"]?["total"]?.stringValue == "33.33 %")
        #expect(project?["profitability"]?["status_label"]?.stringValue == "warning")
        let figures = try ProjectProfitability([try QuotationStats(QuotationStats.Inputs(quotationCost: 10_000, supplierCosts: [6_000]),
                                                                   successMin: 40)], successMin: 40)
        #expect(figures.total == 4_000 && figures.statusLabel == "success")
    }
}

extension EgresosHarness {
    /// A supplier quotation of supplier 1 on `quotation` costing `cost`, with one schedule row per (date, method),
    /// the cost split evenly (the remainder on the last row, §6.4); returns its id.
    @discardableResult
    func supplierQuotation(_ quotation: Int, cost: Int, rows: [(String, String)]) throws -> Int {
        let id = try database.connection.execute("""
            INSERT INTO supplier_quotations (quotation_id, supplier_id, concept, cost_in_cents, comments)
            VALUES (\(quotation), 1, 'Renta de camaras', \(cost), '')
            """).lastInsertID
        for (position, (date, method)) in rows.enumerated() {
            let share = cost / rows.count + (position == rows.count - 1 ? cost % rows.count : 0)
            try database.connection.execute("""
                INSERT INTO payment_schedules (supplier_quotation_id, position, amount, payment_method, payment_date)
                VALUES (\(id), \(position), \(share), \(method), \(date))
                """)
        }
        return id
    }

    /// How many statements the harness's connection ran during `body` (MariaDB's session `Questions`, less the
    /// two `SHOW` statements that read it).
    func questions(_ body: () throws -> Void) throws -> Int {
        func read() throws -> Int {
            Int(try row("SHOW SESSION STATUS LIKE 'Questions'")?.string("Value") ?? "0") ?? 0
        }
        let before = try read()
        try body()
        return try read() - before - 1
    }
}
