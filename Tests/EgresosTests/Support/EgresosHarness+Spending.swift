import MariaDB
import TestSupport
@testable import Egresos

/// Supplies and refunds written directly (egresos.md §4): what a test needs before it calls #46-#61.
extension EgresosHarness {
    /// A supply or refund created by `createdBy` in `status`, with one expense of supplier 1 per cost; returns its id
    /// and the expenses' ids.
    @discardableResult
    func spending(_ kind: SpendingKind, createdBy: Int = 4001, status: Int = 0, projectID: Int? = nil,
                  costs: [Int64] = [50000]) throws -> (id: Int, expenses: [Int]) {
        let id = try database.connection.execute("""
            INSERT INTO \(ident: kind.table) (created_by, status, project_id) VALUES (\(createdBy), \(status), \(projectID))
            """).lastInsertID
        let expenses = try costs.map { cents in
            try database.connection.execute("""
                INSERT INTO expenses (\(ident: kind.idColumn), supplier_id, concept, comments, cost_in_cents)
                VALUES (\(id), 1, 'Comida y alimentos', 'Comida', \(cents))
                """).lastInsertID
        }
        return (id, expenses)
    }
}
