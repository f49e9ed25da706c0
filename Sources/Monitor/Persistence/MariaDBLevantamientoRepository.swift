import HTTPCore
import MariaDB

/// Levantamientos and their concepts in MariaDB. Every read has constant SQL text (cached statements); the
/// concepts of a list are fetched in one query and grouped here.
struct MariaDBLevantamientoRepository: LevantamientoRepository {
    let connection: MariaDBConnection

    private static let columns = "id, " + RecordSQL.columns(LevantamientoFields.levantamiento)
    private static let conceptoColumns = "id, id_levantamiento, " + RecordSQL.columns(LevantamientoFields.concepto)
    private static let pageSQL = "SELECT \(columns) FROM levantamiento_danios WHERE (? IS NULL OR no_siniestro = ?) "
        + "ORDER BY id DESC LIMIT ? OFFSET ?"
    private static let pageConceptosSQL = "SELECT \(RecordSQL.columns(conceptoFields, alias: "c")) FROM levantamiento_concepto c "
        + "JOIN levantamiento_danios l ON l.id = c.id_levantamiento "
        + "WHERE (? IS NULL OR l.no_siniestro = ?) AND l.id BETWEEN ? AND ? ORDER BY c.id"
    private static let insertText = RecordSQL.insertText(table: "levantamiento_danios", fixed: [],
                                                         specs: LevantamientoFields.levantamiento)
    private static let insertConceptoText = RecordSQL.insertText(table: "levantamiento_concepto", fixed: ["id_levantamiento"],
                                                                 specs: LevantamientoFields.concepto)
    /// The expediente row exactly as the expediente routes return it (their column list and SQL).
    private static let expedienteBooleans = Set(MariaDBExpedienteRepository.rowColumns.filter { $0.hasPrefix("doc_") })

    func transaction<T>(_ body: () throws -> T) throws -> T { try connection.transaction(body) }

    func expedienteKey(_ noSiniestro: String) throws -> String? {
        try connection.lockedExpedienteKey(noSiniestro)
    }

    func insert(_ fields: DecodedFields) throws -> Int {
        try write {
            try connection.execute(SQLQuery(unsafeSQL: Self.insertText, binds: RecordSQL.insertBinds(
                fixed: [], specs: LevantamientoFields.levantamiento, fields: fields))).lastInsertID
        }
    }

    func insertConcepto(levantamiento: Int, _ fields: DecodedFields) throws -> Int {
        try write {
            try connection.execute(SQLQuery(unsafeSQL: Self.insertConceptoText, binds: RecordSQL.insertBinds(
                fixed: [.int(Int64(levantamiento))], specs: LevantamientoFields.concepto, fields: fields))).lastInsertID
        }
    }

    func lock(id: Int) throws -> Bool {
        try connection.queryFirst("SELECT id FROM levantamiento_danios WHERE id = \(id) FOR UPDATE") != nil
    }

    func update(id: Int, _ fields: DecodedFields) throws {
        guard let query = RecordSQL.update(table: "levantamiento_danios", id: id, fields: fields) else { return }
        try write { _ = try connection.execute(query) }
    }

    func levantamiento(id: Int) throws -> [(String, JSONValue)]? {
        guard let row = try connection.queryFirst(
            "SELECT \(unsafeRaw: Self.columns) FROM levantamiento_danios WHERE id = \(id)") else { return nil }
        let conceptos = try connection.query(
            "SELECT \(unsafeRaw: Self.conceptoColumns) FROM levantamiento_concepto WHERE id_levantamiento = \(id) ORDER BY id")
        return RowJSON.object(row, booleans: LevantamientoFields.booleans)
            + [("levantamiento_concepto", .array(conceptos.map { .object(RowJSON.object($0)) }))]
    }

    func list(noSiniestro: String?, page: ListPage?) throws -> [JSONValue] {
        let rows: [SQLRow], conceptos: [SQLRow]
        if let page {
            let filter: SQLValue = noSiniestro.map(SQLValue.text) ?? .null
            rows = try connection.query(SQLQuery(unsafeSQL: Self.pageSQL, binds: [filter, filter, .int(page.sqlLimit), .int(Int64(page.offset))]))
            // The page is a run of consecutive ids of the (filtered) order: its concepts are those within its id range.
            let ids = try rows.map { try $0.int("id") }
            guard let low = ids.min(), let high = ids.max() else { return [] }
            conceptos = try connection.query(SQLQuery(unsafeSQL: Self.pageConceptosSQL,
                                                      binds: [filter, filter, .int(Int64(low)), .int(Int64(high))]))
        } else if let noSiniestro {
            rows = try connection.query("""
                SELECT \(unsafeRaw: Self.columns) FROM levantamiento_danios WHERE no_siniestro = \(noSiniestro) ORDER BY id DESC
                """)
            conceptos = try connection.query("""
                SELECT \(unsafeRaw: RecordSQL.columns(Self.conceptoFields, alias: "c"))
                  FROM levantamiento_concepto c JOIN levantamiento_danios l ON l.id = c.id_levantamiento
                 WHERE l.no_siniestro = \(noSiniestro) ORDER BY c.id
                """)
        } else {
            rows = try connection.query("SELECT \(unsafeRaw: Self.columns) FROM levantamiento_danios ORDER BY id DESC")
            conceptos = try connection.query("SELECT \(unsafeRaw: Self.conceptoColumns) FROM levantamiento_concepto ORDER BY id")
        }
        return try Self.assemble(rows, conceptos)
    }

    func latest(noSiniestro: String) throws -> JSONValue? {
        guard let row = try connection.queryFirst("""
            SELECT id FROM levantamiento_danios WHERE no_siniestro = \(noSiniestro) ORDER BY id DESC LIMIT 1
            """) else { return nil }
        return try levantamiento(id: try row.int("id")).map(JSONValue.object)
    }

    func expediente(noSiniestro: String) throws -> JSONValue {
        guard let row = try connection.queryFirst(
            SQLQuery(unsafeSQL: MariaDBExpedienteRepository.rowSQL, binds: [.text(noSiniestro)])) else { return .null }
        return .object(RowJSON.object(row, booleans: Self.expedienteBooleans))
    }

    func total(id: Int) throws -> String? {
        try connection.queryFirst("""
            SELECT COALESCE(SUM(c.costo), 0) AS total
              FROM levantamiento_danios l LEFT JOIN levantamiento_concepto c ON c.id_levantamiento = l.id
             WHERE l.id = \(id) GROUP BY l.id
            """)?.decimalString("total")
    }

    func concepto(id: Int) throws -> JSONValue? {
        try connection.queryFirst("SELECT \(unsafeRaw: Self.conceptoColumns) FROM levantamiento_concepto WHERE id = \(id)")
            .map { .object(RowJSON.object($0)) }
    }

    func deleteConcepto(id: Int) throws -> Bool {
        try connection.execute("DELETE FROM levantamiento_concepto WHERE id = \(id)").affectedRows > 0
    }

    func delete(id: Int) throws -> Bool {
        try connection.execute("DELETE FROM levantamiento_danios WHERE id = \(id)").affectedRows > 0
    }

    /// `id`, `id_levantamiento` and the writable concept columns, for the aliased select.
    private static let conceptoFields = [FieldSpec("id", .integer(0...Int.max)), FieldSpec("id_levantamiento", .integer(0...Int.max))]
        + LevantamientoFields.concepto

    /// Each levantamiento row with its concepts (`conceptos` ordered by id).
    private static func assemble(_ rows: [SQLRow], _ conceptos: [SQLRow]) throws -> [JSONValue] {
        var byLevantamiento: [Int: [JSONValue]] = [:]
        for concepto in conceptos {
            byLevantamiento[try concepto.int("id_levantamiento"), default: []].append(.object(RowJSON.object(concepto)))
        }
        return try rows.map { row in
            .object(RowJSON.object(row, booleans: LevantamientoFields.booleans)
                + [("levantamiento_concepto", .array(byLevantamiento[try row.int("id")] ?? []))])
        }
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
