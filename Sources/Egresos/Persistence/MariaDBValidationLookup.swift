import MariaDB

/// `unique:`, `exists:` and the stored ends of `dateRange:` against MariaDB. Table and column names come only from parsed rules
/// (`ValidationTable` and its whitelisted columns) and are quoted as identifiers; values are always bound.
/// Tables with `deleted_at` only look at active rows. `exists` compares with the column's collation; `taken`
/// compares case-insensitively and otherwise exactly.
public struct MariaDBValidationLookup: ValidationLookup {
    let connection: MariaDBConnection

    /// A lookup on `connection`.
    public init(connection: MariaDBConnection) {
        self.connection = connection
    }

    public func exists(table: ValidationTable, column: String, value: String,
                       scope: (column: String, value: String)?) throws -> Bool {
        var query = try Self.select(table, column)
        query.append("\(ident: column) = \(value)")
        if table.softDeletes { query.append(" AND deleted_at IS NULL") }
        try Self.append(scope, of: table, to: &query)
        query.append(" LIMIT 1")
        return try connection.queryFirst(query) != nil
    }

    public func storedDate(table: ValidationTable, column: String, id: Int) throws -> String? {
        guard table.columns.contains(column) else { throw UnknownColumn(table: table, column: column) }
        var query: SQLQuery = "SELECT DATE_FORMAT(\(ident: column), '%Y-%m-%d') AS stored_date FROM \(ident: table.tableName) WHERE id = \(id)"
        if table.softDeletes { query.append(" AND deleted_at IS NULL") }
        return try connection.queryFirst(query)?.optionalString("stored_date")
    }

    public func taken(table: ValidationTable, column: String, value: String, excludingID: Int?,
                      scope: (column: String, value: String)?) throws -> Bool {
        var query = try Self.select(table, column)
        // The collation's equality (case- and accent-insensitive, so it holds every row the exact test below
        // accepts) reads the few candidates through the live unique key; without it every row is read.
        if let live = table.liveIndexedColumn(column) { query.append("\(ident: live) = \(value) AND ") }
        // Case-insensitive but otherwise exact: both sides lower-cased, then compared byte for byte, so the
        // column's collation (accent- and case-insensitive `utf8mb4_unicode_ci`) does not make "Campana" equal "Campaña".
        query.append("CONVERT(LOWER(\(ident: column)) USING utf8mb4) COLLATE utf8mb4_bin = CONVERT(LOWER(\(value)) USING utf8mb4) COLLATE utf8mb4_bin")
        if table.softDeletes { query.append(" AND deleted_at IS NULL") }
        if let excludingID { query.append(" AND id <> \(excludingID)") }
        try Self.append(scope, of: table, to: &query)
        query.append(" LIMIT 1")
        return try connection.queryFirst(query) != nil
    }

    /// ` AND <scope column> = <value>`, after checking the column against the table's whitelist.
    private static func append(_ scope: (column: String, value: String)?, of table: ValidationTable,
                               to query: inout SQLQuery) throws {
        guard let scope else { return }
        guard table.columns.contains(scope.column) else { throw UnknownColumn(table: table, column: scope.column) }
        query.append(" AND \(ident: scope.column) = \(scope.value)")
    }

    /// `SELECT 1 FROM <table> WHERE `, after checking `column` against the table's whitelist.
    private static func select(_ table: ValidationTable, _ column: String) throws -> SQLQuery {
        guard table.columns.contains(column) else { throw UnknownColumn(table: table, column: column) }
        return "SELECT 1 FROM \(ident: table.tableName) WHERE "
    }

    /// A column that is not in the table's whitelist (the parser never produces one).
    struct UnknownColumn: Error {
        let table: ValidationTable
        let column: String
    }
}

extension EgresosPersistence {
    /// `unique:` and `exists:` on this worker's connection.
    var validationLookup: any ValidationLookup { MariaDBValidationLookup(connection: connection) }
}
