import App
import AppCore
import Foundation
import HTTPCore
import Logging
import MariaDB
import Testing
import TestSupport
@testable import Egresos

@Suite("Egresos supplier portal: session and password (#26-#28)", .serialized)
struct SupplierPortalSessionTests {
    @Test("#26 logs in: the profile keys in order, expires_at = now + 3600 s in ms, a token SupplierAuth accepts")
    func login() throws {
        let harness = try EgresosHarness()
        let response = harness.call(.post, "/api/v1/suppliers/session",
                                    json: #"{"email":"proveedor@example.com","password":"Password123"}"#)
        #expect(response.status == 200)
        #expect(response.keys(response.json) == ["id", "company_name", "contact_name", "phone", "email",
                                                  "business_activity", "authorization"])
        #expect(response.json?["company_name"]?.stringValue == "Producciones Ejemplo")
        #expect(egNumberText(response.json?["id"]) == "1")
        let authorization = response.json?["authorization"]
        #expect(response.keys(authorization) == ["grant_type", "access_token", "expires_at"])
        #expect(authorization?["grant_type"]?.stringValue == "bearer")
        #expect(egNumberText(authorization?["expires_at"]) == String(EgresosHarness.start + 3_600_000))
        let token = authorization?["access_token"]?.stringValue ?? ""
        let (_, subject, _) = try harness.module.auth.supplierTokens.verify(token)
        #expect(subject == EgresosHarness.supplierEmail)
        // The session opens a SUP route (#29); a staff token there is 403 4033.
        #expect(harness.call(.get, "/api/v1/suppliers/billing", token: token).status == 200)
        let staff = harness.call(.get, "/api/v1/suppliers/billing", token: harness.token("admin"))
        #expect(staff.status == 403)
        #expect(staff.errorCode == "4033")
    }

    @Test("#26 refusals: unknown e-mail 404 4042 Supplier; wrong or unset password 401 4012")
    func loginRefusals() throws {
        let harness = try EgresosHarness()
        let unknown = harness.call(.post, "/api/v1/suppliers/session",
                                   json: #"{"email":"nadie@example.com","password":"Password123"}"#)
        #expect(unknown.status == 404)
        #expect(unknown.fieldErrors == ["email:4042"])
        #expect(unknown.text.contains("Supplier"))
        let wrong = harness.call(.post, "/api/v1/suppliers/session",
                                 json: #"{"email":"proveedor@example.com","password":"Password124"}"#)
        #expect(wrong.status == 401)
        #expect(wrong.errorCode == "4012")
        #expect(wrong.text.contains("Incorrect credentials"))
        try harness.execute("UPDATE suppliers SET password_hash = NULL WHERE id = 1")
        let unset = harness.call(.post, "/api/v1/suppliers/session",
                                 json: #"{"email":"proveedor@example.com","password":"Password123"}"#)
        #expect(unset.status == 401)
        #expect(unset.errorCode == "4012")
    }

    @Test("#27 sets the password with a token: 204, older sessions stop working, the token is consumed")
    func setPassword() throws {
        let harness = try EgresosHarness()
        let old = harness.supplierToken()
        let token = try harness.issueToken()
        harness.clock.advance(seconds: 5)
        let body = #"{"token":"\#(token)","password":"Nueva12345","password_confirmation":"Nueva12345"}"#
        let response = harness.call(.put, "/api/v1/suppliers/password", json: body)
        #expect(response.status == 204)
        #expect(try harness.count("SELECT COUNT(*) FROM suppliers WHERE id = 1 AND password_token_hash IS NULL AND password_token_expires_at IS NULL") == 1)
        let hash = try harness.row("SELECT password_hash FROM suppliers WHERE id = 1")?.string("password_hash") ?? ""
        #expect(PasswordHasher.verify("Nueva12345", hash: hash))
        let stale = harness.call(.get, "/api/v1/suppliers/billing", token: old)
        #expect(stale.status == 401)
        #expect(stale.errorCode == "4013")
        let login = harness.call(.post, "/api/v1/suppliers/session",
                                 json: #"{"email":"proveedor@example.com","password":"Nueva12345"}"#)
        #expect(login.status == 200)
        let fresh = login.json?["authorization"]?["access_token"]?.stringValue
        #expect(harness.call(.get, "/api/v1/suppliers/billing", token: fresh).status == 200)
        // Used → 403 4032.
        let again = harness.call(.put, "/api/v1/suppliers/password", json: body)
        #expect(again.status == 403)
        #expect(again.errorCode == "4032")
    }

    @Test("#27 refusals: unknown 403 4032, expired 410 4101, confirmation 422 4225, exact:32; nothing written")
    func setPasswordRefusals() throws {
        let harness = try EgresosHarness()
        let unknown = harness.call(.put, "/api/v1/suppliers/password",
                                   json: #"{"token":"\#(PasswordTokens.generate())","password":"Nueva12345","password_confirmation":"Nueva12345"}"#)
        #expect(unknown.status == 403)
        #expect(unknown.errorCode == "4032")
        let token = try harness.issueToken(hours: 1)
        let mismatch = harness.call(.put, "/api/v1/suppliers/password",
                                    json: #"{"token":"\#(token)","password":"Nueva12345","password_confirmation":"Otra123456"}"#)
        #expect(mismatch.status == 422)
        #expect(mismatch.fieldErrors == ["password:4225"])
        let short = harness.call(.put, "/api/v1/suppliers/password",
                                 json: #"{"token":"abc","password":"Nueva12345","password_confirmation":"Nueva12345"}"#)
        #expect(short.status == 422)
        #expect(short.fieldErrors.first?.hasPrefix("token:") == true)
        harness.clock.advance(seconds: 3601)
        let expired = harness.call(.put, "/api/v1/suppliers/password",
                                   json: #"{"token":"\#(token)","password":"Nueva12345","password_confirmation":"Nueva12345"}"#)
        #expect(expired.status == 410)
        #expect(expired.errorCode == "4101")
        #expect(try harness.count("SELECT COUNT(*) FROM suppliers WHERE id = 1 AND password_changed_at = '2020-01-01 00:00:00.000' AND password_token_hash IS NOT NULL") == 1)
    }

    @Test("#28 recovery: 204, a new token (sha256 stored) and the recovery mail in the outbox")
    func recovery() throws {
        let harness = try EgresosHarness()
        let old = try harness.issueToken()
        let response = harness.call(.post, "/api/v1/suppliers/recovery", json: #"{"email":"proveedor@example.com"}"#)
        #expect(response.status == 204)
        let mail = try harness.row("SELECT recipients, subject, body_text FROM mail_outbox ORDER BY id DESC LIMIT 1")
        #expect(try mail?.string("recipients") == "proveedor@example.com")
        #expect(try mail?.string("subject") == "Element Studios: reestablece tu contraseña")
        guard let token = try Self.mailedToken(harness) else { return }
        #expect(token.count == 32)
        #expect(token.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) })
        #expect(token != old)
        #expect(try harness.count("SELECT COUNT(*) FROM suppliers WHERE id = 1 AND password_token_hash = '\(PasswordTokens.hash(token))'") == 1)

        // The old token no longer works; the new one does.
        let stale = harness.call(.put, "/api/v1/suppliers/password",
                                 json: #"{"token":"\#(old)","password":"Nueva12345","password_confirmation":"Nueva12345"}"#)
        #expect(stale.errorCode == "4032")
        let set = harness.call(.put, "/api/v1/suppliers/password",
                               json: #"{"token":"\#(token)","password":"Nueva12345","password_confirmation":"Nueva12345"}"#)
        #expect(set.status == 204)
    }

    /// The token in the link of the last queued mail.
    static func mailedToken(_ harness: EgresosHarness) throws -> String? {
        let text = try harness.row("SELECT body_text FROM mail_outbox ORDER BY id DESC LIMIT 1")?.string("body_text") ?? ""
        let prefix = "https://portal.test/portal/password?token="
        guard let range = text.range(of: prefix) else { Issue.record("no link in \(text)"); return nil }
        return String(text[range.upperBound...].prefix(while: { $0.isLetter || $0.isNumber }))
    }

    @Test("#28 at most one mail per 5 minutes (ruling 8): a repeat answers the same, queues nothing, the mailed token stays valid")
    func recoveryThrottle() throws {
        let harness = try EgresosHarness()
        let body = #"{"email":"proveedor@example.com"}"#
        let recoveries = "SELECT COUNT(*) FROM mail_outbox WHERE subject = 'Element Studios: reestablece tu contraseña'"
        let first = harness.call(.post, "/api/v1/suppliers/recovery", json: body)
        #expect(first.status == 204)
        #expect(try harness.count(recoveries) == 1)
        guard let mailed = try Self.mailedToken(harness) else { return }

        // 4 min 59 s later: the same answer, no second mail, the first token neither replaced nor voided.
        harness.clock.advance(seconds: 299)
        let repeated = harness.call(.post, "/api/v1/suppliers/recovery", json: body)
        #expect(repeated.status == first.status && repeated.text == first.text)
        #expect(try harness.count(recoveries) == 1)
        #expect(try harness.count("SELECT COUNT(*) FROM suppliers WHERE id = 1 AND password_token_hash = '\(PasswordTokens.hash(mailed))'") == 1)

        // 5 minutes after the first: a new mail with a new token, which replaces the first.
        harness.clock.advance(seconds: 1)
        let later = harness.call(.post, "/api/v1/suppliers/recovery", json: body)
        #expect(later.status == 204 && later.text == first.text)
        #expect(try harness.count(recoveries) == 2)
        guard let fresh = try Self.mailedToken(harness) else { return }
        #expect(fresh != mailed)
        // A repeat right after that one is held back again; the newest token is the one that works.
        harness.clock.advance(seconds: 60)
        #expect(harness.call(.post, "/api/v1/suppliers/recovery", json: body).status == 204)
        #expect(try harness.count(recoveries) == 2)
        let password = { (token: String) in
            harness.call(.put, "/api/v1/suppliers/password",
                         json: #"{"token":"\#(token)","password":"Nueva12345","password_confirmation":"Nueva12345"}"#)
        }
        #expect(password(mailed).errorCode == "4032")
        #expect(password(fresh).status == 204)
    }

    @Test("#28 a held-back repeat keeps the first token usable")
    func recoveryRepeatKeepsToken() throws {
        let harness = try EgresosHarness()
        let body = #"{"email":"proveedor@example.com"}"#
        #expect(harness.call(.post, "/api/v1/suppliers/recovery", json: body).status == 204)
        guard let mailed = try Self.mailedToken(harness) else { return }
        harness.clock.advance(seconds: 120)
        #expect(harness.call(.post, "/api/v1/suppliers/recovery", json: body).status == 204)
        let set = harness.call(.put, "/api/v1/suppliers/password",
                               json: #"{"token":"\#(mailed)","password":"Nueva12345","password_confirmation":"Nueva12345"}"#)
        #expect(set.status == 204)
    }

    @Test("#28 refusals: unknown e-mail 404 4042; no SMTP_HOST 424 4241 with nothing written")
    func recoveryRefusals() throws {
        let harness = try EgresosHarness()
        let unknown = harness.call(.post, "/api/v1/suppliers/recovery", json: #"{"email":"nadie@example.com"}"#)
        #expect(unknown.status == 404)
        #expect(unknown.fieldErrors == ["email:4042"])
        let unconfigured = try EgresosHarness(smtp: false)
        let refused = unconfigured.call(.post, "/api/v1/suppliers/recovery", json: #"{"email":"proveedor@example.com"}"#)
        #expect(refused.status == 424)
        #expect(refused.errorCode == "4241")
        #expect(try unconfigured.count("SELECT COUNT(*) FROM mail_outbox") == 0)
        #expect(try unconfigured.count("SELECT COUNT(*) FROM suppliers WHERE password_token_hash IS NOT NULL") == 0)
    }

    @Test("SupplierInvitation.issue (#24): token stored and the invitation mail enqueued in the caller's transaction")
    func invitation() throws {
        let harness = try EgresosHarness()
        let connection = harness.database.connection
        let settings = harness.module.egresos
        let token = try connection.transaction {
            try SupplierInvitation.issue(supplierID: 1, email: EgresosHarness.supplierEmail, settings: settings,
                                         nowMilliseconds: harness.clock.nowMilliseconds(), on: connection)
        }
        #expect(token.count == 32)
        #expect(try harness.count("SELECT COUNT(*) FROM suppliers WHERE id = 1 AND password_token_hash = '\(PasswordTokens.hash(token))'") == 1)
        let mail = try harness.row("SELECT recipients, subject, body_text FROM mail_outbox ORDER BY id DESC LIMIT 1")
        #expect(try mail?.string("subject") == "Element Studios: establece tu contraseña")
        #expect(try mail?.string("body_text").contains("https://portal.test/portal/password?token=\(token)") == true)
        // Rolled back with the caller's transaction.
        struct Abort: Error {}
        _ = try? connection.transaction {
            try SupplierInvitation.issue(supplierID: 1, email: EgresosHarness.supplierEmail, settings: settings,
                                         nowMilliseconds: harness.clock.nowMilliseconds(), on: connection)
            throw Abort()
        }
        #expect(try harness.count("SELECT COUNT(*) FROM mail_outbox") == 1)
        #expect(try harness.count("SELECT COUNT(*) FROM suppliers WHERE id = 1 AND password_token_hash = '\(PasswordTokens.hash(token))'") == 1)
    }
}

@Suite("Egresos supplier portal: billing (#29, #30)", .serialized)
struct SupplierPortalBillingTests {
    static let billingKeys = ["id", "name", "rfc", "business_name", "banking_institution", "bank_account",
                              "account_status_file", "concept", "contact_name", "contact_phone"]

    @Test("#29 the caller's billing with the Billing keys in order; none stored → the bare 404 4042 Billing (§3.4, §8.3)")
    func billing() throws {
        let harness = try EgresosHarness()
        let response = harness.call(.get, "/api/v1/suppliers/billing", token: harness.supplierToken())
        #expect(response.status == 200)
        #expect(response.keys(response.json) == Self.billingKeys)
        #expect(response.json?["rfc"]?.stringValue == "PEJ200101AB1")
        #expect(response.json?["bank_account"]?.stringValue == "012180001234567891")
        #expect(response.json?["account_status_file"] == .null)
        try harness.execute("DELETE FROM billings")
        let missing = harness.call(.get, "/api/v1/suppliers/billing", token: harness.supplierToken())
        #expect(missing.status == 404)
        // Not a validation failure: the non-field body `{"code": "4042", "message"}`, code a string, no `errors`.
        #expect(missing.keys(missing.json) == ["code", "message"])
        #expect(missing.errorCode == "4042")
        #expect(missing.json?["message"]?.stringValue == "The Billing instance was not found.")
        #expect(harness.call(.get, "/api/v1/suppliers/billing").status == 401)
    }

    @Test("#30 create: 201, unique checks, the account status file stored")
    func createBilling() throws {
        let harness = try EgresosHarness()
        try harness.execute("DELETE FROM billings")
        let token = harness.supplierToken()
        var fields = [("name", "Producciones Ejemplo"), ("contact_name", "Pedro"), ("contact_phone", "5512345678"),
                      ("rfc", "PEJ200101AB1"), ("business_name", "Producciones SA"), ("banking_institution", "BBVA"),
                      ("bank_account", "012180001234567891"), ("concept", "Servicios")]
        // Another supplier's billing holds the rfc → 422 on rfc, nothing written.
        try harness.execute("""
            INSERT INTO suppliers (company_name, contact_name, email, phone, business_activity)
            VALUES ('Otra', 'Ana', 'otra@example.com', '5512345679', 'Cine')
            """)
        try harness.execute("""
            INSERT INTO billings (supplier_id, name, contact_name, contact_phone, rfc, business_name, banking_institution, bank_account, concept)
            SELECT id, 'Otra', 'Ana', '5512345679', 'PEJ200101AB1', 'Otra SA', 'HSBC', '123', 'Cine' FROM suppliers WHERE email = 'otra@example.com'
            """)
        let duplicate = harness.multipart(.post, "/api/v1/suppliers/billing", fields: fields, token: token)
        #expect(duplicate.status == 409)
        #expect(duplicate.fieldErrors.first?.hasPrefix("rfc:") == true)
        #expect(try harness.count("SELECT COUNT(*) FROM billings") == 1)
        fields[3] = ("rfc", "NUEVO200101AB1")
        let response = harness.multipart(.post, "/api/v1/suppliers/billing", fields: fields,
                                         files: [("account_status_file", "Estado.PDF", Array("%PDF-1.4".utf8))], token: token)
        #expect(response.status == 201)
        #expect(response.keys(response.json) == Self.billingKeys)
        let id = egNumberText(response.json?["id"])
        #expect(harness.storedNames() == ["billings/v1/\(id)/account_status_file-{random}.pdf"])
        let path = harness.storedFiles().first ?? ""
        #expect(response.json?["account_status_file"]?.stringValue == "\(EgresosHarness.baseURL)/\(path)")
        #expect(harness.stored(path) == Array("%PDF-1.4".utf8))
        #expect(try harness.count("SELECT COUNT(*) FROM billings WHERE supplier_id = 1 AND rfc = 'NUEVO200101AB1'") == 1)
        // Create requires every field.
        try harness.execute("DELETE FROM billings WHERE supplier_id = 1")
        let partial = harness.multipart(.post, "/api/v1/suppliers/billing", fields: [("name", "Solo Nombre")], token: token)
        #expect(partial.status == 400)
        #expect(try harness.count("SELECT COUNT(*) FROM billings WHERE supplier_id = 1") == 0)
    }

    @Test("#30 a create racing another past validation: 409, nothing written")
    func createRace() throws {
        let harness = try EgresosHarness()
        let repository = MariaDBSupplierPortalRepository(connection: harness.database.connection)
        let fields = BillingChanges(name: "N", contactName: "C", contactPhone: "5512345678", rfc: "R", businessName: "B",
                                    bankingInstitution: "I", bankAccount: "123", concept: "X")
        #expect(throws: EgresosError(code: "409")) { try repository.createBilling(supplierID: 1, fields) }
        #expect(try harness.count("SELECT COUNT(*) FROM billings") == 1)
    }

    @Test("#30 update: 201, partial, no unique checks")
    func updateBilling() throws {
        let harness = try EgresosHarness()
        try harness.execute("""
            INSERT INTO suppliers (company_name, contact_name, email, phone, business_activity)
            VALUES ('Otra', 'Ana', 'otra@example.com', '5512345679', 'Cine')
            """)
        try harness.execute("""
            INSERT INTO billings (supplier_id, name, contact_name, contact_phone, rfc, business_name, banking_institution, bank_account, concept)
            SELECT id, 'Otra', 'Ana', '5512345679', 'OTRA200101AB1', 'Otra SA', 'HSBC', '123', 'Cine' FROM suppliers WHERE email = 'otra@example.com'
            """)
        let response = harness.call(.post, "/api/v1/suppliers/billing",
                                    json: #"{"rfc":"OTRA200101AB1","concept":"Renta de equipo"}"#, token: harness.supplierToken())
        #expect(response.status == 201)
        #expect(egNumberText(response.json?["id"]) == "1")
        #expect(response.json?["rfc"]?.stringValue == "OTRA200101AB1")
        #expect(response.json?["concept"]?.stringValue == "Renta de equipo")
        #expect(response.json?["name"]?.stringValue == "Producciones Ejemplo")
        let bad = harness.call(.post, "/api/v1/suppliers/billing", json: #"{"bank_account":"12-34"}"#,
                               token: harness.supplierToken())
        #expect(bad.status == 422)
        #expect(try harness.count("SELECT COUNT(*) FROM billings WHERE bank_account = '012180001234567891'") == 1)
    }
}

@Suite("Egresos supplier portal: bills (#31, #32, EXT-5/6)", .serialized)
struct SupplierPortalBillsTests {
    /// Quotation 1 (approved) and 2 (status `status2`) on project 1; supplier quotations of supplier 1 on both
    /// and of another supplier on 1; payment rows 1-2 (supplier 1, approved; 2 before 1 by date), 3 (supplier 1,
    /// quotation 2), 4 (the other supplier).
    static func seed(_ harness: EgresosHarness, status2: Int = 1) throws {
        try harness.execute("""
            INSERT INTO suppliers (id, company_name, contact_name, email, phone, business_activity)
            VALUES (2, 'Otra', 'Ana', 'otra@example.com', '5512345679', 'Cine')
            """)
        try harness.execute("""
            INSERT INTO quotations (id, project_id, created_by, billing_date, project_start_date, project_end_date, cost_in_cents, status)
            SELECT 1, p.id, u.id, '2020-06-01', '2019-11-01', '2020-05-05', 100000, 3 FROM projects p, users u ORDER BY p.id, u.id LIMIT 1
            """)
        try harness.execute("""
            INSERT INTO quotations (id, project_id, created_by, billing_date, project_start_date, project_end_date, cost_in_cents, status)
            SELECT 2, p.id, u.id, '2020-06-01', '2019-11-01', '2020-05-05', 100000, \(status2) FROM projects p, users u ORDER BY p.id, u.id LIMIT 1
            """)
        try harness.execute("""
            INSERT INTO supplier_quotations (id, quotation_id, supplier_id, concept, cost_in_cents)
            VALUES (1, 1, 1, 'Renta de camaras', 50000), (2, 2, 1, 'Luces', 10000), (3, 1, 2, 'Catering', 7000)
            """)
        try harness.execute("""
            INSERT INTO payment_schedules (id, supplier_quotation_id, position, amount, payment_method, payment_date)
            VALUES (1, 1, 0, 30000, 'cash', '2019-11-30'), (2, 1, 1, 20000, 'direct_bank_transfer', '2019-10-31'),
                   (3, 2, 0, 10000, 'cash', '2019-09-01'), (4, 3, 0, 7000, 'cash', '2019-09-01')
            """)
    }

    @Test("#31 bills only of approved quotations, by payment_date then id, with the Bill keys")
    func bills() throws {
        let harness = try EgresosHarness()
        try Self.seed(harness)
        let response = harness.call(.get, "/api/v1/suppliers/bills", token: harness.supplierToken())
        #expect(response.status == 200)
        guard case .array(let bills)? = response.json?["bills"] else { Issue.record("no bills"); return }
        #expect(bills.map { egNumberText($0["id"]) } == ["2", "1"])
        #expect(bills.first?.objectValue?.keys == ["id", "concept", "cost_in_cents", "cost", "project", "payment_method",
                                                   "amount", "billing_date", "payment_date", "paid_at", "payment_schedule_id",
                                                   "paid", "billing_file", "billing_uploaded_at", "quotation_id",
                                                   "supplier_quotation_id"])
        #expect(bills.first?["cost"]?.stringValue == "500.00")
        #expect(bills.first?["payment_date"]?.stringValue == "2019-10-31")
        #expect(bills.first?["paid"] == .bool(false))
        #expect(bills.first?["billing_file"] == .null)
        let other = harness.call(.get, "/api/v1/suppliers/bills", token: harness.supplierToken("otra@example.com"))
        guard case .array(let others)? = other.json?["bills"] else { Issue.record("no bills"); return }
        #expect(others.map { egNumberText($0["id"]) } == ["4"])
    }

    @Test("#32 the caller's row with the PaymentScheduleBill keys; another supplier's → 404 4042 PaymentSchedule")
    func paymentSchedule() throws {
        let harness = try EgresosHarness()
        try Self.seed(harness)
        let token = harness.supplierToken()
        let response = harness.call(.get, "/api/v1/suppliers/payment_schedules/2", token: token)
        #expect(response.status == 200)
        #expect(response.keys(response.json) == ["id", "payment_method", "amount", "billing_date", "payment_date", "paid_at",
                                                  "billing_uploaded_at", "payment_schedule_id", "paid", "billing_file"])
        #expect(egNumberText(response.json?["amount"]) == "20000")
        for path in ["/api/v1/suppliers/payment_schedules/4", "/api/v1/suppliers/payment_schedules/99"] {
            let missing = harness.call(.get, path, token: token)
            #expect(missing.status == 404)
            #expect(missing.fieldErrors == ["payment_schedule_id:4042"])
            #expect(missing.text.contains("PaymentSchedule"))
        }
        let staff = harness.call(.get, "/api/v1/suppliers/payment_schedules/2", token: harness.token("admin"))
        #expect(staff.status == 403)
        #expect(staff.errorCode == "4033")
    }

    @Test("EXT-5/6 billing_date is nullable (§3.4): the rules accept null, the document says so, and null clears it")
    func billingDateNullable() throws {
        let file = EgresosTests.upload("factura.pdf", field: "billing_file")
        #expect(failures(EgresosEndpointRules.uploadBill.body, form([("billing_file", file), ("billing_date", .null)])) == [])
        #expect(failures(EgresosEndpointRules.uploadBill.body, form([("billing_file", file), ("billing_date", .string("x"))]))
                == ["billing_date:4229"])
        let document = try OpenAPITests.document()
        let path = "/api/v1/suppliers/payment_schedules/{payment_schedule_id}"
        for method in ["post", "put"] {
            let content = document["paths"]?[path]?[method]?["requestBody"]?["content"]?.objectValue
            #expect(content?.members.isEmpty == false, "\(method)")
            for (_, media) in content?.members ?? [] {
                let type = media["schema"]?["properties"]?["billing_date"]?["type"]
                #expect(type == .array([.string("string"), .string("null")]), "\(method): \(String(describing: type))")
            }
        }
        let harness = try EgresosHarness()
        try Self.seed(harness)
        try harness.execute("UPDATE payment_schedules SET billing_date = '2019-10-15' WHERE id = 2")
        let bills = MariaDBSupplierPortalRepository(connection: harness.database.connection)
        #expect(try bills.recordUpload(id: 2, path: "paymentschedules/v1/2/x.pdf", billingDate: .some(nil), nowMilliseconds: 0))
        #expect(try harness.count("SELECT COUNT(*) FROM payment_schedules WHERE id = 2 AND billing_date IS NULL") == 1)
    }

    @Test("EXT-5/6: the write itself requires an approved quotation and an unpaid row (ruling 2: no check-then-write gap)")
    func uploadChecksInTheWrite() throws {
        let harness = try EgresosHarness()
        try Self.seed(harness)
        let bills = MariaDBSupplierPortalRepository(connection: harness.database.connection)
        // What the request's pre-check saw no longer holds when the write runs: paid meanwhile, or un-approved.
        try harness.execute("UPDATE payment_schedules SET paid = 1, paid_at = '2019-12-01' WHERE id = 1")
        #expect(try !bills.recordUpload(id: 1, path: "paymentschedules/v1/1/a.pdf", billingDate: "2019-10-15", nowMilliseconds: 0))
        #expect(try !bills.recordUpload(id: 3, path: "paymentschedules/v1/3/a.pdf", billingDate: nil, nowMilliseconds: 0))
        #expect(try harness.count("SELECT COUNT(*) FROM payment_schedules WHERE billing_file_path IS NOT NULL") == 0)
        #expect(try bills.recordUpload(id: 2, path: "paymentschedules/v1/2/a.pdf", billingDate: nil, nowMilliseconds: 0))
        #expect(try harness.count("SELECT COUNT(*) FROM payment_schedules WHERE billing_file_path IS NOT NULL") == 1)
    }

    @Test("EXT-5/6 upload: 200, file stored, billing_uploaded_at; re-upload replaces; 423 unapproved or paid; 404 others")
    func upload() throws {
        let harness = try EgresosHarness()
        try Self.seed(harness)
        let token = harness.supplierToken()
        let response = harness.multipart(.post, "/api/v1/suppliers/payment_schedules/2", fields: [("billing_date", "2019-10-15")],
                                         files: [("billing_file", "factura.pdf", Array("%PDF-1".utf8))], token: token)
        #expect(response.status == 200)
        #expect(harness.storedNames() == ["paymentschedules/v1/2/billing_file-{random}.pdf"])
        #expect(response.json?["billing_file"]?.stringValue == "\(EgresosHarness.baseURL)/" + (harness.storedFiles().first ?? ""))
        #expect(response.json?["billing_uploaded_at"]?.stringValue == ISO8601.format(utcMilliseconds: EgresosHarness.start))
        #expect(response.json?["billing_date"]?.stringValue == "2019-10-15")
        let again = harness.multipart(.put, "/api/v1/suppliers/payment_schedules/2",
                                      files: [("billing_file", "factura.xml", Array("<xml/>".utf8))], token: token)
        #expect(again.status == 200)
        #expect(again.json?["billing_date"]?.stringValue == "2019-10-15")
        #expect(harness.storedNames() == ["paymentschedules/v1/2/billing_file-{random}.xml"])
        // Not approved (row 3) → 423; paid (row 1) → 423; another supplier's (row 4) → 404; nothing written.
        try harness.execute("UPDATE payment_schedules SET paid = 1, paid_at = '2019-12-01' WHERE id = 1")
        for id in [3, 1] {
            let locked = harness.multipart(.post, "/api/v1/suppliers/payment_schedules/\(id)",
                                           files: [("billing_file", "factura.pdf", Array("%PDF-1".utf8))], token: token)
            #expect(locked.status == 423)
            #expect(locked.errorCode == "423")
        }
        let foreign = harness.multipart(.post, "/api/v1/suppliers/payment_schedules/4",
                                        files: [("billing_file", "factura.pdf", Array("%PDF-1".utf8))], token: token)
        #expect(foreign.status == 404)
        let missingFile = harness.multipart(.post, "/api/v1/suppliers/payment_schedules/2", fields: [("billing_date", "2019-10-16")],
                                            token: token)
        #expect(missingFile.status == 400)
        let badType = harness.multipart(.post, "/api/v1/suppliers/payment_schedules/2",
                                        files: [("billing_file", "factura.exe", Array("MZ".utf8))], token: token)
        #expect(badType.status == 415 && badType.fieldErrors == ["billing_file:4151"], "\(badType.text)")
        #expect(try harness.count("SELECT COUNT(*) FROM payment_schedules WHERE billing_file_path IS NOT NULL") == 1)
        #expect(try harness.count("SELECT COUNT(*) FROM payment_schedules WHERE billing_date = '2019-10-15'") == 1)
    }
}

/// `SUPPLIER_PORTAL_URL`, `PASSWORD_TOKEN_TTL_HOURS` and whether mail is configured (egresos.md §10.3, §12, E5).
@Suite("Egresos supplier portal settings")
struct SupplierPortalSettingsTests {
    func settings(_ changes: [String: String?]) throws -> EgresosSettings {
        var values = AuthKeys.values()
        for (key, value) in changes { values[key] = value }
        return try EgresosSettings(environment: Environment(module: .egresos, values: values))
    }

    @Test("defaults: the local portal, 72 hours, no mail without SMTP_HOST; a trailing slash is dropped")
    func defaults() throws {
        let plain = try settings([:])
        #expect(plain.supplierPortalURL == "http://127.0.0.1:8082/portal")
        #expect(plain.passwordTokenHours == 72)
        #expect(!plain.mailConfigured)
        let set = try settings(["SUPPLIER_PORTAL_URL": "https://portal.example/", "PASSWORD_TOKEN_TTL_HOURS": "24",
                                "SMTP_HOST": "smtp.example", "MAIL_FROM": "no-reply@example.com"])
        #expect(set.supplierPortalURL == "https://portal.example")
        #expect(set.passwordTokenHours == 24)
        #expect(set.mailConfigured)
        #expect(PasswordTokens.link("abc", settings: set) == "https://portal.example/password?token=abc")
    }

    @Test("refusals: a relative portal URL, a zero TTL")
    func refused() {
        #expect(throws: ConfigurationError.self) { try settings(["SUPPLIER_PORTAL_URL": "/portal"]) }
        #expect(throws: ConfigurationError.self) { try settings(["PASSWORD_TOKEN_TTL_HOURS": "0"]) }
    }

    @Test("tokens: 32 characters of [a-z0-9], distinct; the stored hash is the sha256 hex")
    func tokens() {
        let tokens = (0..<50).map { _ in PasswordTokens.generate() }
        #expect(Set(tokens).count == 50)
        #expect(tokens.allSatisfy { $0.utf8.count == 32 && $0.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) } })
        #expect(PasswordTokens.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
