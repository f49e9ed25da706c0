import MariaDB

/// SQL shared by the records repositories (evidencias, levantamientos, checklist, comentarios): column lists and
/// writes derived from the endpoints' `FieldSpec` tables (trusted column names), and the mapping of the few
/// database errors a checked value can still cause.
enum RecordSQL {
    /// `a, b, c` for the specs' columns, each prefixed with `alias.` when given.
    static func columns(_ specs: [FieldSpec], alias: String? = nil) -> String {
        specs.map { spec in alias.map { "\($0).\(spec.name)" } ?? spec.name }.joined(separator: ", ")
    }

    /// `INSERT INTO table (fixed…, every spec column) VALUES (?, …)`: one constant text per table (so the
    /// prepared statement is reused); unsent columns bind NULL, which is every such column's default.
    static func insertText(table: String, fixed: [String], specs: [FieldSpec]) -> String {
        let names = fixed + specs.map(\.name)
        return "INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: names.count).joined(separator: ", ") + ")"
    }

    /// The binds for `insertText`: `fixed`, then each spec's sent value or NULL.
    static func insertBinds(fixed: [SQLValue], specs: [FieldSpec], fields: DecodedFields) -> [SQLValue] {
        fixed + specs.map { fields[$0.name]?.sqlValue ?? .null }
    }

    /// `UPDATE table SET sent columns WHERE id = ?`, or nil when nothing was sent.
    static func update(table: String, id: Int, fields: DecodedFields) -> SQLQuery? {
        guard !fields.isEmpty else { return nil }
        let assignments = fields.values.map { "\($0.name) = ?" }.joined(separator: ", ")
        return SQLQuery(unsafeSQL: "UPDATE \(table) SET \(assignments) WHERE id = ?",
                        binds: fields.values.map(\.value.sqlValue) + [.int(Int64(id))])
    }

    /// Runs a write, turning a value the database refuses into a 400 that names its column (ruling 1): the field
    /// tables count characters, the database counts bytes for TEXT and code points for VARCHAR.
    static func write<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as MariaDBError where error.kind == .dataTooLong {
            throw MonitorError(status: 400, "El campo '\(column(in: error.message) ?? "?")' excede la longitud máxima permitida")
        }
    }

    /// The column quoted in a server message such as `Data too long for column 'x' at row 1`.
    static func column(in message: String) -> String? {
        guard let open = message.firstIndex(of: "'") else { return nil }
        let rest = message[message.index(after: open)...]
        guard let close = rest.firstIndex(of: "'") else { return nil }
        return String(rest[..<close])
    }

    /// The bind of an optional integer (NULL for nil).
    static func int(_ value: Int?) -> SQLValue { value.map { .int(Int64($0)) } ?? .null }
}
