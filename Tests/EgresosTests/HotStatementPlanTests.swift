import Foundation
import HTTPCore
import MariaDB
import Testing
import TestSupport
@testable import Egresos

/// The plans of Egresos' two hottest reads, the token's user (every staff request, and the profile's answer) and the
/// customers list (issue 16), checked on the exact statements the repositories send with `ANALYZE FORMAT=JSON`, so
/// a change that brings back a costlier shape fails here on any machine, without timing anything: the user is one
/// `const` read of the live unique key, and the list reads the customers alone (their count of live projects is the
/// row's, 0018), with no sort, on the seed's few rows and with 3,000 brands on one customer. Plus what the count
/// relies on: `projects.customer_id` (0017) is always the brand's customer.
@Suite("Egresos: the plans of the token's user and the customers list", .serialized)
struct HotStatementPlanTests {
    static func plan(_ sql: String, binds: [SQLValue] = [], on harness: EgresosHarness) throws -> QueryPlan {
        try QueryPlan.analyze(SQLQuery(unsafeSQL: sql, binds: binds), on: harness.database.connection)
    }

    @Test("the token's user is one const read of the live unique key, and a deleted user's token finds nobody")
    func tokenUser() throws {
        let harness = try EgresosHarness(caller: "admin")
        #expect(harness.call(.get, "/api/v1/users/profile").status == 200)  // links the token's sub
        let sub = SQLValue.text("auth0|admin@element.com.mx")
        let plan = try Self.plan(MariaDBAuthRepository.activeUserSQL, binds: [sub], on: harness)
        #expect(plan.tables["users"]?.access == "const", "\(plan)")
        #expect(plan.tables["users"]?.key == "uq_users_user_id_active", "\(plan)")
        // Ruling 9: the same statement refuses the row once it is deleted (the live key holds NULL then).
        try harness.execute("UPDATE users SET deleted_at = UTC_TIMESTAMP(3) WHERE email = 'admin@element.com.mx'")
        let refused = harness.call(.get, "/api/v1/users/profile")
        #expect(refused.status == 403, "\(refused.text)")
    }

    @Test("the customers list reads the customers alone, sorting nothing, on the seed and with 3,000 brands")
    func customersList() throws {
        let harness = try EgresosHarness(caller: "admin")
        let list = MariaDBCustomersRepository.customerListSQL
        let seed = try Self.plan(list, on: harness)
        #expect(!seed.sorts, "seed: \(seed)")
        try harness.execute("INSERT INTO brands (customer_id, code, name) SELECT 1, 'GMCC', CONCAT('Carga ', seq) FROM seq_1_to_3000")
        _ = try harness.database.connection.query("ANALYZE TABLE customers, brands, projects")
        let grown = try Self.plan(list, on: harness)
        #expect(!grown.sorts, "3,000 brands: \(grown)")
        // The count is the customer row's (0018), so neither projects nor brands are read.
        #expect(Array(grown.tables.keys) == ["c"], "\(grown)")
        // The count itself: the seed's one live project, not the brands.
        let answer = harness.call(.get, "/api/v1/customers")
        #expect(egInt(answer.json?["customers"]?.egItems?.first?["projects_count"]) == 1)
    }

    @Test("a project's customer_id is its brand's customer: filled on insert, any other value refused (0017)")
    func projectCustomer() throws {
        let harness = try EgresosHarness(caller: "admin")
        try harness.execute("INSERT INTO customers (code, name) VALUES ('OTR', 'Otro cliente')")
        let other = try harness.count("SELECT id FROM customers WHERE name = 'Otro cliente'")
        try harness.execute("INSERT INTO brands (customer_id, code, name) VALUES (\(other), 'OTM', 'Otra marca')")
        let brand = try harness.count("SELECT id FROM brands WHERE name = 'Otra marca'")
        let created = harness.call(.post, "/api/v1/brands/\(brand)/projects",
                                   json: #"{"name": "Proyecto otro"}"#)
        #expect(created.status == 201, "\(created.text)")
        #expect(try harness.count("SELECT customer_id FROM projects WHERE name = 'Proyecto otro'") == other)
        #expect(try harness.count("SELECT COUNT(*) FROM projects p JOIN brands b ON b.id = p.brand_id WHERE p.customer_id <> b.customer_id") == 0)
        #expect(throws: MariaDBError.self) {
            try harness.execute("UPDATE projects SET customer_id = 1 WHERE name = 'Proyecto otro'")
        }
        #expect(throws: MariaDBError.self) {
            try harness.execute("UPDATE brands SET customer_id = 1 WHERE id = \(brand)")
        }
    }
}
