import Foundation
import HTTPCore
import MariaDB
import Testing
import TestSupport
@testable import Egresos

/// `field:code` of each field error of a response.
private func errors(_ response: TestResponse) -> [String] {
    guard case .array(let items)? = response.json?["errors"] else { return [] }
    return items.map { "\($0["fields"]?.stringValue ?? "?"):\(egNumberText($0["code"]))" }
}



@Suite("Egresos customers (#7-#12)", .serialized)
struct CustomersEndpointTests {
    @Test("#7 lists the seeded customer with the Customer keys in order")
    func listCustomers() throws {
        let harness = try EgresosHarness(caller: "empleado")
        let response = harness.call(.get, "/api/v1/customers")
        #expect(response.status == 200)
        guard case .array(let customers)? = response.json?["customers"] else { Issue.record("no customers"); return }
        #expect(customers.count == 1)
        let customer = customers[0]
        #expect(customer.objectValue?.keys == ["id", "code", "name", "description", "brands", "payment_conditions",
                                               "picture", "projects_count", "picture_url"])
        #expect(customer["name"]?.stringValue == "Grupo Modelo")
        #expect(customer["code"]?.stringValue == "GM")
        #expect(customer["brands"]?.stringValue == "/api/v1/customers/1/brands")
        #expect(egInt(customer["payment_conditions"]) == 60)
        #expect(egInt(customer["projects_count"]) == 1)
        #expect(customer["picture"] == .null)
        #expect(harness.call(.get, "/api/v1/customers", as: .anonymous).status == 401)
    }

    @Test("#7/#11 projects_count: live projects under live brands only, one entry per customer whatever it holds")
    func projectsCount() throws {
        let harness = try EgresosHarness(caller: "empleado")
        // Customer 1 (seed: brand 1 with project 1) gets brand 2 with two projects, one of them deleted, and
        // deleted brand 3 with a live project; customer 2 has a brand without projects, customer 3 nothing.
        try harness.execute("""
            INSERT INTO customers (id, code, name, payment_conditions) VALUES (2, 'C2', 'Dos', 0), (3, 'C3', 'Tres', 0)
            """)
        try harness.execute("""
            INSERT INTO brands (id, customer_id, code, name, deleted_at) VALUES (2, 1, 'B2', 'Dos', NULL),
                (3, 1, 'B3', 'Tres', UTC_TIMESTAMP(3)), (4, 2, 'B4', 'Cuatro', NULL)
            """)
        try harness.execute("""
            INSERT INTO projects (brand_id, folio, name, deleted_at) VALUES (2, '701', 'Viva', NULL),
                (2, '702', 'Borrada', UTC_TIMESTAMP(3)), (3, '703', 'De marca borrada', NULL)
            """)
        guard case .array(let customers)? = harness.call(.get, "/api/v1/customers").json?["customers"] else {
            Issue.record("no customers")
            return
        }
        #expect(customers.map { egInt($0["id"]) } == [1, 2, 3])
        #expect(customers.map { egInt($0["projects_count"]) } == [2, 0, 0])
        // One customer (the answer of #10 and #11's picture): the same count.
        let repository = MariaDBCustomersRepository(connection: harness.database.connection)
        #expect(try repository.customer(id: 1)?.projectsCount == 2)
        #expect(try repository.customer(id: 3)?.projectsCount == 0)
    }

    @Test("#8 brands of a customer; 404 4042 Customer for an unknown one")
    func customerBrands() throws {
        let harness = try EgresosHarness(caller: "empleado")
        let response = harness.call(.get, "/api/v1/customers/1/brands")
        #expect(response.status == 200)
        guard case .array(let brands)? = response.json?["brands"] else { Issue.record("no brands"); return }
        #expect(brands.first?.objectValue?.keys == ["id", "code", "name", "description", "projects", "picture", "customer_id"])
        #expect(brands.first?["code"]?.stringValue == "GMCC")
        #expect(brands.first?["projects"]?.stringValue == "/api/v1/brands/1/projects")
        let missing = harness.call(.get, "/api/v1/customers/99/brands")
        #expect(missing.status == 404)
        #expect(errors(missing) == ["customer_id:4042"])
        #expect(missing.text.contains("Customer"))
        #expect(harness.call(.get, "/api/v1/customers/abc/brands").status == 404)
    }

    @Test("#9 creates a customer with brands in one transaction; the literal route beats :customer_id")
    func createWithBrands() throws {
        let harness = try EgresosHarness(caller: "empleado")
        let response = harness.call(.post, "/api/v1/customers/brands",
                                    json: #"{"name": "Pepsico", "brands": [{"name": "Ruffles"}, {"name": "Pepsi"}]}"#)
        #expect(response.status == 201)
        #expect(response.json?.objectValue?.keys == ["customer", "brands"])
        #expect(response.json?["customer"]?["name"]?.stringValue == "Pepsico")
        #expect(response.json?["customer"]?["code"]?.stringValue == "P")
        #expect(egInt(response.json?["customer"]?["payment_conditions"]) == 0)
        guard case .array(let brands)? = response.json?["brands"] else { Issue.record("no brands"); return }
        #expect(brands.map { $0["name"]?.stringValue } == ["Ruffles", "Pepsi"])
        #expect(brands.map { $0["code"]?.stringValue } == ["PR", "PP"])

        let duplicates = harness.call(.post, "/api/v1/customers/brands",
                                      json: #"{"name": "Bimbo", "brands": [{"name": "Marinela"}, {"name": "MARINELA"}]}"#)
        #expect(duplicates.status == 400)
        #expect(errors(duplicates) == ["brands:4002"])
        let taken = harness.call(.post, "/api/v1/customers/brands",
                                 json: #"{"name": "Bimbo", "brands": [{"name": "cerveza corona"}]}"#)
        #expect(taken.status == 409)
        #expect(try harness.count("SELECT COUNT(*) FROM customers WHERE name = 'Bimbo'") == 0)
        let missing = harness.call(.post, "/api/v1/customers/brands", json: #"{"brands": []}"#)
        #expect(errors(missing) == ["name:4001"])
    }

    @Test("#10 creates a customer with its picture stored under FILES_ROOT after the commit")
    func createCustomer() throws {
        let harness = try EgresosHarness(caller: "empleado")
        let response = harness.multipart(.post, "/api/v1/customers",
                                         fields: [("name", "Pepsico"), ("payment_conditions", "60")],
                                         files: [("picture", "Logo.PNG", Images.png)])
        #expect(response.status == 201)
        let customer = response.json?["customer"]
        let id = egInt(customer?["id"]) ?? 0
        #expect(customer?["picture"]?.stringValue.map(EgresosHarness.masked)
                == "\(EgresosHarness.baseURL)/customers/v1/\(id)/picture-{random}.png")
        #expect(customer?["picture_url"] == customer?["picture"])
        #expect(egInt(customer?["projects_count"]) == 0)
        #expect(egInt(customer?["payment_conditions"]) == 60)
        #expect(harness.storedNames() == ["customers/v1/\(id)/picture-{random}.png"])
        let path = harness.storedFiles().first ?? ""
        #expect(customer?["picture"]?.stringValue == "\(EgresosHarness.baseURL)/\(path)")
        #expect(harness.stored(path) == Images.png)
        let mode = try FileManager.default.attributesOfItem(atPath: harness.filesRoot + "/" + path)[.posixPermissions] as? Int
        #expect(mode == 0o644)

        // Same name, any case → 409 4093; no file written.
        let taken = harness.multipart(.post, "/api/v1/customers", fields: [("name", "PEPSICO"), ("payment_conditions", "1")],
                                      files: [("picture", "a.jpg", Images.jpeg)])
        #expect(taken.status == 409)
        #expect(errors(taken) == ["name:4093"])
        #expect(taken.json?["message"]?.stringValue?.isEmpty == false)
        #expect(harness.storedFiles().count == 1)
    }

    @Test("#10 refuses bad files: 415 4151 extension, 4154 text instead of a file, 4001 missing")
    func createCustomerRefusals() throws {
        let harness = try EgresosHarness(caller: "empleado")
        let gif = harness.multipart(.post, "/api/v1/customers", fields: [("name", "Uno"), ("payment_conditions", "1")],
                                    files: [("picture", "a.gif", Images.png)])
        #expect(gif.status == 415)
        #expect(errors(gif) == ["picture:4151"])
        let text = harness.multipart(.post, "/api/v1/customers",
                                     fields: [("name", "Uno"), ("payment_conditions", "1"), ("picture", "nope")])
        #expect(text.status == 415)
        #expect(errors(text) == ["picture:4154"])
        let missing = harness.multipart(.post, "/api/v1/customers", fields: [("name", "Uno"), ("payment_conditions", "400")])
        #expect(missing.status == 400)
        #expect(Set(errors(missing)) == ["picture:4001", "payment_conditions:\(errors(missing).first { $0.hasPrefix("payment") }?.split(separator: ":").last ?? "")"])
        let big = harness.multipart(.post, "/api/v1/customers", fields: [("name", "Uno"), ("payment_conditions", "1")],
                                    files: [("picture", "a.jpg", [UInt8](repeating: 1, count: 5 * 1024 * 1024 + 1))])
        #expect(big.status == 415)
        #expect(errors(big) == ["picture:4153"])
        #expect(harness.storedFiles().isEmpty)
        #expect(try harness.count("SELECT COUNT(*) FROM customers") == 1)
    }

    @Test("E10: a fraction in payment_conditions (days) is 422 4224 naming it, never truncated; a whole 30.0 is 30",
          arguments: ["30.7", "0.5", "364.999"])
    func paymentConditionsFraction(days: String) throws {
        let harness = try EgresosHarness(caller: "admin")
        #expect(harness.call(.get, "/api/v1/customers").status == 200)  // the token's first use links the user
        let before = try harness.fingerprint()
        let multipart = harness.multipart(.put, "/api/v1/customers/1", fields: [("payment_conditions", days)])
        #expect(multipart.status == 422)
        #expect(errors(multipart) == ["payment_conditions:4224"])
        let json = harness.call(.put, "/api/v1/customers/1", json: #"{"payment_conditions": \#(days)}"#)
        #expect(json.status == 422)
        #expect(errors(json) == ["payment_conditions:4224"])
        #expect(try harness.fingerprint() == before, "nothing written")
        #expect(harness.call(.put, "/api/v1/customers/1", json: #"{"payment_conditions": 30.0}"#).status == 204)
        #expect(try harness.count("SELECT payment_conditions FROM customers WHERE id = 1") == 30)
    }

    @Test("#11 updates fields and replaces the picture (the old file is removed)")
    func updateCustomer() throws {
        let harness = try EgresosHarness(caller: "empleado")
        let first = harness.multipart(.put, "/api/v1/customers/1", fields: [("payment_conditions", "30")],
                                      files: [("picture", "logo.png", Images.png)])
        #expect(first.status == 204)
        #expect(first.text.isEmpty)
        #expect(harness.storedNames() == ["customers/v1/1/picture-{random}.png"])
        let second = harness.multipart(.put, "/api/v1/customers/1", fields: [("name", "grupo modelo")],
                                       files: [("picture", "logo.jpeg", Images.jpeg)])
        #expect(second.status == 204)
        #expect(harness.storedNames() == ["customers/v1/1/picture-{random}.jpeg"])
        let customer = harness.call(.get, "/api/v1/customers").json?["customers"]
        guard case .array(let list)? = customer else { Issue.record("no list"); return }
        #expect(list[0]["name"]?.stringValue == "grupo modelo")
        #expect(egInt(list[0]["payment_conditions"]) == 30)
        #expect(list[0]["picture"]?.stringValue == EgresosHarness.baseURL + "/" + (harness.storedFiles().first ?? ""))
        // The brand without its own picture shows the customer's.
        #expect(harness.call(.get, "/api/v1/brands").json?["brands"]?.arrayFirst?["picture"] == list[0]["picture"])
        let json = harness.call(.put, "/api/v1/customers/1", json: #"{"description": null}"#)
        #expect(json.status == 204)
        #expect(harness.call(.put, "/api/v1/customers/77", json: "{}").status == 404)

        // Another customer's name is taken; a refused update writes no file.
        _ = harness.call(.post, "/api/v1/customers/brands", json: #"{"name": "Pepsico"}"#)
        let taken = harness.multipart(.put, "/api/v1/customers/1", fields: [("name", "PEPSICO")],
                                      files: [("picture", "x.png", Images.png)])
        #expect(taken.status == 409)
        #expect(harness.storedNames() == ["customers/v1/1/picture-{random}.jpeg"])
    }

    @Test("#12 admin only; cascades to brands and projects with one timestamp; the name is reusable")
    func deleteCustomer() throws {
        let harness = try EgresosHarness(caller: "empleado")
        let refused = harness.call(.delete, "/api/v1/customers/1")
        #expect(refused.status == 403)
        #expect(refused.errorCode == "4031")
        let deleted = harness.call(.delete, "/api/v1/customers/1", as: "admin")
        #expect(deleted.status == 204)
        #expect(try harness.count("""
            SELECT COUNT(DISTINCT x.d) FROM (SELECT deleted_at AS d FROM customers WHERE id = 1
             UNION ALL SELECT deleted_at FROM brands WHERE customer_id = 1 UNION ALL SELECT deleted_at FROM projects WHERE brand_id = 1) x
             WHERE x.d IS NOT NULL
            """) == 1)
        #expect(try harness.count("SELECT COUNT(*) FROM projects WHERE deleted_at IS NULL") == 0)
        #expect(harness.call(.get, "/api/v1/customers").json?["customers"] == .array([]))
        #expect(harness.call(.delete, "/api/v1/customers/1", as: "admin").status == 404)
        let again = harness.call(.post, "/api/v1/customers/brands",
                                 json: #"{"name": "Grupo Modelo", "brands": [{"name": "Cerveza Corona"}]}"#)
        #expect(again.status == 201)
    }
}

@Suite("Egresos customers: forms and routes", .serialized)
struct CustomersFormTests {
    @Test("#9 as multipart: brands as a JSON-array string")
    func multipartBrands() throws {
        let harness = try EgresosHarness(caller: "empleado")
        let response = harness.multipart(.post, "/api/v1/customers/brands",
                                         fields: [("name", "Pepsico"), ("brands", #"[{"name": "Ruffles"}, {"name": "Pepsi"}]"#),
                                                  ("description", "Botanas")])
        #expect(response.status == 201)
        #expect(response.json?["customer"]?["description"]?.stringValue == "Botanas")
        guard case .array(let brands)? = response.json?["brands"] else { Issue.record("no brands"); return }
        #expect(brands.map { $0["name"]?.stringValue } == ["Ruffles", "Pepsi"])
    }

    @Test("routes: /customers/brands only takes POST; ids are digits only (404 4041)")
    func routes() throws {
        let harness = try EgresosHarness(caller: "empleado")
        #expect(harness.call(.get, "/api/v1/customers/brands").errorCode == "4041")
        #expect(harness.call(.put, "/api/v1/customers/brands", json: "{}").errorCode == "4041")
        #expect(harness.call(.delete, "/api/v1/customers/x1", as: "admin").errorCode == "4041")
        #expect(harness.call(.get, "/api/v1/brands/1.0/projects").errorCode == "4041")
    }

    @Test("#14 a refused brand picture writes nothing; EXT code and description are stored")
    func brandExtras() throws {
        let harness = try EgresosHarness(caller: "empleado")
        let refused = harness.multipart(.post, "/api/v1/customers/1/brands", fields: [("name", "Victoria")],
                                        files: [("picture", "v.pdf", Images.png)])
        #expect(refused.status == 415)
        #expect(harness.storedFiles().isEmpty)
        #expect(try harness.count("SELECT COUNT(*) FROM brands") == 1)
        let created = harness.call(.post, "/api/v1/customers/1/brands",
                                   json: #"{"name": "Victoria", "code": "VIC", "description": "Cerveza oscura"}"#)
        #expect(created.json?["brand"]?["code"]?.stringValue == "VIC")
        #expect(created.json?["brand"]?["description"]?.stringValue == "Cerveza oscura")
        #expect(created.json?["brand"]?["customer_id"] == .number("1"))
    }
}

@Suite("Egresos customers: messages and rollbacks", .serialized)
struct CustomersFailureTests {
    @Test("English messages: 4042 names the model, 4093 the value, 4031, 4002")
    func englishMessages() throws {
        let harness = try EgresosHarness(caller: "empleado")
        let missing = harness.call(.get, "/api/v1/customers/99/brands")
        #expect(missing.json?["errors"]?.arrayFirst?["message"]?.stringValue == "The Customer instance was not found.")
        let brand = harness.call(.delete, "/api/v1/brands/99", as: "admin")
        #expect(brand.json?["errors"]?.arrayFirst?["message"]?.stringValue == "The Brand instance was not found.")
        let taken = harness.call(.post, "/api/v1/customers/brands", json: #"{"name": "grupo modelo"}"#)
        #expect(taken.json?["errors"]?.arrayFirst?["message"]?.stringValue == "name grupo modelo has already been taken.")
        let refused = harness.call(.delete, "/api/v1/projects/1")
        #expect(refused.json?["message"]?.stringValue == "You do not have permission to perform this action.")
        let duplicated = harness.call(.post, "/api/v1/customers/brands",
                                      json: #"{"name": "Bimbo", "brands": [{"name": "Tia Rosa"}, {"name": "tia rosa"}]}"#)
        #expect(duplicated.json?["errors"]?.arrayFirst?["message"]?.stringValue == "It has duplicate values.")
        let spanish = harness.call(.get, "/api/v1/customers/99/brands", language: "es")
        #expect(spanish.json?["errors"]?.arrayFirst?["message"]?.stringValue == "La instancia del modelo Customer no se encontró.")
    }

    @Test("a transaction that rolls back writes no file (#10, #11, #14)")
    func rollbackWritesNoFile() throws {
        let harness = try EgresosHarness(caller: "empleado")
        try harness.database.connection.executeText("""
            CREATE TRIGGER egc_refuse_customers BEFORE INSERT ON customers FOR EACH ROW
            SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by the test'
            """)
        let created = harness.multipart(.post, "/api/v1/customers", fields: [("name", "Pepsico"), ("payment_conditions", "1")],
                                        files: [("picture", "a.png", Images.png)])
        #expect(created.status == 500)
        try harness.database.connection.executeText("""
            CREATE TRIGGER egc_refuse_brands BEFORE INSERT ON brands FOR EACH ROW
            SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by the test'
            """)
        let brand = harness.multipart(.post, "/api/v1/customers/1/brands", fields: [("name", "Victoria")],
                                      files: [("picture", "v.jpg", Images.jpeg)])
        #expect(brand.status == 500)
        try harness.database.connection.executeText("""
            CREATE TRIGGER egc_refuse_updates BEFORE UPDATE ON customers FOR EACH ROW FOLLOWS trg_customers_updated_at
            SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by the test'
            """)
        let updated = harness.multipart(.put, "/api/v1/customers/1", fields: [("name", "Otro")],
                                        files: [("picture", "b.png", Images.png)])
        #expect(updated.status == 500)
        #expect(harness.storedFiles().isEmpty)
        #expect(try harness.count("SELECT COUNT(*) FROM customers") == 1)
        #expect(try harness.count("SELECT COUNT(*) FROM brands") == 1)
        #expect(try harness.count("SELECT COUNT(*) FROM customers WHERE name = 'Grupo Modelo'") == 1)
    }
}

extension Input {
    /// The first item of an array.
    var arrayFirst: Input? {
        if case .array(let items) = self { return items.first }
        return nil
    }
}
