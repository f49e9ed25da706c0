import AppCore
import HTTPCore
import MariaDB

/// Every catalog in MariaDB, over the worker's connection: the SQL comes from `CatalogSQL`, the records from
/// `RecordJSON` (PascalCase columns, local timestamps, booleans).
struct MariaDBCatalogRepository: CatalogRepository {
    let connection: MariaDBConnection
    let records: RecordJSON
    /// How transactions run (T16); nil: `TransactionRetry` with its defaults.
    var retry: TransactionRetry?

    /// T16 (`TransactionRetry`). Deadlocks are InnoDB's normal answer to crossing locks (concurrent inserts of
    /// one unique value, two departments becoming each other's parent); the rerun sees the winner's commit and
    /// answers the client from it.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        try (retry ?? TransactionRetry(connection: connection, lockWaitSeconds: TransactionRetry.defaultLockWaitSeconds)).run(body)
    }

    func record(_ catalog: CatalogDefinition, id: Int, lock: Bool) throws -> CatalogRecord? {
        guard let row = try connection.queryFirst(CatalogSQL.record(catalog, id: id, lock: lock)) else { return nil }
        let codigo: String? = if case .text(let text)? = row[column: "Codigo"] { text } else { nil }
        let display: String = if case .text(let text)? = row[column: catalog.displayColumn] { text } else { "" }
        return CatalogRecord(id: try row.int("Id"), codigo: codigo, display: display, json: records.object(row))
    }

    func count(_ catalog: CatalogDefinition, filters: [CatalogFilterValue]) throws -> Int {
        try connection.queryFirst(CatalogSQL.count(catalog, filters: filters))?.int("total") ?? 0
    }

    func list(_ catalog: CatalogDefinition, filters: [CatalogFilterValue], page: Pagination?) throws -> [JSONValue] {
        try connection.query(CatalogSQL.list(catalog, filters: filters, limit: page?.porPagina, offset: page?.offset ?? 0))
            .map(records.object)
    }

    func isTaken(_ catalog: CatalogDefinition, key: CatalogUniqueKey, value: FieldValue, excluding: Int?) throws -> Bool {
        try connection.queryFirst(CatalogSQL.taken(catalog, key: key, value: value, excluding: excluding)) != nil
    }

    func deletedRow(_ catalog: CatalogDefinition, key: CatalogUniqueKey, value: FieldValue) throws -> Int? {
        try connection.queryFirst(CatalogSQL.deleted(catalog, key: key, value: value))?.int("Id")
    }

    func insert(_ catalog: CatalogDefinition, values: Validated) throws -> Int {
        try write { try connection.execute(CatalogSQL.insert(catalog, values: values)).lastInsertID }
    }

    func reactivate(_ catalog: CatalogDefinition, id: Int, values: Validated) throws {
        try write { _ = try connection.execute(CatalogSQL.reactivate(catalog, id: id, values: values)) }
    }

    func update(_ catalog: CatalogDefinition, id: Int, values: Validated) throws {
        try write { _ = try connection.execute(CatalogSQL.update(catalog, id: id, values: values)) }
    }

    func delete(_ catalog: CatalogDefinition, id: Int) throws {
        _ = try connection.execute(CatalogSQL.delete(catalog, id: id))
    }

    func isUsed(_ rule: CatalogGuard, id: Int) throws -> Bool {
        try connection.queryFirst(CatalogSQL.used(rule, id: id)) != nil
    }

    func exists(_ reference: CatalogReference, id: Int) throws -> Bool {
        try connection.queryFirst(CatalogSQL.exists(reference, id: id)) != nil
    }

    func parent(_ catalog: CatalogDefinition, _ hierarchy: CatalogHierarchy, of id: Int) throws -> Int? {
        try connection.queryFirst(CatalogSQL.parent(catalog, hierarchy, of: id))?.optionalInt("Padre")
    }

    /// Runs a write, turning the refusals a checked value can still meet into `CatalogStoreError`.
    private func write<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as MariaDBError {
            switch error.kind {
            case .duplicateKey: throw CatalogStoreError.duplicate(index: Self.lastQuoted(in: error.message))
            case .dataTooLong: throw CatalogStoreError.tooLong(column: Self.firstQuoted(in: error.message, quote: "'"))
            case .invalidValue: throw CatalogStoreError.invalid(constraint: Self.firstQuoted(in: error.message, quote: "`"))
            default: throw error
            }
        }
    }

    /// The first name between `quote`s: `Data too long for column 'Nombre' at row 1` → `Nombre`;
    /// "CONSTRAINT `ck_lugares_latitud` failed for ..." → `ck_lugares_latitud`.
    static func firstQuoted(in message: String, quote: Character) -> String? {
        let parts = message.split(separator: quote, omittingEmptySubsequences: false)
        return parts.count >= 3 ? String(parts[1]) : nil
    }

    /// The last name between single quotes: `Duplicate entry 'X' for key 'uq_rol_codigo_activo'` → the index.
    static func lastQuoted(in message: String) -> String? {
        let parts = message.split(separator: "'", omittingEmptySubsequences: false)
        return parts.count >= 3 ? String(parts[parts.count - 2]) : nil
    }
}

extension TransportePersistence {
    /// The catalogs, rendering records in `zone` (T7).
    func catalogs(zone: ZoneRules) -> any CatalogRepository {
        MariaDBCatalogRepository(connection: connection, records: RecordJSON(zone: zone), retry: retry)
    }
}
