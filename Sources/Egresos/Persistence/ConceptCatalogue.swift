import MariaDB

/// The concepts catalogue (egresos.md §6.6), written by supplier quotations (#35, #36) and expenses (#46, #47,
/// #54, #55) inside their own transaction: a concept is recorded unless a case-insensitive match already exists,
/// so the first spelling is the one #62 returns. The table's `name_key` (LOWER(name), binary, unique) decides the
/// match; `INSERT IGNORE` leaves the first row alone.
enum ConceptCatalogue {
    static func record(_ concept: String, on connection: MariaDBConnection) throws {
        guard !concept.isEmpty else { return }
        _ = try connection.execute("INSERT IGNORE INTO concepts (name) VALUES (\(concept))")
    }
}
