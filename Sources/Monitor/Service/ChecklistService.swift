import HTTPCore

/// The checklist rules (monitor.md §4.8; rulings 1, 2, 5): an optional `no_siniestro` must name an expediente,
/// an update changes only the fields sent, and the bulk item replacement is one transaction.
struct ChecklistService {
    /// 404 for an unknown checklist id (also on the bulk replacement, ruling 1).
    static let notFound = "Checklist no encontrado"

    let repository: any ChecklistRepository

    /// Creates a checklist (201 row, no items).
    func create(_ fields: DecodedFields) throws -> JSONValue {
        try repository.transaction {
            let id = try repository.insert(try canonical(fields))
            return try row(id, withItems: false)
        }
    }

    /// Every checklist with its items, newest first.
    func list(page: ListPage?) throws -> JSONValue { .array(try repository.list(page: page)) }

    /// The newest checklist of an expediente, with items.
    func latest(noSiniestro: String) throws -> JSONValue {
        guard let checklist = try repository.latest(noSiniestro: noSiniestro) else {
            throw MonitorError(status: 404, Self.notFound)
        }
        return checklist
    }

    /// One checklist with its items.
    func checklist(id: Int) throws -> JSONValue { try row(id, withItems: true) }

    /// Writes the fields sent; omitted keys stay, `null` clears (ruling 5). 200 row, no items.
    func update(id: Int, _ fields: DecodedFields) throws -> JSONValue {
        try repository.transaction {
            guard try repository.lock(id: id) else { throw MonitorError(status: 404, Self.notFound) }
            try repository.update(id: id, try canonical(fields))
            return try row(id, withItems: false)
        }
    }

    /// Adds one item (201 item row).
    func addItem(checklist: Int, _ fields: DecodedFields) throws -> JSONValue {
        try repository.transaction {
            guard try repository.lock(id: checklist) else { throw MonitorError(status: 404, Self.notFound) }
            let id = try repository.insertItem(checklist: checklist, fields)
            guard let item = try repository.item(id: id) else { throw MonitorError.internalError }
            return item
        }
    }

    /// Replaces every item of the checklist with `items`, all or nothing (ruling 2); 200 the new items by id.
    func replaceItems(checklist: Int, _ items: [DecodedFields]) throws -> JSONValue {
        try repository.transaction {
            guard try repository.lock(id: checklist) else { throw MonitorError(status: 404, Self.notFound) }
            try repository.deleteItems(checklist: checklist)
            for item in items { _ = try repository.insertItem(checklist: checklist, item) }
            return .array(try repository.items(checklist: checklist))
        }
    }

    /// Deletes one item.
    func deleteItem(id: Int) throws -> JSONValue {
        guard try repository.deleteItem(id: id) else { throw MonitorError(status: 404, "Item no encontrado") }
        return .object([("ok", .bool(true))])
    }

    /// Deletes a checklist with its items.
    func delete(id: Int) throws -> JSONValue {
        guard try repository.delete(id: id) else { throw MonitorError(status: 404, Self.notFound) }
        return .object([("ok", .bool(true))])
    }

    private func row(_ id: Int, withItems: Bool) throws -> JSONValue {
        guard let checklist = try repository.checklist(id: id, withItems: withItems) else {
            throw MonitorError(status: 404, Self.notFound)
        }
        return checklist
    }

    /// `fields` with a sent `no_siniestro` checked and replaced by the expediente's stored key (`null` clears it).
    private func canonical(_ fields: DecodedFields) throws -> DecodedFields {
        guard let index = fields.values.firstIndex(where: { $0.name == "no_siniestro" }),
              case .text(let noSiniestro) = fields.values[index].value else { return fields }
        guard let key = try repository.expedienteKey(noSiniestro) else {
            throw MonitorError(status: 400, RecordMessages.expedienteMissing)
        }
        var fields = fields
        fields.values[index].value = .text(key)
        return fields
    }
}
