import Foundation
import HTTPCore
import MariaDB
import Testing
import TestSupport
@testable import Egresos



private let supplierKeys = ["id", "company_name", "payment_conditions", "contact_name", "email", "phone",
                            "business_activity", "picture"]

/// The doc's "Crear proveedor" body (its `id` is ignored).
private let createBody = """
    {"id": 5, "company_name": "Proveedor 01 S.A. de C.V.", "payment_conditions": 60, "contact_name": "Juan Ramirez",
     "email": "juan.ramirez@example.com", "phone": "+525541878844", "business_activity": "Telecomunicaciones"}
    """

@Suite("Egresos suppliers, staff side (#22-#25, EXT-7)", .serialized)
struct SupplierStaffTests {
    @Test("#22 lists suppliers with the Supplier keys in order; filters are case-insensitive substrings, AND")
    func listSuppliers() throws {
        let harness = try EgresosHarness(caller: "empleado")
        #expect(harness.call(.post, "/api/v1/suppliers", json: createBody, as: "admin").status == 201)
        let all = harness.call(.get, "/api/v1/suppliers")
        #expect(all.status == 200)
        #expect(all.json?.objectValue?.keys == ["suppliers"])
        guard case .array(let suppliers)? = all.json?["suppliers"] else { Issue.record("no suppliers"); return }
        #expect(suppliers.count == 2)
        #expect(suppliers.first?.objectValue?.keys == supplierKeys)
        #expect(suppliers.first?["email"]?.stringValue == "proveedor@example.com")
        #expect(egInt(suppliers.first?["payment_conditions"]) == 30)
        #expect(suppliers.first?["picture"] == .null)

        func names(_ query: String) -> [String] {
            let response = harness.call(.get, "/api/v1/suppliers?" + query)
            guard case .array(let items)? = response.json?["suppliers"] else { return ["status \(response.status)"] }
            return items.compactMap { $0["contact_name"]?.stringValue }
        }
        #expect(names("contact_name=RAMIREZ") == ["Juan Ramirez"])
        #expect(names("contact_name=pedro") == ["Pedro Proveedor Gómez"])
        #expect(names("business_activity=telecom") == ["Juan Ramirez"])
        #expect(names("contact_name=Juan&business_activity=telecom") == ["Juan Ramirez"])
        #expect(names("contact_name=Juan&business_activity=Producci") == [])
        #expect(names("business_activity=50%25") == [])

        let short = harness.call(.get, "/api/v1/suppliers?contact_name=J&business_activity=x")
        #expect(short.status == 422)
        #expect(short.fieldErrors == ["contact_name:4222", "business_activity:4222"])
        #expect(harness.call(.get, "/api/v1/suppliers?contact_name=50%25").status == 422)
        #expect(harness.call(.get, "/api/v1/suppliers", as: .anonymous).status == 401)
    }

    @Test("#23 shows a supplier; 404 4042 Supplier for an unknown one")
    func showSupplier() throws {
        let harness = try EgresosHarness(caller: "empleado")
        let response = harness.call(.get, "/api/v1/suppliers/1")
        #expect(response.status == 200)
        #expect(response.json?.objectValue?.keys == ["supplier"])
        #expect(response.json?["supplier"]?.objectValue?.keys == supplierKeys)
        #expect(response.json?["supplier"]?["company_name"]?.stringValue == "Producciones Ejemplo")
        let missing = harness.call(.get, "/api/v1/suppliers/99")
        #expect(missing.status == 404)
        #expect(missing.fieldErrors == ["supplier_id:4042"])
        #expect(missing.text.contains("Supplier"))
        #expect(harness.call(.get, "/api/v1/suppliers/abc").status == 404)
    }

    @Test("#24 creates a supplier without a password (201 {supplier}) and invites it; payment_conditions defaults to 0")
    func createSupplier() throws {
        let harness = try EgresosHarness(caller: "empleado")
        let response = harness.call(.post, "/api/v1/suppliers", json: createBody, as: "rh")
        #expect(response.status == 201)
        #expect(response.json?.objectValue?.keys == ["supplier"])
        let supplier = response.json?["supplier"]
        #expect(supplier?.objectValue?.keys == supplierKeys)
        #expect(egInt(supplier?["id"]) != 5)
        #expect(supplier?["company_name"]?.stringValue == "Proveedor 01 S.A. de C.V.")
        #expect(egInt(supplier?["payment_conditions"]) == 60)
        #expect(supplier?["phone"]?.stringValue == "+525541878844")
        #expect(try harness.count("SELECT COUNT(*) FROM suppliers WHERE email = 'juan.ramirez@example.com' AND password_hash IS NULL") == 1)
        // The invitation (§10.3, §12): a stored token hash with its expiry and the mail in the outbox, same transaction.
        #expect(try harness.count("""
            SELECT COUNT(*) FROM suppliers WHERE email = 'juan.ramirez@example.com'
               AND password_token_hash IS NOT NULL
               AND password_token_expires_at = '\(SQLDateTime(unixMilliseconds: harness.clock.nowMilliseconds() + 72 * 3_600_000))'
            """) == 1)
        #expect(try harness.count("""
            SELECT COUNT(*) FROM mail_outbox WHERE recipients = 'juan.ramirez@example.com'
               AND subject = 'Element Studios: establece tu contraseña' AND body_text LIKE '%password?token=%'
            """) == 1)

        let plain = harness.call(.post, "/api/v1/suppliers", json: """
            {"company_name": "Otro Proveedor", "contact_name": "Ana Lopez", "email": "ana.lopez@example.com",
             "phone": "5512345679", "business_activity": "Comida"}
            """, as: "manager")
        #expect(plain.status == 201)
        #expect(egInt(plain.json?["supplier"]?["payment_conditions"]) == 0)
    }

    @Test("#24 refusals: 409 4093 on company_name and e-mail (case-insensitive), 400 on missing fields, nothing written")
    func createRefusals() throws {
        let harness = try EgresosHarness(caller: "empleado")
        let before = try harness.count("SELECT COUNT(*) FROM suppliers")
        let taken = harness.call(.post, "/api/v1/suppliers", json: """
            {"company_name": "PRODUCCIONES EJEMPLO", "contact_name": "Ana Lopez", "email": "PROVEEDOR@example.com",
             "phone": "5512345679", "business_activity": "Comida"}
            """, as: "admin")
        #expect(taken.status == 409)
        #expect(taken.fieldErrors == ["company_name:4093", "email:4093"])
        let missing = harness.call(.post, "/api/v1/suppliers", json: "{}", as: "admin")
        #expect(missing.status == 400)
        #expect(missing.fieldErrors.contains("company_name:4001"))
        #expect(missing.fieldErrors.contains("business_activity:4001"))
        #expect(missing.text.contains("The field was not sent."))
        for user in ["empleado", "grouper", "cuentas"] {
            let refused = harness.call(.post, "/api/v1/suppliers", json: createBody, as: .staff(user))
            #expect(refused.status == 403)
            #expect(refused.errorCode == "4031")
        }
        #expect(try harness.count("SELECT COUNT(*) FROM suppliers") == before)
        #expect(harness.storedFiles().isEmpty)
    }

    @Test("#24/#25 picture: stored after commit at suppliers/v1/{id}/picture-{random}.{ext}; a replacement removes the old one")
    func pictures() throws {
        let harness = try EgresosHarness(caller: "empleado")
        let fields = [("company_name", "Foto Proveedor"), ("contact_name", "Luis Perez"), ("email", "luis.perez@example.com"),
                      ("phone", "5512345670"), ("business_activity", "Fotografia")]
        let created = harness.multipart(.post, "/api/v1/suppliers", fields: fields,
                                        files: [("picture", "logo.PNG", Images.png)], as: "admin")
        #expect(created.status == 201)
        guard let id = egInt(created.json?["supplier"]?["id"]) else { Issue.record("no id"); return }
        #expect(harness.storedNames() == ["suppliers/v1/\(id)/picture-{random}.png"])
        #expect(created.json?["supplier"]?["picture"]?.stringValue
                == EgresosHarness.baseURL + "/" + (harness.storedFiles().first ?? ""))
        #expect(harness.stored(harness.storedFiles().first ?? "") == Images.png)

        let replaced = harness.multipart(.put, "/api/v1/suppliers/\(id)", fields: fields + [("payment_conditions", "45")],
                                         files: [("picture", "logo.jpeg", Images.jpeg)], as: "manager")
        #expect(replaced.status == 204)
        #expect(harness.storedNames() == ["suppliers/v1/\(id)/picture-{random}.jpeg"])
        let shown = harness.call(.get, "/api/v1/suppliers/\(id)")
        #expect(shown.json?["supplier"]?["picture"]?.stringValue == EgresosHarness.baseURL + "/" + (harness.storedFiles().first ?? ""))
        #expect(egInt(shown.json?["supplier"]?["payment_conditions"]) == 45)

        let wrong = harness.multipart(.put, "/api/v1/suppliers/\(id)", fields: fields,
                                      files: [("picture", "logo.gif", Images.png)], as: "admin")
        #expect(wrong.status >= 400)
        #expect(harness.storedNames() == ["suppliers/v1/\(id)/picture-{random}.jpeg"])
    }

    @Test("#25 replaces the fields → 204; unique checks skip the supplier itself; an e-mail change revokes tokens")
    func updateSupplier() throws {
        let harness = try EgresosHarness(caller: "empleado")
        let same = harness.call(.put, "/api/v1/suppliers/1", json: """
            {"company_name": "producciones ejemplo", "contact_name": "Pedro Proveedor", "email": "PROVEEDOR@example.com",
             "phone": "5512345678", "business_activity": "Video"}
            """, as: "admin")
        #expect(same.status == 204)
        let shown = harness.call(.get, "/api/v1/suppliers/1").json?["supplier"]
        #expect(shown?["company_name"]?.stringValue == "producciones ejemplo")
        #expect(shown?["business_activity"]?.stringValue == "Video")
        #expect(egInt(shown?["payment_conditions"]) == 30)
        #expect(try harness.count("SELECT COUNT(*) FROM suppliers WHERE id = 1 AND password_changed_at = '2020-01-01'") == 1)

        #expect(harness.call(.post, "/api/v1/suppliers", json: createBody, as: "admin").status == 201)
        let taken = harness.call(.put, "/api/v1/suppliers/1", json: """
            {"company_name": "PROVEEDOR 01 S.A. de C.V.", "contact_name": "Pedro Proveedor", "email": "Juan.Ramirez@example.com",
             "phone": "5512345678", "business_activity": "Video"}
            """, as: "admin")
        #expect(taken.status == 409)
        #expect(taken.fieldErrors == ["company_name:4093", "email:4093"])

        let partial = harness.call(.put, "/api/v1/suppliers/1", json: #"{"company_name": "Solo Nombre"}"#, as: "admin")
        #expect(partial.status == 400)
        #expect(Set(partial.fieldErrors) == ["contact_name:4001", "email:4001", "phone:4001", "business_activity:4001"])
        #expect(harness.call(.get, "/api/v1/suppliers/1").json?["supplier"]?["company_name"]?.stringValue == "producciones ejemplo")

        // A session of the new address issued before the move (a second ago on the module's clock).
        let older = harness.supplierToken([("sub", .string("nuevo.correo@example.com")), ("type", .string("supplier")),
                                           ("iat", .integer(harness.now - 1)), ("exp", .integer(harness.now + 3600))])
        let moved = harness.call(.put, "/api/v1/suppliers/1", json: """
            {"company_name": "Producciones Ejemplo", "contact_name": "Pedro Proveedor", "email": "nuevo.correo@example.com",
             "phone": "5512345678", "business_activity": "Video"}
            """, as: "rh")
        #expect(moved.status == 204)
        // Stamped with the module's clock (the one that stamps sessions' iat), never the database server's.
        let movedAt = SQLDateTime(unixMilliseconds: harness.clock.nowMilliseconds())
        #expect(try harness.count("SELECT COUNT(*) FROM suppliers WHERE id = 1 AND password_changed_at = '\(movedAt)'") == 1)
        let revoked = harness.get("/api/v1/suppliers/billing", token: older)
        #expect(revoked.status == 401)
        #expect(revoked.errorCode == "4013")
        #expect(harness.call(.get, "/api/v1/suppliers/billing", as: .supplier("nuevo.correo@example.com")).status == 200)

        for user in ["empleado", "grouper"] {
            let refused = harness.call(.put, "/api/v1/suppliers/1", json: createBody, as: .staff(user))
            #expect(refused.status == 403)
            #expect(refused.errorCode == "4031")
        }
        let missing = harness.call(.put, "/api/v1/suppliers/99", json: createBody, as: "admin")
        #expect(missing.status == 404)
        #expect(missing.fieldErrors == ["supplier_id:4042"])
        #expect(try harness.count("SELECT COUNT(*) FROM suppliers WHERE email = 'nuevo.correo@example.com'") == 1)
    }

    @Test("EXT-7 marks an approved quotation's payment paid (default today in Mexico City); 409 when paid, 423 unless approved")
    func markPaid() throws {
        let harness = try EgresosHarness(caller: "empleado")
        let approved = try harness.paymentSchedule(quotationStatus: 3)
        let response = harness.call(.put, "/api/v1/payment_schedules/\(approved)/paid", json: "{}", as: "admin")
        #expect(response.status == 204)
        #expect(try harness.count("SELECT COUNT(*) FROM payment_schedules WHERE id = \(approved) AND paid = 1 AND paid_at = '2026-12-01'") == 1)
        let again = harness.call(.put, "/api/v1/payment_schedules/\(approved)/paid", json: "{}", as: "admin")
        #expect(again.status == 409)
        #expect(again.errorCode == "409")

        let second = try harness.paymentSchedule(quotationStatus: 3)
        let dated = harness.call(.put, "/api/v1/payment_schedules/\(second)/paid", json: #"{"paid_at": "2026-11-20"}"#, as: "admin")
        #expect(dated.status == 204)
        #expect(try harness.count("SELECT COUNT(*) FROM payment_schedules WHERE id = \(second) AND paid_at = '2026-11-20'") == 1)

        let pending = try harness.paymentSchedule(quotationStatus: 0)
        let locked = harness.call(.put, "/api/v1/payment_schedules/\(pending)/paid", json: "{}", as: "admin")
        #expect(locked.status == 423)
        #expect(locked.errorCode == "423")
        #expect(locked.text.contains("locked"))
        // State checks (§1.1 step 6) come before the body (step 7).
        #expect(harness.call(.put, "/api/v1/payment_schedules/\(pending)/paid", json: #"{"paid_at": "x"}"#, as: "admin").status == 423)
        #expect(harness.call(.put, "/api/v1/payment_schedules/\(approved)/paid", json: #"{"paid_at": "x"}"#, as: "admin").status == 409)
        #expect(try harness.count("SELECT COUNT(*) FROM payment_schedules WHERE id = \(approved) AND paid_at = '2026-12-01'") == 1)

        let open = try harness.paymentSchedule(quotationStatus: 3)
        let badDate = harness.call(.put, "/api/v1/payment_schedules/\(open)/paid", json: #"{"paid_at": "20-11-2026"}"#, as: "admin")
        #expect(badDate.status == 422 && badDate.fieldErrors == ["paid_at:4229"], "\(badDate.text)")
        for user in ["rh", "manager", "grouper", "cuentas", "empleado"] {
            let refused = harness.call(.put, "/api/v1/payment_schedules/\(open)/paid", json: "{}", as: .staff(user))
            #expect(refused.status == 403)
            #expect(refused.errorCode == "4031")
        }
        let missing = harness.call(.put, "/api/v1/payment_schedules/999/paid", json: "{}", as: "admin")
        #expect(missing.status == 404)
        #expect(missing.fieldErrors == ["payment_schedule_id:4042"])
        #expect(missing.text.contains("PaymentSchedule"))
        #expect(try harness.count("SELECT COUNT(*) FROM payment_schedules WHERE id IN (\(pending), \(open)) AND paid = 0") == 2)
    }
}
