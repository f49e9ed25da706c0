import AppCore
import HTTPCore
import MariaDB

/// Expedientes in MariaDB. Every statement's text is a constant (prepared once per connection and reused):
/// an update binds a "sent" flag and a value for every writable column instead of building its SET list.
struct MariaDBExpedienteRepository: ExpedienteRepository {
    let connection: MariaDBConnection

    // MARK: Reads

    func summaries(_ listado: ExpedienteListado) throws -> EncodedJSON {
        let sql: String
        switch listado {
        case .todos: sql = Self.summariesAllSQL
        case .pendientes: sql = Self.summariesPendientesSQL
        case .nube: sql = Self.summariesNubeSQL
        }
        return try summaries(SQLQuery(unsafeSQL: sql))
    }

    func summaries(_ filtro: ExpedienteFiltro) throws -> EncodedJSON {
        try summaries(Self.summaryQuery(filtro))
    }

    /// The statement `summaries(filtro)` sends: only the conditions sent, a text per combination (each prepared
    /// once per connection), which the optimizer plans against the indexes, where `? IS NULL OR …` for every filter
    /// cost MariaDB about as much again on each execution (issue 16). Every combination reads its page in the order
    /// of an index of 0006 (no sort of the matching rows; a test holds the plan to that).
    static func summaryQuery(_ filtro: ExpedienteFiltro) -> SQLQuery {
        var query = SQLQuery(unsafeSQL: summaryPageSelect)
        var conjunction = " WHERE "
        func condition(_ text: SQLQuery) {
            query.append(SQLQuery(unsafeSQL: conjunction))
            query.append(text)
            conjunction = " AND "
        }
        if let estado = filtro.estado { condition("e.estado = \(estado.rawValue)") }
        if let aseguradora = filtro.aseguradora { condition("e.id_aseguradora = \(aseguradora)") }
        // Ruling 7: estado and aseguradora are the first part of an index that has the list's order after it. The
        // table's utf8mb4_unicode_ci collation makes LIKE case-insensitive (no_siniestro, utf8mb4_bin for equality,
        // is compared in that collation too); `!` escapes `!`, `%` and `_` in the pattern.
        if let like = filtro.likePattern {
            condition("""
                (e.no_siniestro COLLATE utf8mb4_unicode_ci LIKE \(like) ESCAPE '!' OR e.placas LIKE \(like) ESCAPE '!' \
                OR e.nombre_cliente LIKE \(like) ESCAPE '!')
                """)
        }
        // Either bound implies a fecha_ingreso, so saying so changes no answer and makes the range one of the
        // ordering index (sin_fecha_ingreso, fecha_ingreso, ...), read in the list's order.
        if filtro.desde != nil || filtro.hasta != nil { condition("e.sin_fecha_ingreso = 0") }
        if let desde = filtro.desde { condition("e.fecha_ingreso >= \(desde.description)") }
        if let hasta = filtro.hasta { condition("e.fecha_ingreso <= \(hasta.description)") }
        query.append(SQLQuery(unsafeSQL: summaryOrder))
        if let page = filtro.page {
            query.append(" LIMIT \(page.sqlLimit) OFFSET \(Int64(page.offset))")
        }
        return query
    }

    /// The list as a JSON array written straight from the fetched rows (issue 16: no `SQLRow` or `JSONValue`).
    private func summaries(_ query: SQLQuery) throws -> EncodedJSON {
        var output = JSONOutput(capacity: 4_096)
        output.append(UInt8(ascii: "["))
        var first = true
        try connection.forEachRow(query) { row in
            if !first { output.append(UInt8(ascii: ",")) }
            first = false
            output.append(UInt8(ascii: "{"))
            SQLRowJSON.appendMembers(row, Self.summaryMembers, from: 0, MonitorJSONFormat.self, to: &output)
            Self.appendAseguradora(row, at: Self.summaryColumns.count, to: &output)
            output.append(UInt8(ascii: "}"))
        }
        output.append(UInt8(ascii: "]"))
        return EncodedJSON(output)
    }

    func aseguradoras() throws -> [JSONValue] {
        try connection.query("SELECT id, nombre FROM aseguradora ORDER BY nombre, id").map { row in
            .object([("id", RowJSON.value(row[0])), ("nombre", RowJSON.value(row[1]))])
        }
    }

    func detail(noSiniestro: String) throws -> JSONValue? {
        // One statement, so one snapshot and one round trip; its shape is the cheapest measured (issue 16).
        let rows = try connection.query(SQLQuery(unsafeSQL: Self.detailSQL, binds: [.text(noSiniestro)]))
        guard let expediente = rows.first else { return nil }
        let h = Self.detailHistorialOffset
        let v = Self.detailEvidenciaOffset
        var historial: [SQLRow] = []
        var evidencia: [SQLRow] = []
        for row in rows {
            // The sequence's column is BIGINT UNSIGNED.
            guard case .uint(let part) = row[0] else { continue }
            if part == 1, !row[h].isNull {
                historial.append(row)
            } else if part == 2, !row[v].isNull {
                evidencia.append(row)
            }
        }
        var members = Self.members(expediente, Self.rowColumns, Self.rowBooleans, from: 1)
        members.reserveCapacity(Self.rowColumns.count + 3)
        members.append(("aseguradora", Self.aseguradora(expediente, at: 1 + Self.rowColumns.count)))
        // Newest first, by seq: the order the writing transactions gave the rows (0007), which neither a node's
        // clock nor a Galera node's auto-increment offset decides.
        let seq = Self.detailHistorialSeqOffset
        historial.sort { Self.integer($0[seq]) > Self.integer($1[seq]) }
        members.append(("historial_estado", .array(historial.map {
            .object(Self.members($0, Self.historialColumns, nil, from: h))
        })))
        evidencia.sort { Self.newer($0, $1, stamp: v + 5, id: v) }
        members.append(("evidencia", .array(evidencia.map { .object(Self.members($0, Self.evidenciaColumns, nil, from: v)) })))
        return .object(members)
    }

    func detailJSON(noSiniestro: String) throws -> EncodedJSON? {
        // The statement of `detail`, its rows written straight into the answer (issue 16). The expediente's columns
        // repeat on every row: the first row writes them. Historial and evidencia rows come in join order, so each
        // is written aside with its sort key and placed in the answer's order afterwards.
        var output = JSONOutput(capacity: 4_096)
        var parts = JSONOutput(capacity: 2_048)
        var historial: [(seq: Int64, bytes: Range<Int>)] = []
        var evidencia: [(stamp: Int64, id: Int64?, bytes: Range<Int>)] = []
        let h = Self.detailHistorialOffset
        let v = Self.detailEvidenciaOffset
        var found = false
        try connection.forEachRow(SQLQuery(unsafeSQL: Self.detailSQL, binds: [.text(noSiniestro)])) { row in
            if !found {
                found = true
                output.append(UInt8(ascii: "{"))
                SQLRowJSON.appendMembers(row, Self.rowMembers, from: 1, MonitorJSONFormat.self, to: &output)
                Self.appendAseguradora(row, at: 1 + Self.rowColumns.count, to: &output)
            }
            // The sequence's column is BIGINT UNSIGNED.
            guard row.kind(0) == .unsigned, !row.isNull(0) else { return }
            let part = row.uint64(0)
            let start = parts.count
            if part == 1, !row.isNull(h) {
                SQLRowJSON.appendObject(row, Self.historialMembers, from: h, MonitorJSONFormat.self, to: &parts)
                historial.append((Self.integer(row, Self.detailHistorialSeqOffset), start..<parts.count))
            } else if part == 2, !row.isNull(v) {
                SQLRowJSON.appendObject(row, Self.evidenciaMembers, from: v, MonitorJSONFormat.self, to: &parts)
                let id = row.kind(v) == .signed ? row.int64(v) : nil
                evidencia.append((Self.instant(row, v + 5), id, start..<parts.count))
            }
        }
        guard found else { return nil }
        // Newest first, by seq: the order the writing transactions gave the rows (0007), which neither a node's
        // clock nor a Galera node's auto-increment offset decides.
        historial.sort { $0.seq > $1.seq }
        output.append(",\"historial_estado\":[")
        for (index, entry) in historial.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output.append(parts, range: entry.bytes)
        }
        // Newest fecha_carga first (NULL last), then the higher id.
        evidencia.sort { a, b in
            if a.stamp != b.stamp { return a.stamp > b.stamp }
            if let i = a.id, let j = b.id { return i > j }
            return false
        }
        output.append("],\"evidencia\":[")
        for (index, entry) in evidencia.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            output.append(parts, range: entry.bytes)
        }
        output.append("]}")
        return EncodedJSON(output)
    }

    func historial(noSiniestro: String) throws -> [JSONValue]? {
        let rows = try connection.query(SQLQuery(unsafeSQL: Self.historialWithUserSQL, binds: [.text(noSiniestro)]))
        guard let first = rows.first else { return nil }
        if first[0].isNull { return [] }
        let userAt = Self.historialColumns.count
        return rows.map { row in
            var members = Self.members(row, Self.historialColumns, nil)
            let usuario: JSONValue = row[userAt].isNull ? .null : .object([
                ("id", RowJSON.value(row[userAt])), ("nombre", RowJSON.value(row[userAt + 1])),
                ("username", RowJSON.value(row[userAt + 2])),
            ])
            members.append(("usuario", usuario))
            return .object(members)
        }
    }

    // MARK: Writes

    func exists(noSiniestro: String) throws -> Bool {
        try connection.queryFirst("SELECT 1 AS hay FROM expediente WHERE no_siniestro = \(noSiniestro)") != nil
    }

    func insert(noSiniestro: String, fields: DecodedFields, creadoPor: Int) throws -> ExpedienteWrite {
        let binds = Self.insertBinds(noSiniestro: noSiniestro, fields: fields, creadoPor: creadoPor)
        do {
            return try connection.transaction {
                _ = try connection.execute(SQLQuery(unsafeSQL: Self.insertSQL, binds: binds))
                _ = try connection.execute(SQLQuery(unsafeSQL: Self.firstHistorialSQL, binds: [
                    .text(noSiniestro), .text(Estado.initial.rawValue), .int(Int64(creadoPor)),
                ]))
                return try row(noSiniestro).map(ExpedienteWrite.row) ?? .notFound
            }
        } catch let error as MariaDBError {
            if error.kind == .duplicateKey { return .duplicate }
            if let outcome = Self.foreignKeyOutcome(error) { return outcome }
            throw error
        }
    }

    func update(noSiniestro: String, fields: DecodedFields) throws -> ExpedienteWrite {
        let binds = Self.updateBinds(noSiniestro: noSiniestro, fields: fields)
        do {
            return try connection.transaction {
                let key = [SQLValue.text(noSiniestro)]
                guard try connection.queryFirst(SQLQuery(unsafeSQL: Self.lockSQL, binds: key)) != nil else {
                    return ExpedienteWrite.notFound
                }
                if !fields.isEmpty {
                    _ = try connection.execute(SQLQuery(unsafeSQL: Self.updateSQL, binds: binds))
                }
                return try row(noSiniestro).map(ExpedienteWrite.row) ?? .notFound
            }
        } catch let error as MariaDBError {
            if let outcome = Self.foreignKeyOutcome(error) { return outcome }
            throw error
        }
    }

    func delete(noSiniestro: String) throws -> Bool {
        try connection.transaction {
            try connection.execute("DELETE FROM expediente WHERE no_siniestro = \(noSiniestro)").affectedRows > 0
        }
    }

    func changeEstado(noSiniestro: String, to estado: Estado, by usuario: Int) throws -> ExpedienteEstadoChange {
        do {
            return try connection.transaction {
                _ = try connection.execute("CALL cambiar_estado_expediente(\(noSiniestro), \(estado.rawValue), \(usuario))")
                return try row(noSiniestro).map(ExpedienteEstadoChange.changed) ?? .rejected(.expedienteNotFound)
            }
        } catch let error as MariaDBError where error.kind == .signal {
            if let rejection = EstadoRejection(message: error.message) { return .rejected(rejection) }
            if error.message == "Usuario no encontrado" { return .unknownUser }
            throw error
        }
    }

    // MARK: Helpers

    /// The binds of `insertSQL`: the key, every writable column (NULL when not sent), `creado_por`.
    private static func insertBinds(noSiniestro: String, fields: DecodedFields, creadoPor: Int) -> [SQLValue] {
        var binds: [SQLValue] = [.text(noSiniestro)]
        binds.reserveCapacity(ExpedienteFields.writable.count + 2)
        for spec in ExpedienteFields.writable {
            binds.append(fields[spec.name]?.sqlValue ?? .null)
        }
        binds.append(.int(Int64(creadoPor)))
        return binds
    }

    /// The binds of `updateSQL`: a sent flag and a value per writable column, then the key.
    private static func updateBinds(noSiniestro: String, fields: DecodedFields) -> [SQLValue] {
        var binds: [SQLValue] = []
        binds.reserveCapacity(ExpedienteFields.writable.count * 2 + 1)
        for spec in ExpedienteFields.writable {
            if let value = fields[spec.name] {
                binds.append(.int(1))
                binds.append(value.sqlValue)
            } else {
                binds.append(.int(0))
                binds.append(.null)
            }
        }
        binds.append(.text(noSiniestro))
        return binds
    }

    /// The expediente's scalars, or nil.
    private func row(_ noSiniestro: String) throws -> JSONValue? {
        try connection.queryFirst(SQLQuery(unsafeSQL: Self.rowSQL, binds: [.text(noSiniestro)]))
            .map { .object(Self.members($0, Self.rowColumns, Self.rowBooleans)) }
    }

    /// A foreign-key failure the client caused (unknown aseguradora) or that means its user is gone.
    private static func foreignKeyOutcome(_ error: MariaDBError) -> ExpedienteWrite? {
        guard error.kind == .foreignKeyViolation else { return nil }
        if error.message.contains("fk_expediente_aseguradora") { return .unknownAseguradora }
        if error.message.contains("fk_expediente_creado_por") || error.message.contains("fk_historial_usuario") {
            return .unknownUser
        }
        return nil
    }

    /// `names.count` values of `row` from column `start` on as JSON members (booleans where `booleans` says so).
    private static func members(_ row: SQLRow, _ names: [String], _ booleans: [Bool]?, from start: Int = 0) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        members.reserveCapacity(names.count + 3)
        for index in names.indices {
            members.append((names[index], RowJSON.value(row[start + index], boolean: booleans?[index] ?? false)))
        }
        return members
    }

    /// Whether `a` sorts before `b` newest first: by the DATETIME at `stamp`, then by the id at `id`, descending.
    private static func newer(_ a: SQLRow, _ b: SQLRow, stamp: Int, id: Int) -> Bool {
        let (x, y) = (instant(a[stamp]), instant(b[stamp]))
        if x != y { return x > y }
        if case .int(let i) = a[id], case .int(let j) = b[id] { return i > j }
        return false
    }

    /// An integer column's value (0 for NULL or another type).
    private static func integer(_ value: SQLValue) -> Int64 {
        switch value {
        case .int(let number): number
        case .uint(let number): Int64(clamping: number)
        default: 0
        }
    }

    /// A DATETIME as microseconds since the epoch (NULL sorts last).
    private static func instant(_ value: SQLValue) -> Int64 {
        guard case .dateTime(let stamp) = value else { return .min }
        return microseconds(stamp)
    }

    /// `,"aseguradora":` and `{id, nombre}` from the two columns at `index` of `row`, or null without an aseguradora:
    /// `aseguradora(_:at:)` written straight from a fetched row.
    private static func appendAseguradora(_ row: borrowing SQLRowView, at index: Int, to output: inout JSONOutput) {
        output.append(",\"aseguradora\":")
        if row.isNull(index) {
            output.append("null")
        } else {
            SQLRowJSON.appendObject(row, aseguradoraMembers, from: index, MonitorJSONFormat.self, to: &output)
        }
    }

    /// An integer column of a fetched row (0 for NULL or another kind), as `integer(_:)` reads an `SQLValue`.
    private static func integer(_ row: borrowing SQLRowView, _ column: Int) -> Int64 {
        guard !row.isNull(column) else { return 0 }
        switch row.kind(column) {
        case .signed: return row.int64(column)
        case .unsigned: return Int64(clamping: row.uint64(column))
        default: return 0
        }
    }

    /// A DATETIME column of a fetched row as microseconds since the epoch (NULL sorts last), as `instant(_:)`.
    private static func instant(_ row: borrowing SQLRowView, _ column: Int) -> Int64 {
        guard !row.isNull(column), row.kind(column) == .dateTime else { return .min }
        return microseconds(row.dateTime(column))
    }

    /// A DATETIME as microseconds since the epoch, the evidencia order's key.
    private static func microseconds(_ stamp: SQLDateTime) -> Int64 {
        stamp.unixTime * 1_000_000 + Int64(stamp.microsecond)
    }

    /// `{id, nombre}` from the two columns at `index`, or null without an aseguradora.
    private static func aseguradora(_ row: SQLRow, at index: Int) -> JSONValue {
        row[index].isNull ? .null : .object([("id", RowJSON.value(row[index])), ("nombre", RowJSON.value(row[index + 1]))])
    }

    // MARK: SQL (built once)

    /// The expediente row as the API returns it, in the order of seeds 000/001 (with `fecha_entrega`, a column
    /// the seeds do not show, beside `unidad_terminada`). Bookkeeping columns are not part of it.
    static let rowColumns: [String] = {
        let writable = ExpedienteFields.writable.map(\.name).filter { $0 != "id_aseguradora" }
        return ["no_siniestro"] + writable + ["estado", "ubicacion_almacenamiento", "id_aseguradora", "creado_por"]
    }()
    static let rowBooleans = rowColumns.map { $0.hasPrefix("doc_") }
    static let summaryColumns = ["no_siniestro", "factura", "orden", "asesor", "fecha_ingreso", "estado", "marca", "placas",
                                 "tipo", "color", "modelo", "nombre_cliente", "telefono_cliente"]
    static let rowMembers = SQLJSONMembers(rowColumns, booleans: rowBooleans)
    static let summaryMembers = SQLJSONMembers(summaryColumns)
    static let aseguradoraMembers = SQLJSONMembers(["id", "nombre"])
    static let historialColumns = ["id", "no_siniestro", "estado_anterior", "estado_nuevo", "fecha_cambio", "cambiado_por"]
    static let evidenciaColumns = ["id", "no_siniestro", "tipo", "nombre_archivo", "ruta", "fecha_carga",
                                   "ubicacion_almacenamiento", "subido_por"]
    static let historialMembers = SQLJSONMembers(historialColumns)
    static let evidenciaMembers = SQLJSONMembers(evidenciaColumns)

    private static func list(_ prefix: String, _ columns: [String]) -> String {
        columns.map { prefix + $0 }.joined(separator: ", ")
    }

    static let rowSQL = "SELECT \(list("", rowColumns)) FROM expediente WHERE no_siniestro = ?"
    static let lockSQL = "SELECT no_siniestro FROM expediente WHERE no_siniestro = ? FOR UPDATE"
    static let detailHistorialOffset = 1 + rowColumns.count + 2
    static let detailEvidenciaOffset = detailHistorialOffset + historialColumns.count
    /// The column of the detail's historial `seq` (its order, 0007), after every column that is returned.
    static let detailHistorialSeqOffset = detailEvidenciaOffset + evidenciaColumns.count
    /// The detail in one statement: the expediente with its aseguradora on every row, joined to the sequence
    /// 1, 2 (MariaDB's built-in SEQUENCE engine) so that part 1 carries one historial row each and part 2 one
    /// evidencia row each (h + v rows, never h × v; a part without rows gives one row of NULLs there).
    /// Measured against the former three-part `UNION ALL` (which set up 3 × 61 result columns on every execution),
    /// three key reads in one transaction and a plain join: the cheapest for MariaDB (issue 16, the note).
    static let detailSQL = "SELECT p.seq AS part, \(list("e.", rowColumns)), a.id AS aseguradora_id, "
        + "a.nombre AS aseguradora_nombre, \(list("h.", historialColumns)), \(list("v.", evidenciaColumns)), "
        + "h.seq AS historial_seq "
        + "FROM expediente e LEFT JOIN aseguradora a ON a.id = e.id_aseguradora JOIN seq_1_to_2 p "
        + "LEFT JOIN historial_estado h ON p.seq = 1 AND h.no_siniestro = e.no_siniestro "
        + "LEFT JOIN evidencia v ON p.seq = 2 AND v.no_siniestro = e.no_siniestro WHERE e.no_siniestro = ?"
    static let historialWithUserSQL = """
        SELECT \(list("h.", historialColumns)), u.id AS usuario_id, u.nombre AS usuario_nombre, \
        u.username AS usuario_username \
        FROM expediente e LEFT JOIN historial_estado h ON h.no_siniestro = e.no_siniestro \
        LEFT JOIN usuario u ON u.id = h.cambiado_por \
        WHERE e.no_siniestro = ? ORDER BY h.seq DESC
        """
    private static let summaryColumnsSQL = "SELECT \(list("e.", summaryColumns)), a.id AS aseguradora_id, "
        + "a.nombre AS aseguradora_nombre FROM expediente e"
    private static let summaryJoin = " LEFT JOIN aseguradora a ON a.id = e.id_aseguradora"
    private static let summarySelect = summaryColumnsSQL + summaryJoin
    /// The select of `GET /api/expedientes` with filters or a page. MariaDB 10.11 charges every row read through a
    /// secondary index a random lookup and so sorts the whole table instead as soon as the page ends a few percent
    /// into it (at 20,000 expedientes already for OFFSET 200: ~170 ms against ~0.2 ms). FOR ORDER BY holds the order
    /// to the indexes of 0006 and leaves the access (estado, aseguradora, the date range) to the optimizer. The
    /// unfiltered whole list, `pendientes` and `nube` read every matching row anyway and keep the optimizer's choice.
    private static let summaryPageSelect = summaryColumnsSQL
        + " FORCE INDEX FOR ORDER BY (ix_expediente_lista, ix_expediente_estado, ix_expediente_aseguradora)" + summaryJoin
    // PostgreSQL (the original) puts NULLs first in a descending order; MariaDB puts them last unless told.
    // sin_fecha_ingreso is `fecha_ingreso IS NULL` as a stored column (0006): MariaDB 10.11 matches no expression
    // to an index, so the order names the column, and the indexes of 0006 return rows in exactly this order.
    private static let summaryOrder = " ORDER BY e.sin_fecha_ingreso DESC, e.fecha_ingreso DESC, e.fecha_creacion DESC, e.no_siniestro"
    static let summariesAllSQL = summarySelect + summaryOrder
    static let summariesPendientesSQL = summarySelect
        + " WHERE e.ubicacion_almacenamiento = 'Local' AND e.estado = 'Salida'" + summaryOrder
    static let summariesNubeSQL = summarySelect + " WHERE e.ubicacion_almacenamiento = 'Nube'" + summaryOrder
    static let insertSQL: String = {
        let names = ExpedienteFields.writable.map(\.name)
        return "INSERT INTO expediente (no_siniestro, \(names.joined(separator: ", ")), estado, ubicacion_almacenamiento, "
            + "creado_por) VALUES (?, \(names.map { _ in "?" }.joined(separator: ", ")), '\(Estado.initial.rawValue)', "
            + "'Local', ?)"
    }()
    static let firstHistorialSQL = """
        INSERT INTO historial_estado (no_siniestro, estado_anterior, estado_nuevo, fecha_cambio, cambiado_por) \
        VALUES (?, NULL, ?, UTC_TIMESTAMP(3), ?)
        """
    /// `col = IF(sent, value, col)` for every writable column: one statement text whatever the body sends.
    static let updateSQL: String = {
        let sets = ExpedienteFields.writable.map { "\($0.name) = IF(?, ?, \($0.name))" }
        return "UPDATE expediente SET \(sets.joined(separator: ", ")) WHERE no_siniestro = ?"
    }()
}
