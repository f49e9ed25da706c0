import MariaDB

/// The file columns of `StoredFileColumn.all` over one connection (for `ventanilla files migrate egresos`).
struct MariaDBStoredFilesRepository: StoredFilesRepository {
    let connection: MariaDBConnection

    func rows(_ column: StoredFileColumn) throws -> [StoredFileRow] {
        try connection.query("""
            SELECT id, \(ident: column.column) AS path FROM \(ident: column.table)
             WHERE \(ident: column.column) IS NOT NULL ORDER BY id
            """).map { StoredFileRow(id: try $0.int("id"), path: try $0.string("path")) }
    }

    func replacePath(_ column: StoredFileColumn, id: Int, from old: String, to new: String) throws -> Bool {
        try connection.transaction {
            try connection.execute("""
                UPDATE \(ident: column.table) SET \(ident: column.column) = \(new)
                 WHERE id = \(id) AND \(ident: column.column) = \(old)
                """).affectedRows == 1
        }
    }
}
