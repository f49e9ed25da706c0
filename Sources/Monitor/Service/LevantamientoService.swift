import HTTPCore

/// The levantamiento rules (monitor.md §4.7; rulings 1, 2, 5, M9): a levantamiento belongs to an existing
/// expediente, is written with its concepts in one transaction, and an update changes only the fields sent.
struct LevantamientoService {
    /// 400 when `no_siniestro` is missing, `null` or empty.
    static let noSiniestroRequired = "no_siniestro es requerido"
    /// 404 for an unknown levantamiento id.
    static let notFound = "Levantamiento no encontrado"
    /// 400 when a new concepto has no `concepto`.
    static let conceptoRequired = "concepto es requerido"

    let repository: any LevantamientoRepository

    /// Creates a levantamiento and its `conceptos` (201 levantamiento + concepts).
    func create(_ fields: DecodedFields, conceptos: [DecodedFields]) throws -> JSONValue {
        guard case .text(let noSiniestro)? = fields["no_siniestro"], !noSiniestro.isEmpty else {
            throw MonitorError(status: 400, Self.noSiniestroRequired)
        }
        return try repository.transaction {
            let fields = try canonical(fields, noSiniestro: noSiniestro)
            let id = try repository.insert(fields)
            for concepto in conceptos { _ = try repository.insertConcepto(levantamiento: id, concepto) }
            return try detail(id)
        }
    }

    /// Every levantamiento, or those of one expediente, newest first.
    func list(noSiniestro: String?, page: ListPage?) throws -> JSONValue {
        .array(try repository.list(noSiniestro: noSiniestro, page: page))
    }

    /// The newest levantamiento of an expediente.
    func latest(noSiniestro: String) throws -> JSONValue {
        guard let levantamiento = try repository.latest(noSiniestro: noSiniestro) else {
            throw MonitorError(status: 404, "No existe levantamiento para este siniestro")
        }
        return levantamiento
    }

    /// `{"id_levantamiento", "total"}`: the sum of the concepts' costo as a JSON number.
    func total(id: Int) throws -> JSONValue {
        guard let total = try repository.total(id: id) else { throw MonitorError(status: 404, Self.notFound) }
        return .object([("id_levantamiento", .integer(id)), ("total", .number(Self.plainNumber(total)))])
    }

    /// The levantamiento with its concepts and its `expediente` (or null).
    func detailWithExpediente(id: Int) throws -> JSONValue {
        guard var members = try repository.levantamiento(id: id) else { throw MonitorError(status: 404, Self.notFound) }
        let noSiniestro = members.first { $0.0 == "no_siniestro" }?.1
        if case .string(let key)? = noSiniestro {
            members.append(("expediente", try repository.expediente(noSiniestro: key)))
        } else {
            members.append(("expediente", .null))
        }
        return .object(members)
    }

    /// Writes the fields sent (`conceptos` is not among them); `null` clears, `fecha` included (ruling 5).
    func update(id: Int, _ fields: DecodedFields) throws -> JSONValue {
        var newKey: String?
        if let value = fields["no_siniestro"] {
            guard case .text(let noSiniestro) = value, !noSiniestro.isEmpty else {
                throw MonitorError(status: 400, Self.noSiniestroRequired)
            }
            newKey = noSiniestro
        }
        return try repository.transaction {
            guard try repository.lock(id: id) else { throw MonitorError(status: 404, Self.notFound) }
            let fields = try newKey.map { try canonical(fields, noSiniestro: $0) } ?? fields
            try repository.update(id: id, fields)
            return try detail(id)
        }
    }

    /// Adds a concepto to levantamiento `id` (201 concepto row).
    func addConcepto(id: Int, _ fields: DecodedFields) throws -> JSONValue {
        guard case .text(let concepto)? = fields["concepto"], !concepto.isEmpty else {
            throw MonitorError(status: 400, Self.conceptoRequired)
        }
        return try repository.transaction {
            guard try repository.lock(id: id) else { throw MonitorError(status: 404, Self.notFound) }
            let conceptoID = try repository.insertConcepto(levantamiento: id, fields)
            guard let row = try repository.concepto(id: conceptoID) else { throw MonitorError.internalError }
            return row
        }
    }

    /// Deletes one concepto.
    func deleteConcepto(id: Int) throws -> JSONValue {
        guard try repository.deleteConcepto(id: id) else { throw MonitorError(status: 404, "Concepto no encontrado") }
        return .object([("mensaje", .string("Concepto eliminado correctamente"))])
    }

    /// Deletes a levantamiento with its concepts.
    func delete(id: Int) throws -> JSONValue {
        guard try repository.delete(id: id) else { throw MonitorError(status: 404, Self.notFound) }
        return .object([("mensaje", .string("Levantamiento y conceptos eliminados correctamente"))])
    }

    /// The levantamiento with its concepts (it exists: it was just written or locked).
    private func detail(_ id: Int) throws -> JSONValue {
        guard let members = try repository.levantamiento(id: id) else { throw MonitorError(status: 404, Self.notFound) }
        return .object(members)
    }

    /// `fields` with `no_siniestro` replaced by the expediente's stored key; 400 when there is no such expediente.
    private func canonical(_ fields: DecodedFields, noSiniestro: String) throws -> DecodedFields {
        guard let key = try repository.expedienteKey(noSiniestro) else {
            throw MonitorError(status: 400, RecordMessages.expedienteMissing)
        }
        var fields = fields
        if let index = fields.values.firstIndex(where: { $0.name == "no_siniestro" }) {
            fields.values[index].value = .text(key)
        }
        return fields
    }

    /// Decimal text as JavaScript prints the number: `"3500.50"` → `3500.5`, `"0.00"` → `0`.
    static func plainNumber(_ decimal: String) -> String {
        guard decimal.contains(".") else { return decimal }
        var text = Substring(decimal)
        while text.last == "0" { text = text.dropLast() }
        if text.last == "." { text = text.dropLast() }
        return text == "-0" ? "0" : String(text)
    }
}
