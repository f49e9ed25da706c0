import HTTPCore
import MariaDB

/// Checklists and their items in MariaDB. Reads have constant SQL text; the items of a list come in one query.
struct MariaDBChecklistRepository: ChecklistRepository {
    let connection: MariaDBConnection

    private static let columns = "id, " + RecordSQL.columns(ChecklistFields.checklist)
    private static let itemColumns = "id, id_checklist, " + RecordSQL.columns(ChecklistFields.item)
    private static let insertText = RecordSQL.insertText(table: "checklist", fixed: [], specs: ChecklistFields.checklist)
    private static let insertItemText = RecordSQL.insertText(table: "checklist_item", fixed: ["id_checklist"],
                                                             specs: ChecklistFields.item)

    func transaction<T>(_ body: () throws -> T) throws -> T { try connection.transaction(body) }

    func expedienteKey(_ noSiniestro: String) throws -> String? {
        try connection.lockedExpedienteKey(noSiniestro)
    }

    func insert(_ fields: DecodedFields) throws -> Int {
        try write {
            try connection.execute(SQLQuery(unsafeSQL: Self.insertText, binds: RecordSQL.insertBinds(
                fixed: [], specs: ChecklistFields.checklist, fields: fields))).lastInsertID
        }
    }

    func lock(id: Int) throws -> Bool {
        try connection.queryFirst("SELECT id FROM checklist WHERE id = \(id) FOR UPDATE") != nil
    }

    func update(id: Int, _ fields: DecodedFields) throws {
        guard let query = RecordSQL.update(table: "checklist", id: id, fields: fields) else { return }
        try write { _ = try connection.execute(query) }
    }

    func checklist(id: Int, withItems: Bool) throws -> JSONValue? {
        guard let row = try connection.queryFirst("SELECT \(unsafeRaw: Self.columns) FROM checklist WHERE id = \(id)") else {
            return nil
        }
        var members = RowJSON.object(row, booleans: ChecklistFields.booleans)
        if withItems { members.append(("checklist_item", .array(try items(checklist: id)))) }
        return .object(members)
    }

    func list(page: ListPage?) throws -> [JSONValue] {
        let rows: [SQLRow], items: [SQLRow]
        if let page {
            rows = try connection.query("""
                SELECT \(unsafeRaw: Self.columns) FROM checklist ORDER BY id DESC LIMIT \(page.sqlLimit) OFFSET \(page.offset)
                """)
            // The page is a run of consecutive ids of the order, so its items are those within its id range.
            let ids = try rows.map { try $0.int("id") }
            guard let low = ids.min(), let high = ids.max() else { return [] }
            items = try connection.query("""
                SELECT \(unsafeRaw: Self.itemColumns) FROM checklist_item WHERE id_checklist BETWEEN \(low) AND \(high) ORDER BY id
                """)
        } else {
            rows = try connection.query("SELECT \(unsafeRaw: Self.columns) FROM checklist ORDER BY id DESC")
            items = try connection.query("SELECT \(unsafeRaw: Self.itemColumns) FROM checklist_item ORDER BY id")
        }
        var byChecklist: [Int: [JSONValue]] = [:]
        for item in items {
            byChecklist[try item.int("id_checklist"), default: []].append(.object(RowJSON.object(item)))
        }
        return try rows.map { row in
            .object(RowJSON.object(row, booleans: ChecklistFields.booleans)
                + [("checklist_item", .array(byChecklist[try row.int("id")] ?? []))])
        }
    }

    func latest(noSiniestro: String) throws -> JSONValue? {
        guard let row = try connection.queryFirst(
            "SELECT id FROM checklist WHERE no_siniestro = \(noSiniestro) ORDER BY id DESC LIMIT 1") else { return nil }
        return try checklist(id: try row.int("id"), withItems: true)
    }

    func insertItem(checklist: Int, _ fields: DecodedFields) throws -> Int {
        try RecordSQL.write {
            try connection.execute(SQLQuery(unsafeSQL: Self.insertItemText, binds: RecordSQL.insertBinds(
                fixed: [.int(Int64(checklist))], specs: ChecklistFields.item, fields: fields))).lastInsertID
        }
    }

    func item(id: Int) throws -> JSONValue? {
        try connection.queryFirst("SELECT \(unsafeRaw: Self.itemColumns) FROM checklist_item WHERE id = \(id)")
            .map { .object(RowJSON.object($0)) }
    }

    func items(checklist: Int) throws -> [JSONValue] {
        try connection.query("SELECT \(unsafeRaw: Self.itemColumns) FROM checklist_item WHERE id_checklist = \(checklist) ORDER BY id")
            .map { .object(RowJSON.object($0)) }
    }

    func deleteItems(checklist: Int) throws {
        _ = try connection.execute("DELETE FROM checklist_item WHERE id_checklist = \(checklist)")
    }

    func deleteItem(id: Int) throws -> Bool {
        try connection.execute("DELETE FROM checklist_item WHERE id = \(id)").affectedRows > 0
    }

    func delete(id: Int) throws -> Bool {
        try connection.execute("DELETE FROM checklist WHERE id = \(id)").affectedRows > 0
    }

    /// A write whose refused values become 400s; an unknown `no_siniestro` (a race with a delete) too.
    private func write<T>(_ body: () throws -> T) throws -> T {
        do {
            return try RecordSQL.write(body)
        } catch let error as MariaDBError where error.kind == .foreignKeyViolation {
            throw MonitorError(status: 400, RecordMessages.expedienteMissing)
        }
    }
}
