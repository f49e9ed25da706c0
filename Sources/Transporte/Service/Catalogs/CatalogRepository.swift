import HTTPCore

/// The storage of every catalog, driven by its `CatalogDefinition` (table, columns, keys, guards). Reads see
/// active rows (`Eliminado = 0`) only, except `deletedRow`, which finds the row a create reactivates.
protocol CatalogRepository {
    /// Runs `body` in one transaction (ruling 2), rolled back when it throws; run again from the start when
    /// the database picks it as a deadlock victim (two hierarchy changes locking each other's ancestors).
    func transaction<T>(_ body: () throws -> T) throws -> T
    /// The active row `id`; `lock` takes it FOR UPDATE (updates, deletes).
    func record(_ catalog: CatalogDefinition, id: Int, lock: Bool) throws -> CatalogRecord?
    /// The number of active rows that match `filters`.
    func count(_ catalog: CatalogDefinition, filters: [CatalogFilterValue]) throws -> Int
    /// The active rows that match `filters`, in the catalog's order; one page of them when `page` is given.
    func list(_ catalog: CatalogDefinition, filters: [CatalogFilterValue], page: Pagination?) throws -> [JSONValue]
    /// Whether an active row other than `excluding` holds `value` for `key`.
    func isTaken(_ catalog: CatalogDefinition, key: CatalogUniqueKey, value: FieldValue, excluding: Int?) throws -> Bool
    /// The most recently deleted row that holds `value` for `key`, locked FOR UPDATE.
    func deletedRow(_ catalog: CatalogDefinition, key: CatalogUniqueKey, value: FieldValue) throws -> Int?
    /// Inserts a row with the values sent (the others take their defaults); its Id.
    func insert(_ catalog: CatalogDefinition, values: Validated) throws -> Int
    /// Brings deleted row `id` back (`Eliminado = 0`) with the values sent; every other field column goes back
    /// to its default, as a fresh insert would have it (transporte.md §1.5).
    func reactivate(_ catalog: CatalogDefinition, id: Int, values: Validated) throws
    /// Writes the values sent to row `id` (ruling 5: only those).
    func update(_ catalog: CatalogDefinition, id: Int, values: Validated) throws
    /// Soft-deletes row `id` (the audit trigger stamps `FechaHoraEliminacion`).
    func delete(_ catalog: CatalogDefinition, id: Int) throws
    /// Whether `rule` finds active rows that use row `id`.
    func isUsed(_ rule: CatalogGuard, id: Int) throws -> Bool
    /// Whether `reference` names an existing, active row `id`; it is share-locked until the commit.
    func exists(_ reference: CatalogReference, id: Int) throws -> Bool
    /// The parent of row `id` in `hierarchy` (nil for a root or an unknown row), share-locked until the commit.
    func parent(_ catalog: CatalogDefinition, _ hierarchy: CatalogHierarchy, of id: Int) throws -> Int?
}

/// A list filter with the value the query gave it.
struct CatalogFilterValue: Sendable {
    /// The filter.
    let filter: CatalogFilter
    /// Its value (never `.null`).
    let value: FieldValue
}
