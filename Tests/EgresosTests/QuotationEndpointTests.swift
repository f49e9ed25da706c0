import Foundation
import HTTPCore
import MariaDB
import Testing
import TestSupport
@testable import Egresos

private let quotationKeys = QuotationOperations.quotationKeys
private let pdf = Array("%PDF-1.4 quotation".utf8)

/// The document's "Crear Cotización" fields (multipart) with its quotation file.
private func createFields(_ extra: [(String, String)] = []) -> [(String, String)] {
    [("location", "Ciudad de México"), ("billing_date", "2020-06-01"), ("purchase_order", "ABC1234032"),
     ("project_start_date", "2019-11-01"), ("project_end_date", "2020-05-05"), ("cost_in_cents", "100000")] + extra
}

/// The document's single-quoted multipart schedule (Paso 2).
private let quotedSchedule = "[{'payment_date':'2019-11-01','payment_method':'cash'},{'payment_date':'2019-11-01','payment_method':'direct_bank_transfer'}]"

extension EgresosHarness {
    /// Creates a quotation of project 1 through #33 as `caller`; returns its id.
    func createQuotation(as caller: Caller = "cuentas", fields: [(String, String)] = createFields()) -> Int? {
        let response = multipart(.post, "/api/v1/projects/1/quotations", fields: fields,
                                 files: [("quotation_file", "cotizacion.PDF", pdf)], as: caller)
        return egInt(response.json?["id"])
    }

    /// Adds a supplier quotation of supplier 1 through #35; returns its id.
    func addSupplierQuotation(_ quotation: Int, cost: Int64 = 50000, schedule: String = quotedSchedule,
                              as caller: Caller = "cuentas") -> Int? {
        let response = multipart(.post, "/api/v1/quotations/\(quotation)/suppliers", fields: [
            ("supplier_id", "1"), ("concept", "Renta de camaras"), ("comments", "Voluptate officia"),
            ("cost_in_cents", String(cost)), ("payment_schedule", schedule),
        ], as: caller)
        return egInt(response.json?["id"])
    }
}

@Suite("Egresos quotations (#33-#38, #40, #42-#44)", .serialized)
struct QuotationEndpointTests {
    @Test("#33 creates a draft with its file: 200, the Quotation keys, project as an object, the customer's payment_conditions")
    func create() throws {
        let harness = try EgresosHarness(caller: "cuentas")
        let response = harness.multipart(.post, "/api/v1/projects/1/quotations", fields: createFields(),
                                         files: [("quotation_file", "cotizacion.PDF", pdf)])
        #expect(response.status == 200)
        #expect(response.keys(response.json) == quotationKeys)
        let json = response.json
        #expect(response.keys("project") == ["id", "folio", "name", "description"])
        #expect(json?["project"]?["folio"]?.stringValue == "601")
        #expect(egInt(json?["payment_conditions"]) == 60, "the customer's (Grupo Modelo: 60)")
        #expect(json?["priority"]?.stringValue == "low")
        #expect(egInt(json?["status"]) == 0)
        #expect(json?["approved"] == .bool(false) && json?["rejected"] == .bool(false))
        #expect(json?["cost"]?.stringValue == "1000.00")
        #expect(json?["billing_date"]?.stringValue == "2020-06-01")
        #expect(json?["project_start_date"]?.stringValue == "2019-11-01T00:00:00.000Z")
        #expect(json?["project_end_date"]?.stringValue == "2020-05-05T00:00:00.000Z")
        #expect(json?["confirmation_file"] == .null && json?["completed_at"] == .null)
        #expect(json?["created_by"]?["email"]?.stringValue == "cuentas@element.com.mx")
        let id = egInt(json?["id"]) ?? 0
        // Ruling E8: quotations/v1/{id}/quotation_file-{random}.pdf, served as an absolute URL.
        #expect(harness.storedNames() == ["quotations/v1/\(id)/quotation_file-{random}.pdf"])
        let path = harness.storedPath("quotations/v1/\(id)/quotation_file-{random}.pdf") ?? "?"
        #expect(json?["quotation_file"]?.stringValue == EgresosHarness.baseURL + "/" + path)
        #expect(harness.stored(path) == pdf)

        let explicit = harness.multipart(.post, "/api/v1/projects/1/quotations", fields: createFields([("payment_conditions", "15")]),
                                         files: [("quotation_file", "c.pdf", pdf), ("confirmation_file", "ok.png", Images.png)])
        #expect(egInt(explicit.json?["payment_conditions"]) == 15)
        #expect(explicit.json?["confirmation_file"]?.stringValue?.contains("/confirmation_file-") == true)
    }

    @Test("#33 refusals: no file 4001, end before start 42215, fractions and ranges (E10), unknown project 4042, roles")
    func createRefusals() throws {
        let harness = try EgresosHarness(caller: "cuentas")
        // A token's first use links it to its user (§10.1 step 5): done before the fingerprint.
        for user in ["cuentas", "empleado"] { _ = harness.call(.get, "/api/v1/users/profile", as: .staff(user)) }
        let before = try harness.fingerprint()
        let noFile = harness.multipart(.post, "/api/v1/projects/1/quotations", fields: createFields())
        #expect(noFile.status == 400)
        #expect(noFile.fieldErrors == ["quotation_file:4001"])
        let range = harness.multipart(.post, "/api/v1/projects/1/quotations",
                                      fields: createFields([("project_end_date", "2019-10-31")]).filter { $0.0 != "project_end_date" }
                                          + [("project_end_date", "2019-10-31")],
                                      files: [("quotation_file", "c.pdf", pdf)])
        #expect(range.status == 422)
        #expect(range.fieldErrors == ["project_end_date:42215"])
        let numbers = harness.multipart(.post, "/api/v1/projects/1/quotations",
                                        fields: createFields([("payment_conditions", "60.5")]).filter { $0.0 != "cost_in_cents" }
                                            + [("cost_in_cents", "0")],
                                        files: [("quotation_file", "c.pdf", pdf)])
        #expect(numbers.fieldErrors == ["payment_conditions:4224", "cost_in_cents:4222"])
        let tooMany = harness.multipart(.post, "/api/v1/projects/1/quotations", fields: createFields([("payment_conditions", "366")]),
                                        files: [("quotation_file", "c.exe", pdf)])
        #expect(tooMany.status == 415)
        #expect(tooMany.fieldErrors == ["quotation_file:4151", "payment_conditions:4223"])
        let project = harness.multipart(.post, "/api/v1/projects/99/quotations", fields: createFields(),
                                        files: [("quotation_file", "c.pdf", pdf)])
        #expect(project.status == 404)
        #expect(project.fieldErrors == ["project_id:4042"])
        #expect(harness.multipart(.post, "/api/v1/projects/1/quotations", fields: createFields(),
                                  files: [("quotation_file", "c.pdf", pdf)], as: "empleado").status == 403)
        #expect(try harness.fingerprint() == before, "a refusal writes nothing")
    }

    @Test("#34 E9 order: roles 403, ids 404, creator-or-admin 403, status 423; edits, moves and the stored date range")
    func update() throws {
        let harness = try EgresosHarness(caller: "cuentas")
        let id = try #require(harness.createQuotation())
        #expect(harness.multipart(.put, "/api/v1/quotations/\(id)", fields: [("location", "x")], as: "empleado").status == 403)
        let missing = harness.multipart(.put, "/api/v1/quotations/999", fields: [("location", "x")], as: "grouper")
        #expect(missing.status == 404 && missing.fieldErrors == ["quotation_id:4042"])
        let stranger = harness.multipart(.put, "/api/v1/quotations/\(id)", fields: [("location", "")], as: "grouper")
        #expect(stranger.status == 403 && stranger.errorCode == "4031", "not the creator: 403 before the body's 422")

        // The range is checked against the stored end (2020-05-05) and the stored start (2019-11-01).
        let late = harness.multipart(.put, "/api/v1/quotations/\(id)", fields: [("project_start_date", "2020-06-01")])
        #expect(late.status == 422 && late.fieldErrors == ["project_end_date:42215"])
        let early = harness.multipart(.put, "/api/v1/quotations/\(id)", fields: [("project_end_date", "2019-10-01")])
        #expect(early.status == 422 && early.fieldErrors == ["project_end_date:42215"])

        try harness.execute("""
            INSERT INTO projects (brand_id, folio, name, description) VALUES (1, '777', 'Corona Capital 2019', 'Eventos')
            """)
        let moved = harness.multipart(.put, "/api/v1/quotations/\(id)", fields: [
            ("project_id", "2"), ("priority", "urgent"), ("cost_in_cents", "500000"), ("project_end_date", "2020-08-02"),
        ], files: [("confirmation_file", "ok.pdf", pdf)], as: "admin")
        #expect(moved.status == 200)
        #expect(moved.keys(moved.json) == quotationKeys)
        #expect(moved.json?["project"]?["folio"]?.stringValue == "777")
        #expect(moved.json?["priority"]?.stringValue == "urgent" && moved.json?["cost"]?.stringValue == "5000.00")
        #expect(moved.json?["project_end_date"]?.stringValue == "2020-08-02T00:00:00.000Z")
        #expect(moved.json?["location"]?.stringValue == "Ciudad de México", "fields not sent are kept")
        #expect(harness.storedNames().count == 2)

        try harness.execute("UPDATE quotations SET status = 1 WHERE id = \(id)")
        let locked = harness.multipart(.put, "/api/v1/quotations/\(id)", fields: [("location", "x")])
        #expect(locked.status == 423 && locked.errorCode == "423")
        #expect(harness.multipart(.put, "/api/v1/quotations/\(id)", fields: [("location", "x")], as: "grouper").status == 403)
    }

    @Test("#35 the document's single-quoted schedule splits evenly; explicit amounts must add up (4224); 42220, 4222")
    func addSupplier() throws {
        let harness = try EgresosHarness(caller: "cuentas")
        let id = try #require(harness.createQuotation())
        let response = harness.multipart(.post, "/api/v1/quotations/\(id)/suppliers", fields: [
            ("supplier_id", "1"), ("concept", "Renta de camaras"), ("comments", "Voluptate officia"),
            ("cost_in_cents", "50000"), ("payment_schedule", quotedSchedule),
        ], files: [("quotation_file", "sq.xlsx", pdf)])
        #expect(response.status == 200)
        #expect(response.keys(response.json) == QuotationOperations.supplierQuotationKeys)
        #expect(response.json?["comments"]?.stringValue == "Voluptate officia")
        let rows = response.json?["payment_schedule"]?.egItems ?? []
        #expect(rows.map { egInt($0["amount"]) } == [25000, 25000])
        #expect(rows.map { $0["payment_method"]?.stringValue } == ["cash", "direct_bank_transfer"])
        #expect(rows.first?.objectValue?.keys == ["id", "amount", "billing_date", "payment_date", "paid_at", "payment_method",
                                                  "paid", "billing_file", "billing_uploaded_at"])
        #expect(rows.first?["paid_at"] == .null && rows.first?["paid"] == .bool(false))
        let sq = egInt(response.json?["id"]) ?? 0
        #expect(harness.storedNames().contains("supplierquotations/v1/\(sq)/quotation_file-{random}.xlsx"))
        #expect(try harness.count("SELECT COUNT(*) FROM concepts WHERE name = 'Renta de camaras'") == 1)

        func schedule(_ cost: String, _ value: String) -> TestResponse {
            harness.call(.post, "/api/v1/quotations/\(id)/suppliers", json: """
                {"supplier_id": 1, "concept": "RENTA DE CAMARAS", "comments": "x", "cost_in_cents": \(cost), "payment_schedule": \(value)}
                """)
        }
        let explicit = schedule("50000", """
            [{"payment_date": "2019-11-01", "payment_method": "cash", "amount": 30000},
             {"payment_date": "2019-11-15", "payment_method": "direct_bank_transfer", "amount": 20000, "billing_date": "2019-10-01"}]
            """)
        #expect(explicit.status == 200)
        #expect(explicit.json?["payment_schedule"]?.egItems?.map { egInt($0["amount"]) } == [30000, 20000])
        #expect(explicit.json?["payment_schedule"]?.egItems?.last?["billing_date"]?.stringValue == "2019-10-01")
        let thirds = schedule("10001", "\"[{\\\"payment_date\\\":\\\"2019-11-01\\\",\\\"payment_method\\\":\\\"cash\\\"},{\\\"payment_date\\\":\\\"2019-11-02\\\",\\\"payment_method\\\":\\\"cash\\\"},{\\\"payment_date\\\":\\\"2019-11-03\\\",\\\"payment_method\\\":\\\"cash\\\"}]\"")
        #expect(thirds.json?["payment_schedule"]?.egItems?.map { egInt($0["amount"]) } == [3333, 3333, 3335])
        #expect(try harness.count("SELECT COUNT(*) FROM concepts") == 1, "the catalogue keeps the first spelling")

        let before = try harness.fingerprint()
        let mismatch = schedule("50000", #"[{"payment_date": "2019-11-01", "payment_method": "cash", "amount": 30000}]"#)
        #expect(mismatch.status == 422 && mismatch.fieldErrors == ["payment_schedule:4224"])
        #expect(schedule("50000", "\"not an array\"").fieldErrors == ["payment_schedule:42220"])
        #expect(schedule("50000", "[]").fieldErrors == ["payment_schedule:4222"])
        let items = schedule("50000", #"[{"payment_date": "2019-02-30", "payment_method": "payment_method", "amount": 1.5}]"#)
        #expect(items.fieldErrors == ["payment_schedule[0].payment_date:4229", "payment_schedule[0].payment_method:42210",
                                      "payment_schedule[0].amount:4224"])
        let supplier = harness.call(.post, "/api/v1/quotations/\(id)/suppliers", json: """
            {"supplier_id": 99, "concept": "x", "comments": "x", "cost_in_cents": 1, "payment_schedule": [{"payment_date": "2019-11-01", "payment_method": "cash"}]}
            """)
        #expect(supplier.status == 404 && supplier.fieldErrors == ["supplier_id:4042"])
        #expect(try harness.fingerprint() == before)
    }

    @Test("#36 the supplier quotation must belong to the quotation (404 4042); a schedule replaces, a new cost re-splits; #37 deletes")
    func editAndDeleteSupplier() throws {
        let harness = try EgresosHarness(caller: "cuentas")
        let first = try #require(harness.createQuotation())
        let second = try #require(harness.createQuotation())
        let sq = try #require(harness.addSupplierQuotation(first))
        let foreign = harness.call(.put, "/api/v1/quotations/\(second)/suppliers/\(sq)", json: #"{"concept": "x"}"#)
        #expect(foreign.status == 404 && foreign.fieldErrors == ["supplier_id:4042"])
        #expect(harness.call(.delete, "/api/v1/quotations/\(second)/suppliers/\(sq)").status == 404)

        let resplit = harness.call(.put, "/api/v1/quotations/\(first)/suppliers/\(sq)", json: #"{"cost_in_cents": 10001, "comments": "otro"}"#)
        #expect(resplit.status == 200)
        #expect(resplit.json?["payment_schedule"]?.egItems?.map { egInt($0["amount"]) } == [5000, 5001])
        #expect(resplit.json?["comments"]?.stringValue == "otro" && resplit.json?["concept"]?.stringValue == "Renta de camaras")
        let replaced = harness.multipart(.put, "/api/v1/quotations/\(first)/suppliers/\(sq)", fields: [
            ("concept", "Comida y alimentos"), ("payment_schedule", "[{'payment_date':'2019-12-01','payment_method':'direct_bank_transfer'}]"),
        ], files: [("quotation_file", "propuesta.pdf", pdf)])
        #expect(replaced.status == 200)
        #expect(harness.storedNames().filter { $0.hasPrefix("supplierquotations/") }
            == ["supplierquotations/v1/\(sq)/quotation_file-{random}.pdf"])
        #expect(replaced.json?["payment_schedule"]?.egItems?.map { egInt($0["amount"]) } == [10001])
        #expect(try harness.count("SELECT COUNT(*) FROM payment_schedules") == 1)
        #expect(try harness.count("SELECT COUNT(*) FROM concepts") == 2)
        let bad = harness.call(.put, "/api/v1/quotations/\(first)/suppliers/\(sq)",
                               json: #"{"payment_schedule": [{"payment_date": "2019-12-01", "payment_method": "cash", "amount": 1}]}"#)
        #expect(bad.fieldErrors == ["payment_schedule:4224"])
        #expect(harness.call(.put, "/api/v1/quotations/\(first)/suppliers/\(sq)", json: #"{"concept": "x"}"#, as: "grouper").status == 403)

        #expect(harness.call(.post, "/api/v1/supplierquotations/\(sq)/comments", json: #"{"message": "ok"}"#).status == 204)
        #expect(harness.call(.delete, "/api/v1/quotations/\(first)/suppliers/\(sq)").status == 204)
        #expect(try harness.count("SELECT COUNT(*) FROM supplier_quotations") == 0)
        #expect(try harness.count("SELECT COUNT(*) FROM payment_schedules") == 0)
        #expect(try harness.count("SELECT COUNT(*) FROM comments") == 0)
        // Its file goes with it (ruling E8): no URL keeps serving a deleted supplier quotation's document.
        #expect(harness.storedNames().filter { $0.hasPrefix("supplierquotations/") }.isEmpty)
        #expect(harness.call(.delete, "/api/v1/quotations/\(first)/suppliers/\(sq)").status == 404)

        let other = try #require(harness.addSupplierQuotation(first))
        try harness.execute("UPDATE quotations SET status = 2 WHERE id = \(first)")
        #expect(harness.call(.delete, "/api/v1/quotations/\(first)/suppliers/\(other)").status == 423)
        #expect(harness.call(.put, "/api/v1/quotations/\(first)/suppliers/\(other)", json: #"{"concept": "x"}"#).status == 423)
        #expect(harness.call(.post, "/api/v1/quotations/\(first)/suppliers", json: "{}").status == 423)
    }

    @Test("#38 the resume reproduces the document's example: 100000 / 100000 / 0 / \"0 %\" / 50000 + 50000 / danger; payment_date 2020-10-02T12:47:00.714Z")
    func resume() throws {
        let harness = try EgresosHarness(caller: "cuentas")
        let id = try #require(harness.createQuotation())
        let cash = try #require(harness.addSupplierQuotation(id, schedule: "[{'payment_date':'2019-11-01','payment_method':'cash'}]"))
        _ = try #require(harness.addSupplierQuotation(
            id, schedule: "[{'payment_date':'2019-11-01','payment_method':'direct_bank_transfer'}]"))
        try harness.execute("UPDATE quotations SET project_end_date = '2020-08-02 12:47:00.714', payment_conditions = 60 WHERE id = \(id)")
        #expect(harness.call(.post, "/api/v1/supplierquotations/\(cash)/comments",
                             json: #"{"message": "Nostrud mollit", "status": "good"}"#, as: "grouper").status == 204)
        #expect(harness.call(.post, "/api/v1/supplierquotations/\(cash)/comments", json: "{}").status == 204)
        try harness.execute("""
            INSERT INTO comments (quotation_id, user_id, status, message) VALUES (\(id), 4005, 'info', 'Duis minim')
            """)

        let response = harness.call(.get, "/api/v1/quotations/\(id)/resume", as: "empleado")
        #expect(response.status == 200)
        let json = response.json
        let expected: [(String, String)] = [
            ("quotation_cost_number", "100000"), ("quotation_cost", "1000.00"), ("profitability_number", "0"),
            ("profitability", "0 %"), ("subtotal", "1000.00"), ("subtotal_number", "100000"), ("gain_total", "0.00"),
            ("gain_total_number", "0"), ("direct_bank_transfer", "500.00"), ("cash", "500.00"),
            ("direct_bank_transfer_number", "50000"), ("cash_number", "50000"), ("suppliers_total", "1000.00"),
            ("suppliers_total_number", "100000"), ("status_label", "danger"),
        ]
        for (key, value) in expected { #expect(egNumberText(json?[key]) == value, "\(key)") }
        #expect(json?["payment_date"]?.stringValue == "2020-10-02T12:47:00.714Z")
        #expect(json?["project_end_date"]?.stringValue == "2020-08-02T12:47:00.714Z")
        let keys = response.keys(json)
        #expect(Array(keys.prefix(9)) == ["id", "project", "location", "cost_in_cents", "cost", "billing_date", "purchase_order",
                                          "project_start_date", "project_end_date"])
        #expect(keys.contains("payment_date") && keys.suffix(2) == ["expenses", "suppliers"])
        #expect(response.keys("project") == ["id", "folio", "name", "description", "brand", "brand_picture_url", "customer",
                                             "customer_picture_url"])
        #expect(json?["project"]?["brand"]?.stringValue == "Cerveza Corona")
        #expect(json?["project"]?["customer"]?.stringValue == "Grupo Modelo")
        #expect(json?["comments"]?.egItems?.map { $0["message"]?.stringValue } == ["Duis minim"])
        #expect(json?["expenses"]?.egItems?.isEmpty == true)
        let suppliers = json?["suppliers"]?.egItems ?? []
        #expect(suppliers.count == 2)
        #expect(suppliers.first?.objectValue?.keys == ["id", "supplier", "payment_schedule", "concept", "cost_in_cents", "cost",
                                                       "quotation_file", "comments", "comments_text"])
        #expect(suppliers.first?["comments_text"]?.stringValue == "Voluptate officia")
        #expect(suppliers.first?["comments"]?.egItems?.map { $0["status"]?.stringValue } == ["good", "info"])
        #expect(suppliers.first?["comments"]?.egItems?.last?["message"]?.stringValue == "")
        #expect(suppliers.first?["supplier"]?["email"]?.stringValue == "proveedor@example.com")
        #expect(suppliers.first?["cost"]?.stringValue == "500.00")

        // A linked supply's expenses count (parent status ≠ 4); a rejected one's do not.
        try harness.execute("INSERT INTO supplies (created_by, quotation_id, status) VALUES (4005, \(id), 0), (4005, \(id), 4)")
        try harness.execute("""
            INSERT INTO expenses (supply_id, supplier_id, concept, cost_in_cents, payment_method)
            VALUES (1, 1, 'Comida', 10000, 'cash'), (2, 1, 'Comida', 99999, 'cash')
            """)
        let linked = harness.call(.get, "/api/v1/quotations/\(id)/resume")
        #expect(linked.json?["expenses"]?.egItems?.map { egInt($0["cost_in_cents"]) } == [10000])
        #expect(linked.json?["expenses"]?.egItems?.first?["type_of"]?.stringValue == "supply")
        #expect(egNumberText(linked.json?["subtotal_number"]) == "110000")
        #expect(egNumberText(linked.json?["cash_number"]) == "60000")
        #expect(linked.json?["profitability"]?.stringValue == "-10 %")
        #expect(harness.call(.get, "/api/v1/quotations/999/resume").fieldErrors == ["quotation_id:4042"])
    }

    @Test("#40, #42, #43 render project as an id; #44 takes any status, default info, in:good,bad,info")
    func readsAndComments() throws {
        let harness = try EgresosHarness(caller: "cuentas")
        let id = try #require(harness.createQuotation())
        let sq = try #require(harness.addSupplierQuotation(id))
        let show = harness.call(.get, "/api/v1/quotations/\(id)")
        #expect(show.status == 200 && show.keys(show.json) == quotationKeys)
        #expect(egInt(show.json?["project"]) == 1)
        let list = harness.call(.get, "/api/v1/quotations", as: "grouper")
        #expect(list.json?["quotations"]?.egItems?.map { egInt($0["project"]) } == [1])
        #expect(harness.call(.get, "/api/v1/projects/1/quotations").json?["quotations"]?.egItems?.count == 1)
        try harness.execute("INSERT INTO projects (brand_id, folio, name) VALUES (1, '778', 'Otro proyecto')")
        #expect(harness.call(.get, "/api/v1/projects/2/quotations").json?["quotations"]?.egItems?.count == 0)
        #expect(harness.call(.get, "/api/v1/projects/9/quotations").fieldErrors == ["project_id:4042"])
        #expect(harness.call(.get, "/api/v1/quotations", as: "empleado").status == 403)

        try harness.execute("UPDATE quotations SET status = 3 WHERE id = \(id)")
        #expect(harness.call(.post, "/api/v1/supplierquotations/\(sq)/comments", json: #"{"message": "tarde"}"#, as: "admin").status == 204)
        let row = try #require(try harness.row("SELECT status, message, user_id FROM comments WHERE supplier_quotation_id = \(sq)"))
        #expect(try row.string("status") == "info" && row.string("message") == "tarde" && row.int("user_id") == 4001)
        #expect(harness.call(.post, "/api/v1/supplierquotations/\(sq)/comments", json: #"{"status": "meh"}"#).fieldErrors
                == ["status:42210"])
        #expect(harness.call(.post, "/api/v1/supplierquotations/99/comments", json: "{}").fieldErrors == ["supplier_id:4042"])
    }
}
