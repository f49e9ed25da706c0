import AppCore
import MariaDB

/// The SQL of the generic catalog repository, built from a `CatalogDefinition`: identifiers come from the
/// definition only, values are always binds. Pure functions, so the text can be checked without a database.
enum CatalogSQL {
    /// `SELECT * FROM T WHERE Id = ? AND Eliminado = 0`: from the catalog's read source, or `FOR UPDATE` on the
    /// table itself when locking. `*` is exactly the
    /// visible columns: the `<Col>Activo` generated columns are INVISIBLE.
    static func record(_ catalog: CatalogDefinition, id: Int, lock: Bool) -> SQLQuery {
        SQLQuery(unsafeSQL: "SELECT * FROM \(lock ? catalog.table : catalog.source) WHERE Id = ? AND Eliminado = 0"
                    + (lock ? " FOR UPDATE" : ""),
                 binds: [.int(Int64(id))])
    }

    /// `SELECT COUNT(*) AS total FROM T WHERE <filters>`.
    static func count(_ catalog: CatalogDefinition, filters: [CatalogFilterValue]) -> SQLQuery {
        let (condition, binds) = self.condition(filters)
        return SQLQuery(unsafeSQL: "SELECT COUNT(*) AS total FROM \(catalog.source) WHERE \(condition)", binds: binds)
    }

    /// `SELECT * FROM T WHERE <filters> ORDER BY <order>, Id [LIMIT ? OFFSET ?]`.
    static func list(_ catalog: CatalogDefinition, filters: [CatalogFilterValue], limit: Int?, offset: Int) -> SQLQuery {
        var (condition, binds) = self.condition(filters)
        let order = (catalog.orderBy + ["Id"]).joined(separator: ", ")
        var sql = "SELECT * FROM \(catalog.source) WHERE \(condition) ORDER BY \(order)"
        if let limit {
            sql += " LIMIT ? OFFSET ?"
            binds += [.int(Int64(limit)), .int(Int64(offset))]
        }
        return SQLQuery(unsafeSQL: sql, binds: binds)
    }

    /// `Eliminado = 0 AND ...`, one clause per filter, with its binds.
    static func condition(_ filters: [CatalogFilterValue]) -> (String, [SQLValue]) {
        var clauses = ["Eliminado = 0"]
        var binds: [SQLValue] = []
        for item in filters {
            let column = item.filter.field.column
            switch item.filter.match {
            case .exact:
                clauses.append("\(column) = ?")
                binds.append(bind(item.value))
            case .contains, .containsUpper:
                let upper = if case .containsUpper = item.filter.match { true } else { false }
                clauses.append("\(column) LIKE ? ESCAPE '!'")
                binds.append(.text(pattern(item.value, upper: upper)))
            case .search(let columns):
                clauses.append("(" + columns.map { "\($0.column) LIKE ? ESCAPE '!'" }.joined(separator: " OR ") + ")")
                binds += columns.map { .text(pattern(item.value, upper: $0.upper)) }
            }
        }
        return (clauses.joined(separator: " AND "), binds)
    }

    /// `%value%` for LIKE, with `!`, `%` and `_` escaped by `!` (an escape character that does not depend on
    /// the server's NO_BACKSLASH_ESCAPES mode); upper-cased for binary code columns.
    static func pattern(_ value: FieldValue, upper: Bool) -> String {
        let text = value.text ?? ""
        var escaped = ""
        for character in upper ? text.uppercased() : text {
            if character == "!" || character == "%" || character == "_" { escaped.append("!") }
            escaped.append(character)
        }
        return "%" + escaped + "%"
    }

    /// `SELECT 1 FROM T WHERE <Col>Activo = ? [AND Id <> ?] LIMIT 1`: the unique index decides, with its own
    /// collation (names compare case- and accent-insensitively, codes exactly).
    static func taken(_ catalog: CatalogDefinition, key: CatalogUniqueKey, value: FieldValue, excluding: Int?) -> SQLQuery {
        var sql = "SELECT 1 FROM \(catalog.table) WHERE \(key.activeColumn) = ?"
        var binds = [bind(value)]
        if let excluding {
            sql += " AND Id <> ?"
            binds.append(.int(Int64(excluding)))
        }
        return SQLQuery(unsafeSQL: sql + " LIMIT 1", binds: binds)
    }

    /// The newest deleted row holding `value` for `key`, locked so no concurrent create reactivates it too.
    static func deleted(_ catalog: CatalogDefinition, key: CatalogUniqueKey, value: FieldValue) -> SQLQuery {
        SQLQuery(unsafeSQL: """
            SELECT Id FROM \(catalog.table) WHERE Eliminado = 1 AND \(key.column) = ?
             ORDER BY FechaHoraEliminacion DESC, Id DESC LIMIT 1 FOR UPDATE
            """, binds: [bind(value)])
    }

    /// `INSERT INTO T (sent columns) VALUES (?, ...)`.
    static func insert(_ catalog: CatalogDefinition, values: Validated) -> SQLQuery {
        let columns = values.columns
        return SQLQuery(unsafeSQL: "INSERT INTO \(catalog.table) (\(columns.map(\.column).joined(separator: ", "))) VALUES ("
                            + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")",
                        binds: columns.map { bind($0.value) })
    }

    /// `UPDATE T SET Eliminado = 0, <every field column> = ? | DEFAULT WHERE Id = ? AND Eliminado = 1`.
    static func reactivate(_ catalog: CatalogDefinition, id: Int, values: Validated) -> SQLQuery {
        var assignments = ["Eliminado = 0"]
        var binds: [SQLValue] = []
        for field in catalog.fields {
            if let value = values[field.key] {
                assignments.append("\(field.column) = ?")
                binds.append(bind(value))
            } else {
                assignments.append("\(field.column) = DEFAULT")
            }
        }
        return SQLQuery(unsafeSQL: "UPDATE \(catalog.table) SET \(assignments.joined(separator: ", ")) WHERE Id = ? AND Eliminado = 1",
                        binds: binds + [.int(Int64(id))])
    }

    /// `UPDATE T SET <sent columns> WHERE Id = ?`.
    static func update(_ catalog: CatalogDefinition, id: Int, values: Validated) -> SQLQuery {
        let columns = values.columns
        return SQLQuery(unsafeSQL: "UPDATE \(catalog.table) SET \(columns.map { "\($0.column) = ?" }.joined(separator: ", ")) WHERE Id = ?",
                        binds: columns.map { bind($0.value) } + [.int(Int64(id))])
    }

    /// `UPDATE T SET Eliminado = 1 WHERE Id = ?` (the trigger stamps the deletion instant).
    static func delete(_ catalog: CatalogDefinition, id: Int) -> SQLQuery {
        SQLQuery(unsafeSQL: "UPDATE \(catalog.table) SET Eliminado = 1 WHERE Id = ? AND Eliminado = 0", binds: [.int(Int64(id))])
    }

    /// The guard's subquery with the row's Id, limited to one row.
    static func used(_ rule: CatalogGuard, id: Int) -> SQLQuery {
        SQLQuery(unsafeSQL: rule.sql + " LIMIT 1", binds: [.int(Int64(id))])
    }

    /// The referenced active row, share-locked until the commit.
    static func exists(_ reference: CatalogReference, id: Int) -> SQLQuery {
        SQLQuery(unsafeSQL: "SELECT Id FROM \(reference.table) WHERE Id = ? AND Eliminado = 0 LOCK IN SHARE MODE",
                 binds: [.int(Int64(id))])
    }

    /// The parent of a row, share-locked until the commit.
    static func parent(_ catalog: CatalogDefinition, _ hierarchy: CatalogHierarchy, of id: Int) -> SQLQuery {
        SQLQuery(unsafeSQL: "SELECT \(hierarchy.column) AS Padre FROM \(catalog.table) WHERE Id = ? LOCK IN SHARE MODE",
                 binds: [.int(Int64(id))])
    }

    /// The bind of a checked value: booleans as 0/1, numbers as typed, dates and times as such.
    static func bind(_ value: FieldValue) -> SQLValue {
        switch value {
        case .null: .null
        case .text(let text): .text(text)
        case .integer(let number): .int(Int64(number))
        case .decimal(let text): Double(text).map(SQLValue.double) ?? .decimal(text)
        case .boolean(let flag): .int(flag ? 1 : 0)
        case .date(let date): .date(SQLDate(year: date.year, month: date.month, day: date.day))
        case .time(let millis):
            .time(SQLTime(hours: millis / 3_600_000, minutes: millis / 60_000 % 60, seconds: millis / 1_000 % 60,
                          microseconds: millis % 1_000 * 1_000))
        }
    }
}
