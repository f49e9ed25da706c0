import HTTPCore
import TestSupport
import Testing
@testable import Egresos

/// Supplies and refunds (egresos.md §3.8, §5 items 14-15, §7.2, §13 decisions 1, 2, 7, 16, 32; rulings E8-E10):
/// every test runs for both kinds, through the in-process responder on a seeded database (admin 4001, grouper 4004
/// who leads project 1 "Campaña Modelo" of brand 1 "Cerveza Corona" of customer 1 "Grupo Modelo", cuentas 4005).
@Suite("Egresos supplies and refunds (egresos.md §3.8)")
struct SpendingEndpointTests {
    static let kinds = SpendingKind.allCases

    /// `/api/v1/supplies` or `/api/v1/refunds`.
    static func base(_ kind: SpendingKind) -> String { "/api/v1/\(kind.table)" }

    static let expenseBody = #""supplier_id": 1, "concept": "Renta de camaras", "cost_in_cents": 50000, "comments": "Renta""#

    @Test("#46/#54: the first expense creates a draft of the caller's, 200 with the object's documented and EXT keys", arguments: kinds)
    func create(kind: SpendingKind) throws {
        let harness = try EgresosHarness(caller: "cuentas")
        let response = harness.call(.post, Self.base(kind) + "/expenses", json: "{\(Self.expenseBody), \"project\": 1}")
        #expect(response.status == 200, "\(response.text)")
        #expect(response.keys(response.json) == SpendingOperations.objectKeys)
        let json = response.json
        #expect(json?["status"] == .number("0") && json?["created_by"]?["id"] == .number("4005"))
        #expect(json?["customer"]?["name"]?.stringValue == "Grupo Modelo" && json?["customer"]?["brand"]?.stringValue == "Cerveza Corona"
                && json?["customer"]?["project"]?.stringValue == "Campaña Modelo")
        #expect(egInt(json?["customer_id"]) == 1 && egInt(json?["brand_id"]) == 1 && egInt(json?["project_id"]) == 1
                && json?["quotation_id"] == .null)
        for key in ["leader_accepted_by", "leader_rejected_by", "director_accepted_by", "director_rejected_by", "completed_at",
                    "accepted_at", "rejected_at"] {
            #expect(json?[key] == .null, "\(key)")
        }
        #expect(json?["comments"]?.egItems?.isEmpty == true)
        let expense = json?["expenses"]?.egItems?.first
        #expect(response.keys(expense) == ["id", "concept", "payment_method", "cost_in_cents", "comments", "accepted_at",
                                           "rejected_at", "cost", "voucher_file", "supplier_id"])
        #expect(expense?["payment_method"]?.stringValue == "cash" && expense?["cost"]?.stringValue == "500.00"
                && expense?["voucher_file"] == .null && expense?["comments"]?.stringValue == "Renta")
        #expect(egInt(json?["cost_in_cents"]) == 50000 && json?["cost"]?.stringValue == "500.00")
        #expect(try harness.count("SELECT COUNT(*) FROM concepts WHERE name = 'Renta de camaras'") == 1)
        #expect(try harness.count("SELECT created_by FROM \(kind.table)") == 4005)
    }

    @Test("#46/#54 with an id adds to the caller's draft (cost = Σ expenses); someone else's → 403 4031 unless admin; not a draft → 423 (after 403, E9)",
          arguments: kinds)
    func addToExisting(kind: SpendingKind) throws {
        let harness = try EgresosHarness()
        let own = try harness.spending(kind, createdBy: 4005, costs: [10001])
        let body = "{\(Self.expenseBody), \"\(kind.idColumn)\": \(own.id), \"payment_method\": \"direct_bank_transfer\"}"
        let added = harness.call(.post, Self.base(kind) + "/expenses", json: body, as: "cuentas")
        #expect(added.status == 200 && egInt(added.json?["id"]) == own.id && added.json?["expenses"]?.egItems?.count == 2)
        #expect(egInt(added.json?["cost_in_cents"]) == 60001 && added.json?["cost"]?.stringValue == "600.01")
        #expect(added.json?["expenses"]?.egItems?.last?["payment_method"]?.stringValue == "direct_bank_transfer")

        let others = try harness.spending(kind, createdBy: 4004)
        let foreign = "{\(Self.expenseBody), \"\(kind.idColumn)\": \(others.id)}"
        let refused = harness.call(.post, Self.base(kind) + "/expenses", json: foreign, as: "cuentas")
        #expect(refused.status == 403 && refused.errorCode == "4031", "\(refused.text)")
        // Step 6 comes before the body's checks: a wrong body still gets the 403.
        let refusedFirst = harness.call(.post, Self.base(kind) + "/expenses", json: "{\"\(kind.idColumn)\": \(others.id)}", as: "cuentas")
        #expect(refusedFirst.status == 403 && refusedFirst.errorCode == "4031")
        #expect(harness.call(.post, Self.base(kind) + "/expenses", json: foreign, as: "admin").status == 200)

        let submitted = try harness.spending(kind, createdBy: 4005, status: 1)
        let locked = harness.call(.post, Self.base(kind) + "/expenses",
                                  json: "{\(Self.expenseBody), \"\(kind.idColumn)\": \(submitted.id)}", as: "cuentas")
        #expect(locked.status == 423 && locked.errorCode == "423")
        let othersSubmitted = try harness.spending(kind, createdBy: 4004, status: 2)
        let both = harness.call(.post, Self.base(kind) + "/expenses",
                                json: "{\(Self.expenseBody), \"\(kind.idColumn)\": \(othersSubmitted.id)}", as: "cuentas")
        #expect(both.status == 403 && both.errorCode == "4031")
        let missing = harness.call(.post, Self.base(kind) + "/expenses", json: "{\(Self.expenseBody), \"\(kind.idColumn)\": 999}", as: "cuentas")
        #expect(missing.status == 404 && missing.fieldErrors == ["\(kind.idColumn):4042"])
    }

    @Test("context precedence quotation > project > brand > customer; a customer alone leaves brand and project null", arguments: kinds)
    func contextPrecedence(kind: SpendingKind) throws {
        let harness = try EgresosHarness(caller: "admin")
        _ = try harness.paymentSchedule(quotationStatus: 0)
        let quotation = try harness.count("SELECT MAX(id) FROM quotations")
        try harness.execute("INSERT INTO customers (code, name) VALUES ('OT', 'Otro')")
        func context(_ extra: String) -> [Int?] {
            let json = harness.call(.post, Self.base(kind) + "/expenses", json: "{\(Self.expenseBody), \(extra)}").json
            return ["customer_id", "brand_id", "project_id", "quotation_id"].map { egInt(json?[$0]) }
        }
        #expect(context("\"customer\": 2, \"brand\": 1, \"quotation\": \(quotation)") == [1, 1, 1, quotation])
        #expect(context("\"customer\": 2, \"brand\": 1") == [1, 1, nil, nil])
        #expect(context("\"customer\": 2") == [2, nil, nil, nil])
        #expect(context("\"quotation\": null") == [nil, nil, nil, nil])
    }

    @Test("#47/#55: the path's id wins over the body's; fields and context change; an expense of another parent → 404 on expense_id",
          arguments: kinds)
    func update(kind: SpendingKind) throws {
        let harness = try EgresosHarness(caller: "cuentas")
        let own = try harness.spending(kind, createdBy: 4005, costs: [100, 200])
        let other = try harness.spending(kind, createdBy: 4005)
        let path = "\(Self.base(kind))/\(own.id)/expenses/\(own.expenses[1])"
        let response = harness.call(.put, path, json: """
            {"\(kind.idColumn)": \(other.id), "concept": "Comida y alimentos", "cost_in_cents": 1050, "brand": 1,
             "payment_method": "direct_bank_transfer"}
            """)
        #expect(response.status == 200 && egInt(response.json?["id"]) == own.id, "\(response.text)")
        let edited = response.json?["expenses"]?.egItems?.last
        #expect(edited?["concept"]?.stringValue == "Comida y alimentos" && edited?["cost"]?.stringValue == "10.50"
                && edited?["payment_method"]?.stringValue == "direct_bank_transfer" && edited?["comments"]?.stringValue == "Comida")
        #expect(egInt(response.json?["cost_in_cents"]) == 1150 && egInt(response.json?["brand_id"]) == 1
                && egInt(response.json?["customer_id"]) == 1 && response.json?["project_id"] == .null)
        #expect(try harness.count("SELECT COUNT(*) FROM expenses WHERE \(kind.idColumn) = \(other.id)") == 1)

        let foreign = harness.call(.put, "\(Self.base(kind))/\(own.id)/expenses/\(other.expenses[0])", json: "{}")
        #expect(foreign.status == 404 && foreign.fieldErrors == ["expense_id:4042"])
        let locked = try harness.spending(kind, createdBy: 4005, status: 4)
        #expect(harness.call(.put, "\(Self.base(kind))/\(locked.id)/expenses/\(locked.expenses[0])", json: "{}").status == 423)
        let others = try harness.spending(kind, createdBy: 4004)
        let refused = harness.call(.put, "\(Self.base(kind))/\(others.id)/expenses/\(others.expenses[0])", json: #"{"concept": ""}"#)
        #expect(refused.status == 403 && refused.errorCode == "4031")
    }

    @Test("money: cents above 10^13 or with a fraction → 422 naming cost_in_cents (E10)", arguments: kinds)
    func money(kind: SpendingKind) throws {
        let harness = try EgresosHarness(caller: "admin")
        for cents in ["10000000000001", "10.5"] {
            let response = harness.call(.post, Self.base(kind) + "/expenses",
                                        json: #"{"supplier_id": 1, "concept": "x", "comments": "y", "cost_in_cents": \#(cents)}"#)
            #expect(response.status == 422 && response.fieldErrors.first?.hasPrefix("cost_in_cents:") == true, "\(response.text)")
        }
        #expect(harness.call(.post, Self.base(kind) + "/expenses",
                             json: #"{"supplier_id": 1, "concept": "x", "comments": "y", "cost_in_cents": 10000000000000}"#).status == 200)
    }

    @Test("#48/#56 deletes one expense of a draft; the parent stays, even empty", arguments: kinds)
    func deleteExpense(kind: SpendingKind) throws {
        let harness = try EgresosHarness(caller: "cuentas")
        let own = try harness.spending(kind, createdBy: 4005)
        let path = "\(Self.base(kind))/\(own.id)/expenses/\(own.expenses[0])"
        #expect(harness.call(.delete, path).status == 204)
        let shown = harness.call(.get, "\(Self.base(kind))/\(own.id)")
        #expect(shown.status == 200 && shown.json?["expenses"]?.egItems?.isEmpty == true && egInt(shown.json?["cost_in_cents"]) == 0)
        #expect(harness.call(.delete, path).fieldErrors == ["expense_id:4042"])
        let approved = try harness.spending(kind, createdBy: 4005, status: 3)
        #expect(harness.call(.delete, "\(Self.base(kind))/\(approved.id)/expenses/\(approved.expenses[0])").status == 423)
    }

    @Test("#49/#57 (POST, a body ignored) and EXT-2/EXT-4 (GET) answer the same object; #50/#58 and EXT-1/EXT-3 list all by id",
          arguments: kinds)
    func showAndList(kind: SpendingKind) throws {
        let harness = try EgresosHarness(caller: "grouper")
        let first = try harness.spending(kind, createdBy: 4005, costs: [1, 2])
        let second = try harness.spending(kind, createdBy: 4001)
        let byPost = harness.call(.post, "\(Self.base(kind))/\(first.id)", json: #"{"ignored": true}"#)
        let byGet = harness.call(.get, "\(Self.base(kind))/\(first.id)")
        #expect(byPost.status == 200 && byPost.text == byGet.text && egInt(byGet.json?["cost_in_cents"]) == 3)
        let listed = harness.call(.post, Self.base(kind), json: "{}")
        #expect(listed.status == 200 && listed.keys(listed.json) == [kind.table])
        #expect(listed.json?[kind.table]?.egItems?.map { egInt($0["id"]) } == [first.id, second.id])
        #expect(harness.call(.get, Self.base(kind)).text == listed.text)
        #expect(harness.call(.get, "\(Self.base(kind))/999").fieldErrors == ["\(kind.idColumn):4042"])
    }

    @Test("#51/#59 deletes a draft or a rejected one with its expenses and comments, keeping notifications (reference null); else 423/403",
          arguments: kinds)
    func delete(kind: SpendingKind) throws {
        let harness = try EgresosHarness(caller: "cuentas")
        let draft = try harness.spending(kind, createdBy: 4005)
        try harness.execute("INSERT INTO comments (\(kind.idColumn), user_id, message) VALUES (\(draft.id), 4005, 'hola')")
        try harness.execute("""
            INSERT INTO notifications (`to`, `from`, type_of, status, \(kind.idColumn), message)
            VALUES (4001, 4005, '\(kind.rawValue)', 'submited', \(draft.id), 'Aviso')
            """)
        #expect(harness.call(.delete, "\(Self.base(kind))/\(draft.id)").status == 204)
        #expect(try harness.count("SELECT COUNT(*) FROM \(kind.table) WHERE id = \(draft.id)") == 0)
        #expect(try harness.count("SELECT COUNT(*) FROM expenses WHERE \(kind.idColumn) = \(draft.id)") == 0)
        #expect(try harness.count("SELECT COUNT(*) FROM comments") == 0)
        #expect(try harness.count("SELECT COUNT(*) FROM notifications WHERE type_of = '\(kind.rawValue)' AND \(kind.idColumn) IS NULL") == 1)

        let rejected = try harness.spending(kind, createdBy: 4005, status: 4)
        #expect(harness.call(.delete, "\(Self.base(kind))/\(rejected.id)").status == 204)
        let submitted = try harness.spending(kind, createdBy: 4005, status: 1)
        #expect(harness.call(.delete, "\(Self.base(kind))/\(submitted.id)").errorCode == "423")
        let others = try harness.spending(kind, createdBy: 4004)
        #expect(harness.call(.delete, "\(Self.base(kind))/\(others.id)").errorCode == "4031")
        #expect(harness.call(.delete, "\(Self.base(kind))/\(others.id)", as: "admin").status == 204)
    }

    @Test("voucher_file is stored per E8 after the commit and rendered as an absolute URL; a replacement removes the old file; deletion removes it",
          arguments: kinds)
    func voucher(kind: SpendingKind) throws {
        let harness = try EgresosHarness(caller: "admin")
        let pdf = Array("%PDF-1.4 voucher".utf8)
        let created = harness.multipart(.post, Self.base(kind) + "/expenses",
                                        fields: [("supplier_id", "1"), ("concept", "Renta"), ("cost_in_cents", "50000"), ("comments", "ok")],
                                        files: [("voucher_file", "Factura.PDF", pdf)])
        #expect(created.status == 200, "\(created.text)")
        let expense = created.json?["expenses"]?.egItems?.first
        let expenseID = egInt(expense?["id"]) ?? 0
        #expect(expense?["voucher_file"]?.stringValue.map(EgresosHarness.masked)
                == "\(EgresosHarness.baseURL)/expenses/v1/\(expenseID)/voucher_file-{random}.pdf")
        #expect(harness.storedNames() == ["expenses/v1/\(expenseID)/voucher_file-{random}.pdf"])
        #expect(harness.stored(harness.storedFiles().first ?? "") == pdf)

        let id = egInt(created.json?["id"]) ?? 0
        let replaced = harness.multipart(.put, "\(Self.base(kind))/\(id)/expenses/\(expenseID)",
                                         files: [("voucher_file", "foto.png", Images.png)])
        #expect(replaced.status == 200 && harness.storedNames() == ["expenses/v1/\(expenseID)/voucher_file-{random}.png"])
        let gif = harness.multipart(.put, "\(Self.base(kind))/\(id)/expenses/\(expenseID)", files: [("voucher_file", "a.gif", pdf)])
        #expect(gif.status == 415 && gif.fieldErrors == ["voucher_file:4151"])
        #expect(harness.call(.delete, "\(Self.base(kind))/\(id)").status == 204)
        #expect(harness.storedFiles().isEmpty)
    }
}
