import Foundation
import HTTPCore
import Testing
import TestSupport
@testable import Egresos

private func errors(_ response: TestResponse) -> [String] {
    guard case .array(let items)? = response.json?["errors"] else { return [] }
    return items.map { item in
        let code: String = switch item["code"] {
        case .number(let text)?: text
        default: "?"
        }
        return "\(item["fields"]?.stringValue ?? "?"):\(code)"
    }
}

private func list(_ value: Input?) -> [Input] {
    if case .array(let items)? = value { return items }
    return []
}

@Suite("Egresos brands (#13-#16)", .serialized)
struct BrandsEndpointTests {
    @Test("#13 lists brands; #14 creates one with an optional picture; 404 4042 Customer")
    func createBrand() throws {
        let harness = try EgresosHarness(caller: "empleado")
        let all = list(harness.call(.get, "/api/v1/brands").json?["brands"])
        #expect(all.map { $0["name"]?.stringValue } == ["Cerveza Corona"])
        let plain = harness.call(.post, "/api/v1/customers/1/brands", json: #"{"name": "Modelo Especial"}"#)
        #expect(plain.status == 201)
        #expect(plain.json?["brand"]?["code"]?.stringValue == "GMME")
        #expect(plain.json?["brand"]?["picture"] == .null)
        let pictured = harness.multipart(.post, "/api/v1/customers/1/brands", fields: [("name", "Victoria")],
                                         files: [("picture", "v.jpg", Images.jpeg)])
        #expect(pictured.status == 201)
        let id = egInt(pictured.json?["brand"]?["id"]) ?? 0
        #expect(harness.storedNames() == ["brands/v1/\(id)/picture-{random}.jpg"])
        #expect(pictured.json?["brand"]?["picture"]?.stringValue == "\(EgresosHarness.baseURL)/" + (harness.storedFiles().first ?? ""))
        let taken = harness.call(.post, "/api/v1/customers/1/brands", json: #"{"name": "VICTORIA"}"#)
        #expect(taken.status == 409)
        #expect(errors(taken) == ["name:4093"])
        let missing = harness.call(.post, "/api/v1/customers/42/brands", json: #"{"name": "Sol"}"#)
        #expect(missing.status == 404)
        #expect(errors(missing) == ["customer_id:4042"])
        #expect(missing.json?["errors"]?.arrayFirst?["message"]?.stringValue?.contains("Customer") == true)
        let short = harness.call(.post, "/api/v1/customers/1/brands", json: #"{"name": "So"}"#)
        #expect(short.status == 422)
    }

    @Test("#15 answers 201 with the brand; a new picture replaces the old one")
    func updateBrand() throws {
        let harness = try EgresosHarness(caller: "empleado")
        let renamed = harness.call(.put, "/api/v1/brands/1", json: #"{"name": "Modelo Especial"}"#)
        #expect(renamed.status == 201)
        #expect(renamed.json?["brand"]?["name"]?.stringValue == "Modelo Especial")
        #expect(renamed.json?["brand"]?["code"]?.stringValue == "GMCC")
        // Its own name again (case changed) is not "taken".
        #expect(harness.call(.put, "/api/v1/brands/1", json: #"{"name": "MODELO especial"}"#).status == 201)
        _ = harness.multipart(.put, "/api/v1/brands/1", files: [("picture", "a.png", Images.png)])
        let replaced = harness.multipart(.put, "/api/v1/brands/1", files: [("picture", "b.jpg", Images.jpeg)])
        #expect(replaced.status == 201)
        #expect(harness.storedNames() == ["brands/v1/1/picture-{random}.jpg"])
        #expect(harness.call(.put, "/api/v1/brands/9", json: "{}").status == 404)
    }

    @Test("#16 admin only; soft-deletes the brand and its projects; the name is reusable")
    func deleteBrand() throws {
        let harness = try EgresosHarness(caller: "empleado")
        #expect(harness.call(.delete, "/api/v1/brands/1", as: "grouper").errorCode == "4031")
        #expect(harness.call(.delete, "/api/v1/brands/1", as: "admin").status == 204)
        #expect(try harness.count("SELECT COUNT(*) FROM projects WHERE deleted_at IS NULL") == 0)
        #expect(try harness.count("SELECT COUNT(*) FROM customers WHERE deleted_at IS NULL") == 1)
        #expect(list(harness.call(.get, "/api/v1/customers").json?["customers"]).first?["projects_count"] == .number("0"))
        #expect(harness.call(.get, "/api/v1/brands/1/projects").status == 404)
        #expect(harness.call(.post, "/api/v1/customers/1/brands", json: #"{"name": "Cerveza Corona"}"#).status == 201)
    }
}

@Suite("Egresos projects (#17-#21)", .serialized)
struct ProjectsEndpointTests {
    @Test("#17/#18 basic and friendly lists")
    func lists() throws {
        let harness = try EgresosHarness(caller: "empleado")
        let basic = list(harness.call(.get, "/api/v1/brands/1/projects").json?["projects"])
        #expect(basic.first?.objectValue?.keys == ["id", "folio", "name", "description"])
        #expect(basic.first?["folio"]?.stringValue == "601")
        let all = list(harness.call(.get, "/api/v1/projects").json?["projects"])
        #expect(all == basic)
        let friendly = list(harness.call(.get, "/api/v1/projects?friendly=true").json?["projects"])
        let project = friendly.first
        #expect(project?.objectValue?.keys == ["id", "folio", "name", "description", "grouper", "collaborators", "customer",
                                               "brand", "status", "brand_id", "customer_id"])
        #expect(project?["customer"]?.stringValue == "Grupo Modelo")
        #expect(project?["brand"]?.stringValue == "Cerveza Corona")
        #expect(project?["grouper"]?.objectValue?.keys == ["id", "email", "given_name", "name", "picture", "custom_picture",
                                                            "job_title", "role"])
        #expect(project?["grouper"]?["id"] == .number("4004"))
        #expect(list(project?["collaborators"]).map { $0["id"] } == [.number("4005")])
        #expect(list(harness.call(.get, "/api/v1/brands/1/projects?friendly=true").json?["projects"]) == friendly)
        #expect(list(harness.call(.get, "/api/v1/projects?friendly=false").json?["projects"]) == basic)
        let bad = harness.call(.get, "/api/v1/projects?friendly=maybe")
        #expect(bad.status == 422)
        #expect(errors(bad) == ["friendly:42221"])
    }

    @Test("#19 generates folios, takes grouper and collaborators; name unique within the brand")
    func createProject() throws {
        let harness = try EgresosHarness(caller: "empleado")
        let created = harness.call(.post, "/api/v1/brands/1/projects",
                                   json: #"{"name": "Corona Capital 2019", "grouper_id": 4004, "collaborators": [4005, 4006]}"#)
        #expect(created.status == 201)
        let project = created.json?["project"]
        #expect(project?["folio"]?.stringValue == "602")
        #expect(project?["grouper"]?["id"] == .number("4004"))
        #expect(list(project?["collaborators"]).map { $0["id"] } == [.number("4005"), .number("4006")])
        let plain = harness.call(.post, "/api/v1/brands/1/projects", json: #"{"name": "Otro proyecto"}"#)
        #expect(plain.json?["project"]?["folio"]?.stringValue == "603")
        #expect(plain.json?["project"]?["grouper"] == .null)
        #expect(plain.json?["project"]?["collaborators"] == .array([]))
        let taken = harness.call(.post, "/api/v1/brands/1/projects", json: #"{"name": "corona capital 2019"}"#)
        #expect(taken.status == 409)
        #expect(errors(taken) == ["name:4093"])
        let other = harness.call(.post, "/api/v1/customers/1/brands", json: #"{"name": "Victoria"}"#)
        let otherID = egInt(other.json?["brand"]?["id"]) ?? 0
        let newest = harness.call(.post, "/api/v1/brands/\(otherID)/projects", json: #"{"name": "Corona Capital 2019"}"#)
        #expect(newest.status == 201 && newest.json?["project"]?["folio"]?.stringValue == "604")
        let duplicates = harness.call(.post, "/api/v1/brands/1/projects", json: #"{"name": "Tercero", "collaborators": [4005, 4005]}"#)
        #expect(duplicates.status == 400)
        #expect(errors(duplicates) == ["collaborators:4002"])
        let unknown = harness.call(.post, "/api/v1/brands/1/projects", json: #"{"name": "Tercero", "grouper_id": 99}"#)
        #expect(unknown.status == 404)
        #expect(harness.call(.post, "/api/v1/brands/1/projects", json: #"{"name": "Cuarto", "folio": "601"}"#).status == 409)
        #expect(harness.call(.post, "/api/v1/brands/50/projects", json: #"{"name": "Cuarto"}"#).status == 404)
        // Folios are never reused (§3.2: max over all projects, deleted ones included, + 1): deleting the newest (604)
        // does not lower the next one, and the refused requests above took none.
        let last = egInt(newest.json?["project"]?["id"]) ?? 0
        #expect(harness.call(.delete, "/api/v1/projects/\(last)", as: "admin").status == 204)
        let next = harness.call(.post, "/api/v1/brands/1/projects", json: #"{"name": "Quinto"}"#)
        #expect(next.status == 201 && next.json?["project"]?["folio"]?.stringValue == "605", "\(next.text)")
    }

    @Test("#20 answers 201 ProjectFriendly; collaborators replace the set; grouper can be cleared")
    func updateProject() throws {
        let harness = try EgresosHarness(caller: "empleado")
        let updated = harness.call(.put, "/api/v1/projects/1",
                                   json: #"{"name": "Campaña Nueva", "description": null, "grouper_id": null, "collaborators": [4006, 4001]}"#)
        #expect(updated.status == 201)
        let project = updated.json?["project"]
        #expect(project?["name"]?.stringValue == "Campaña Nueva")
        #expect(project?["description"] == .null)
        #expect(project?["grouper"] == .null)
        #expect(list(project?["collaborators"]).map { $0["id"] } == [.number("4001"), .number("4006")])
        #expect(harness.call(.put, "/api/v1/projects/1", json: #"{"name": "campaña nueva"}"#).status == 201)
        _ = harness.call(.post, "/api/v1/brands/1/projects", json: #"{"name": "Segundo"}"#)
        let taken = harness.call(.put, "/api/v1/projects/1", json: #"{"name": "SEGUNDO"}"#)
        #expect(taken.status == 409)
        let folio = harness.call(.put, "/api/v1/projects/1", json: #"{"folio": "602"}"#)
        #expect(folio.status == 409)
        #expect(errors(folio) == ["folio:4093"])
        #expect(harness.call(.put, "/api/v1/projects/1", json: #"{"folio": "7001"}"#).json?["project"]?["folio"]?.stringValue == "7001")
        #expect(harness.call(.put, "/api/v1/projects/1", json: #"{"folio": "7a"}"#).status == 422)
        #expect(harness.call(.put, "/api/v1/projects/404", json: "{}").status == 404)
    }

    @Test("#21 admin only; 404 4042 Project afterwards")
    func deleteProject() throws {
        let harness = try EgresosHarness(caller: "empleado")
        #expect(harness.call(.delete, "/api/v1/projects/1", as: "cuentas").errorCode == "4031")
        #expect(harness.call(.delete, "/api/v1/projects/1", as: "admin").status == 204)
        let again = harness.call(.delete, "/api/v1/projects/1", as: "admin")
        #expect(again.status == 404)
        #expect(errors(again) == ["project_id:4042"])
        #expect(harness.call(.get, "/api/v1/projects").json?["projects"] == .array([]))
    }
}

@Suite("Egresos customers rules")
struct CustomerRulesTests {
    @Test("the #7-#21 rules parse")
    func parse() throws {
        for endpoint in EgresosEndpointRules.customersEndpoints {
            _ = try ValidationSchema(endpoint.path)
            _ = try ValidationSchema(endpoint.query)
            _ = try ValidationSchema(endpoint.body)
        }
    }

    @Test("codes are initials")
    func codes() {
        #expect(CatalogCodes.customer("Grupo Modelo") == "GM")
        #expect(CatalogCodes.brand(customerCode: "GM", name: "Cerveza Corona") == "GMCC")
        #expect(CatalogCodes.customer("uno dos tres cuatro") == "UDT")
    }
}
