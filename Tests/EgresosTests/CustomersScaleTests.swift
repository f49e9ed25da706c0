import Foundation
import HTTPCore
import MariaDB
import Testing
import TestSupport
@testable import Egresos

/// The soak's Egresos requests (the profile, the customers list, a new brand of a customer) and the other
/// creations that check a name read about as many rows after 3,000 more brands and customers as before: their
/// cost follows the rows of the answer, not the brands a customer has gathered (issue 17: the soak's p99 climbed
/// with every brand it created). Rows read are the session's `Handler_read_*` counters, so the test counts what
/// MariaDB did, not how long it took.
@Suite("Egresos: the cost of the soak's requests does not grow with brands or customers", .serialized)
struct CustomersScaleTests {
    /// How many more rows a request may read once the tables have grown (the statements themselves read a few
    /// more index entries at most; a scan of the new rows reads thousands).
    static let allowance = 100

    /// Every row and index entry this session's connection has read so far.
    static func rowsRead(_ harness: EgresosHarness) throws -> Int {
        try harness.count("""
            SELECT CAST(SUM(VARIABLE_VALUE) AS SIGNED) FROM information_schema.SESSION_STATUS
             WHERE VARIABLE_NAME LIKE 'HANDLER\\_READ\\_%'
            """)
    }

    /// The rows one request reads; the request runs on the harness's connection.
    static func rowsRead(_ harness: EgresosHarness, _ label: String, status: Int, _ request: () -> TestResponse) throws -> Int {
        let before = try rowsRead(harness)
        let response = request()
        #expect(response.status == status, "\(label): \(response.text)")
        return try rowsRead(harness) - before
    }

    /// The soak's three requests, a brand of customer 1 named `brand` and a customer with a brand named `customer`:
    /// the rows each read, by label.
    static func soakRequests(_ harness: EgresosHarness, brand: String, customer: String) throws -> [String: Int] {
        [
            "GET profile": try rowsRead(harness, "GET profile", status: 200) { harness.call(.get, "/api/v1/users/profile") },
            "GET customers": try rowsRead(harness, "GET customers", status: 200) { harness.call(.get, "/api/v1/customers") },
            "POST brand": try rowsRead(harness, "POST brand", status: 201) {
                harness.call(.post, "/api/v1/customers/1/brands", json: #"{"name": "\#(brand)"}"#)
            },
            "POST customer with brands": try rowsRead(harness, "POST customer with brands", status: 201) {
                harness.call(.post, "/api/v1/customers/brands",
                             json: #"{"name": "\#(customer)", "brands": [{"name": "Marca \#(customer)"}]}"#)
            },
        ]
    }

    /// Fresh statistics, so the plans measured are the ones MariaDB picks for the grown tables.
    static func analyze(_ harness: EgresosHarness) throws {
        _ = try harness.database.connection.query("ANALYZE TABLE customers, brands, projects")
    }

    @Test("3,000 more brands on the seed customer: the profile, the list and the creations read no more rows")
    func brandsOfOneCustomer() throws {
        let harness = try EgresosHarness(caller: "admin")
        _ = harness.call(.get, "/api/v1/users/profile")  // links the staff token's user first
        let before = try Self.soakRequests(harness, brand: "Escala uno", customer: "Cliente uno")
        try harness.execute("""
            INSERT INTO brands (customer_id, code, name) SELECT 1, 'GMCC', CONCAT('Carga ', seq) FROM seq_1_to_3000
            """)
        try Self.analyze(harness)
        let after = try Self.soakRequests(harness, brand: "Escala dos", customer: "Cliente dos")
        for (label, rows) in after.sorted(by: { $0.key < $1.key }) {
            let base = before[label] ?? 0
            #expect(rows - base < Self.allowance, "\(label): \(base) rows read before, \(rows) with 3,000 more brands")
        }
        // The answer itself is unchanged by the brands: still the seed's one live project.
        let list = harness.call(.get, "/api/v1/customers")
        #expect(egInt(list.json?["customers"]?.egItems?.first?["projects_count"]) == 1)
    }

    @Test("3,000 more customers: a brand, a customer and the profile read no more rows")
    func customers() throws {
        let harness = try EgresosHarness(caller: "admin")
        _ = harness.call(.get, "/api/v1/users/profile")
        let before = try Self.soakRequests(harness, brand: "Escala uno", customer: "Cliente uno")
        try harness.execute("INSERT INTO customers (code, name) SELECT 'CC', CONCAT('Carga ', seq) FROM seq_1_to_3000")
        try Self.analyze(harness)
        // The list answers every customer, so it reads them: the other three must not.
        let after = try Self.soakRequests(harness, brand: "Escala dos", customer: "Cliente dos")
        for label in ["GET profile", "POST brand", "POST customer with brands"] {
            let (base, rows) = (before[label] ?? 0, after[label] ?? 0)
            #expect(rows - base < Self.allowance, "\(label): \(base) rows read before, \(rows) with 3,000 more customers")
        }
    }
}
