import HTTPCore

/// The checklist and checklist_item rows (monitor.md §3, §4.8).
protocol ChecklistRepository {
    /// Runs `body` in one transaction.
    func transaction<T>(_ body: () throws -> T) throws -> T
    /// The expediente's stored `no_siniestro` (the database ignores trailing spaces when comparing), or nil.
    func expedienteKey(_ noSiniestro: String) throws -> String?
    /// Inserts a checklist with the fields sent (others NULL); returns its id.
    func insert(_ fields: DecodedFields) throws -> Int
    /// Whether the checklist exists, locking it inside a transaction.
    func lock(id: Int) throws -> Bool
    /// Writes the fields sent to checklist `id`.
    func update(id: Int, _ fields: DecodedFields) throws
    /// One checklist row, with its `checklist_item` array when `withItems`.
    func checklist(id: Int, withItems: Bool) throws -> JSONValue?
    /// Every checklist with its items, id descending; only `page` of them when given (ruling 7).
    func list(page: ListPage?) throws -> [JSONValue]
    /// The newest checklist of an expediente with its items.
    func latest(noSiniestro: String) throws -> JSONValue?
    /// Inserts an item of checklist `checklist`; returns its id.
    func insertItem(checklist: Int, _ fields: DecodedFields) throws -> Int
    /// One item row.
    func item(id: Int) throws -> JSONValue?
    /// The items of a checklist, id ascending.
    func items(checklist: Int) throws -> [JSONValue]
    /// Deletes every item of a checklist.
    func deleteItems(checklist: Int) throws
    /// Deletes one item; false when there was none.
    func deleteItem(id: Int) throws -> Bool
    /// Deletes a checklist and (by cascade) its items; false when there was none.
    func delete(id: Int) throws -> Bool
}
