import HTTPCore
import MariaDB
import Testing
import TestSupport
@testable import Egresos

/// `customers.projects_count` (0018's triggers) is, after every kind of write, the number of the customer's live
/// projects under live brands that the join of 0017 counted: projects created, soft-deleted, restored and deleted,
/// brands soft-deleted (the API's cascade) and restored, customers deleted, through the API and by plain SQL; and a
/// count that moves is no change of the customer (`updated_at`).
@Suite("Egresos: the customer's count of live projects follows every write", .serialized)
struct CustomersProjectsCountTests {
    /// Each customer's kept count beside the join's, deleted customers included.
    static func counts(_ harness: EgresosHarness) throws -> [String] {
        try harness.database.connection.query("""
            SELECT CONCAT(c.id, ': ', c.projects_count, ' kept, ',
                          (SELECT COUNT(*) FROM projects p JOIN brands b ON b.id = p.brand_id
                            WHERE p.customer_id = c.id AND p.deleted_at IS NULL AND b.deleted_at IS NULL), ' counted') AS line
              FROM customers c ORDER BY c.id
            """).map { try $0.string("line") }
    }

    static func expectKept(_ harness: EgresosHarness, _ step: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for line in try counts(harness) {
            let parts = line.split(separator: " ")
            #expect(parts[1] == parts[3], "\(step): \(line)", sourceLocation: sourceLocation)
        }
    }

    static func projectID(_ response: TestResponse) -> Int { egInt(response.json?["project"]?["id"]) ?? 0 }

    @Test("API and SQL writes keep the count; the list and one customer answer it")
    func followsWrites() throws {
        let harness = try EgresosHarness(caller: "admin")
        try Self.expectKept(harness, "seed")
        #expect(try harness.count("SELECT projects_count FROM customers WHERE id = 1") == 1)

        let second = harness.call(.post, "/api/v1/brands/1/projects", json: #"{"name": "Segundo"}"#)
        #expect(second.status == 201, "\(second.text)")
        try Self.expectKept(harness, "project created")
        let created = harness.call(.post, "/api/v1/customers/brands",
                                   json: #"{"name": "Cliente dos", "brands": [{"name": "Marca dos"}, {"name": "Marca tres"}]}"#)
        #expect(created.status == 201, "\(created.text)")
        let customer = try harness.count("SELECT id FROM customers WHERE name = 'Cliente dos'")
        let brand = try harness.count("SELECT id FROM brands WHERE name = 'Marca dos'")
        let other = try harness.count("SELECT id FROM brands WHERE name = 'Marca tres'")
        var projects: [Int] = []
        for (target, name) in [(brand, "Uno"), (brand, "Dos"), (other, "Tres"), (other, "Cuatro")] {
            let response = harness.call(.post, "/api/v1/brands/\(target)/projects", json: #"{"name": "\#(name)"}"#)
            #expect(response.status == 201, "\(response.text)")
            projects.append(Self.projectID(response))
        }
        try Self.expectKept(harness, "projects of a new customer")
        #expect(try harness.count("SELECT projects_count FROM customers WHERE id = \(customer)") == 4)

        #expect(harness.call(.delete, "/api/v1/projects/\(projects[0])").status == 204)
        try Self.expectKept(harness, "project deleted")
        #expect(harness.call(.delete, "/api/v1/brands/\(other)").status == 204)
        try Self.expectKept(harness, "brand deleted with its projects")
        #expect(try harness.count("SELECT projects_count FROM customers WHERE id = \(customer)") == 1)

        // Plain SQL: a project under a deleted brand, restored projects and brands, a moved project, hard deletes.
        for (step, sql) in [
            ("project under a deleted brand", "INSERT INTO projects (brand_id, folio, name) VALUES (\(other), '990', 'Bajo borrada')"),
            ("project restored under a deleted brand", "UPDATE projects SET deleted_at = NULL WHERE id = \(projects[2])"),
            ("brand restored", "UPDATE brands SET deleted_at = NULL WHERE id = \(other)"),
            ("project restored", "UPDATE projects SET deleted_at = NULL WHERE id = \(projects[0])"),
            ("project moved to another brand", "UPDATE projects SET brand_id = \(other) WHERE id = \(projects[1])"),
            ("brand soft-deleted without the cascade", "UPDATE brands SET deleted_at = UTC_TIMESTAMP(3) WHERE id = \(other)"),
            ("projects deleted", "DELETE FROM projects WHERE id IN (\(projects[0]), \(projects[2]))"),
            ("projects of a deleted brand soft-deleted", "UPDATE projects SET deleted_at = UTC_TIMESTAMP(3) WHERE brand_id = \(other)"),
        ] {
            try harness.execute(sql)
            try Self.expectKept(harness, step)
        }

        // The answers: the list and one customer's (#10/#11 read it back) show the kept count.
        let kept = [try harness.count("SELECT projects_count FROM customers WHERE id = 1"),
                    try harness.count("SELECT projects_count FROM customers WHERE id = \(customer)")]
        let list = harness.call(.get, "/api/v1/customers")
        #expect(list.json?["customers"]?.egItems?.map { egInt($0["projects_count"]) } == kept)
        let repository = MariaDBCustomersRepository(connection: harness.database.connection)
        #expect(try repository.customer(id: 1)?.projectsCount == 2)

        #expect(harness.call(.delete, "/api/v1/customers/\(customer)").status == 204)
        try Self.expectKept(harness, "customer deleted with its brands and projects")
        #expect(try harness.count("SELECT projects_count FROM customers WHERE id = \(customer)") == 0)
    }

    @Test("a count that moves leaves updated_at alone; a change of the customer moves it")
    func updatedAt() throws {
        let harness = try EgresosHarness(caller: "admin")
        // Two count changes in a row keep the given updated_at (the trigger leaves it when the count moves).
        try harness.execute("UPDATE customers SET updated_at = '2001-02-03 04:05:06.007', projects_count = projects_count + 1 WHERE id = 1")
        try harness.execute("UPDATE customers SET projects_count = projects_count - 1 WHERE id = 1")
        let stamp = "SELECT COUNT(*) FROM customers WHERE id = 1 AND updated_at = '2001-02-03 04:05:06.007'"
        #expect(try harness.count(stamp) == 1)
        let created = harness.call(.post, "/api/v1/brands/1/projects", json: #"{"name": "Sin tocar al cliente"}"#)
        #expect(created.status == 201, "\(created.text)")
        #expect(try harness.count("SELECT projects_count FROM customers WHERE id = 1") == 2)
        #expect(try harness.count(stamp) == 1)
        #expect(harness.call(.delete, "/api/v1/projects/\(Self.projectID(created))").status == 204)
        #expect(try harness.count(stamp) == 1)
        let renamed = harness.multipart(.put, "/api/v1/customers/1", fields: [("name", "Grupo Modelo SA")])
        #expect(renamed.status == 204, "\(renamed.text)")
        #expect(try harness.count(stamp) == 0)
    }
}
