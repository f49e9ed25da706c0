import HTTPCore

/// The rules of the six endpoints of one catalog (transporte.md §1.4, §1.5, §10; rulings 2, 5, T2): uniqueness
/// among active rows, reactivation of a deleted row on create, partial updates, references and hierarchy,
/// protected codes, delete guards. Every write runs in one transaction and checks before it writes, so a
/// refusal leaves nothing behind.
struct CatalogService {
    /// 400 for a PUT that sent no known field.
    static let nothingToUpdate = TransporteError(status: 400, "No se proporcionaron campos para actualizar")
    /// The most ancestors followed when looking for a cycle (a guard against a corrupt chain, not a rule).
    static let maximumDepth = 10_000

    let catalog: CatalogDefinition
    let repository: any CatalogRepository

    /// 404 for `id` as the path gave it.
    func notFound(_ id: String) -> TransporteError { TransporteError(status: 404, catalog.naming.notFound(id)) }

    /// The active record `id`, or 404.
    func get(id: Int) throws -> JSONValue {
        guard let record = try repository.record(catalog, id: id, lock: false) else { throw notFound(String(id)) }
        return record.json
    }

    /// One page of active records (`{total, pagina, porPagina, registros}`).
    func list(filters: [CatalogFilterValue], page: Pagination) throws -> JSONValue {
        let total = try repository.count(catalog, filters: filters)
        return page.json(total: total, registros: try repository.list(catalog, filters: filters, page: page))
    }

    /// Every active record that matches (`todos/lista`).
    func all(filters: [CatalogFilterValue]) throws -> JSONValue {
        .array(try repository.list(catalog, filters: filters, page: nil))
    }

    /// Creates a record, or reactivates the deleted one that holds its code or name (§1.5), after checking that
    /// no active row holds any of its unique values.
    func create(_ values: Validated) throws -> JSONValue {
        try repository.transaction {
            try checkReferences(values)
            let keyed = uniqueValues(values)
            try checkUnique(keyed, excluding: nil)
            let id: Int
            if let deleted = try deletedRow(keyed) {
                try checkHierarchy(values, id: deleted)
                try stored(values) { try repository.reactivate(catalog, id: deleted, values: values) }
                id = deleted
            } else {
                id = try stored(values) { try repository.insert(catalog, values: values) }
            }
            return try reread(id)
        }
    }

    /// Updates the fields sent (ruling 5); `null` clears a nullable one (the decoder refuses it for required ones).
    func update(id: Int, values: Validated) throws -> JSONValue {
        try repository.transaction {
            guard let current = try repository.record(catalog, id: id, lock: true) else { throw notFound(String(id)) }
            guard !values.isEmpty else { throw Self.nothingToUpdate }
            if let codigo = current.codigo, catalog.protectedCodes.contains(codigo),
               let sent = values["codigo"], sent != .text(codigo) {
                throw TransporteError(status: 409, catalog.naming.protectedCode(codigo))
            }
            try checkReferences(values)
            try checkUnique(uniqueValues(values), excluding: id)
            try checkHierarchy(values, id: id)
            try stored(values) { try repository.update(catalog, id: id, values: values) }
            return try reread(id)
        }
    }

    /// Soft-deletes a record nothing active uses; answers `{"mensaje": "<Entidad> '<Nombre>' eliminado ..."}`.
    func delete(id: Int) throws -> JSONValue {
        try repository.transaction {
            guard let current = try repository.record(catalog, id: id, lock: true) else { throw notFound(String(id)) }
            for rule in catalog.guards where try repository.isUsed(rule, id: id) {
                throw TransporteError(status: 409, catalog.naming.inUse(rule.reason))
            }
            if let codigo = current.codigo, catalog.protectedCodes.contains(codigo) {
                throw TransporteError(status: 409, catalog.naming.protectedDelete(codigo))
            }
            try repository.delete(catalog, id: id)
            return .object([("mensaje", .string(catalog.naming.deletedRecord(current.display)))])
        }
    }

    // MARK: - Rules

    /// The unique keys the request gives a value (a NULL optional code collides with nothing).
    private func uniqueValues(_ values: Validated) -> [(key: CatalogUniqueKey, value: FieldValue)] {
        catalog.uniqueKeys.compactMap { key in
            guard let value = values[key.key], value != .null else { return nil }
            return (key, value)
        }
    }

    /// 409 for the first value an active row (other than `excluding`) already holds.
    private func checkUnique(_ keyed: [(key: CatalogUniqueKey, value: FieldValue)], excluding: Int?) throws {
        for (key, value) in keyed where try repository.isTaken(catalog, key: key, value: value, excluding: excluding) {
            throw duplicate(key, value)
        }
    }

    /// The deleted row a create brings back: the one holding its first identifying value (codigo before nombre).
    private func deletedRow(_ keyed: [(key: CatalogUniqueKey, value: FieldValue)]) throws -> Int? {
        for (key, value) in keyed where key.identifies {
            if let id = try repository.deletedRow(catalog, key: key, value: value) { return id }
        }
        return nil
    }

    /// 400 naming the field for a referenced row that does not exist or is deleted.
    private func checkReferences(_ values: Validated) throws {
        for reference in catalog.references {
            guard let id = values[reference.key]?.integer else { continue }
            guard try repository.exists(reference, id: id) else {
                throw TransporteError.field(reference.key, reference.message(id))
            }
        }
    }

    /// 400 when the new parent of row `id` is the row itself or one of its descendants.
    private func checkHierarchy(_ values: Validated, id: Int) throws {
        guard let hierarchy = catalog.hierarchy, let parent = values[hierarchy.key]?.integer else { return }
        var seen: Set<Int> = []
        var current: Int? = parent
        while let ancestor = current, seen.count < Self.maximumDepth, seen.insert(ancestor).inserted {
            if ancestor == id { throw TransporteError.field(hierarchy.key, hierarchy.message) }
            current = try repository.parent(catalog, hierarchy, of: ancestor)
        }
    }

    /// 409 "Ya existe ... con el código 'X'".
    private func duplicate(_ key: CatalogUniqueKey, _ value: FieldValue) -> TransporteError {
        TransporteError(status: 409, catalog.naming.duplicate(label: key.label, value: key.display(value), article: key.article))
    }

    /// Runs a write, turning what the database still refused into the client's answer: a unique key lost to a
    /// concurrent write is the same 409 as the check's; a value the schema refuses is a 400 naming its field.
    private func stored<T>(_ values: Validated, _ write: () throws -> T) throws -> T {
        do {
            return try write()
        } catch let error as CatalogStoreError {
            switch error {
            case .duplicate(let index):
                let keyed = uniqueValues(values)
                let hit = keyed.first { $0.key.indexName(table: catalog.table) == index } ?? keyed.first
                guard let hit else { throw TransporteError(status: 409, "El registro ya existe") }
                throw duplicate(hit.key, hit.value)
            case .tooLong(let column):
                throw fieldError(column.flatMap { catalog.field(column: $0) }, "excede la longitud máxima permitida")
            case .invalid(let constraint):
                let prefix = "ck_\(catalog.table.lowercased())_"
                let field = constraint.flatMap { name in
                    catalog.fields.first { prefix + $0.column.lowercased() == name }
                }
                throw fieldError(field, "tiene un valor inválido")
            }
        }
    }

    /// A 400 for `field` (or for the request as a whole when the database did not say which).
    private func fieldError(_ field: Field?, _ problem: String) -> TransporteError {
        guard let field else { return TransporteError.validation([]) }
        return TransporteError.validation([.init(field: field.key, message: "El campo '\(field.key)' \(problem)")])
    }

    /// The record as stored after a write.
    private func reread(_ id: Int) throws -> JSONValue {
        guard let record = try repository.record(catalog, id: id, lock: false) else { throw TransporteError.internalError }
        return record.json
    }
}
