import AppCore
import HTTPCore
import MariaDB

/// The SQL the person resources share (drivers, requesters): existence and uniqueness checks, generic INSERT
/// and UPDATE of the sent columns, and the mapping of a unique index's 1062 to `PerfilDuplicado`. Identifiers
/// come from static declarations only; values are always binds.
struct PerfilStore {
    let connection: MariaDBConnection

    /// The full name as the records show it.
    static let nombreCompleto = "CONCAT_WS(' ', p.Nombre1, p.Nombre2, p.Nombre3, p.Apellido1, p.Apellido2, p.Apellido3)"

    /// The active Perfil `perfil` joined as `join` says (a role, the driver details), locked when asked.
    func actual(perfil: Int, join: String, lock: Bool) throws -> PerfilActual? {
        let sql = "SELECT p.Id, p.IdUsuario, \(Self.nombreCompleto) AS NombreCompleto FROM Perfil p \(join)"
            + " WHERE p.Id = ? AND p.Eliminado = 0" + (lock ? " FOR UPDATE" : "")
        guard let row = try connection.queryFirst(SQLQuery(unsafeSQL: sql, binds: [.int(Int64(perfil))])) else { return nil }
        return PerfilActual(perfil: try row.int("Id"), usuario: try row.int("IdUsuario"),
                            nombreCompleto: try row.string("NombreCompleto"))
    }

    func activo(_ tabla: String, id: Int) throws -> Bool {
        try connection.queryFirst(SQLQuery(unsafeSQL: "SELECT Id FROM \(tabla) WHERE Id = ? AND Eliminado = 0 LOCK IN SHARE MODE",
                                           binds: [.int(Int64(id))])) != nil
    }

    func ocupado(_ clave: PerfilClave, _ valor: String, excepto: PerfilActual?) throws -> Bool {
        let perfil = excepto?.perfil ?? 0, usuario = excepto?.usuario ?? 0
        let sql: SQLQuery = switch clave {
        case .email: """
            SELECT 1 FROM Usuario WHERE (UsernameActivo = \(valor) OR EmailActivo = \(valor)) AND Id <> \(usuario)
            UNION ALL SELECT 1 FROM Perfil WHERE EmailActivo = \(valor) AND Id <> \(perfil) LIMIT 1
            """
        case .dui: "SELECT 1 FROM Perfil WHERE DuiActivo = \(valor) AND Id <> \(perfil) LIMIT 1"
        case .imei: "SELECT 1 FROM DetallePerfilMotorista WHERE ImeiActivo = \(valor) AND IdPerfil <> \(perfil) LIMIT 1"
        }
        return try connection.queryFirst(sql) != nil
    }

    /// Soft-deletes every role, the Perfil and the Usuario of `actual` (its tokens stop working, ruling 9).
    func eliminarPersona(_ actual: PerfilActual) throws {
        _ = try connection.execute("UPDATE PerfilRol SET Eliminado = 1 WHERE IdPerfil = \(actual.perfil) AND Eliminado = 0")
        _ = try connection.execute("UPDATE Perfil SET Eliminado = 1 WHERE Id = \(actual.perfil) AND Eliminado = 0")
        _ = try connection.execute("UPDATE Usuario SET Eliminado = 1 WHERE Id = \(actual.usuario) AND Eliminado = 0")
    }

    /// The Id of the active role `codigo`.
    func rol(_ codigo: String) throws -> Int {
        guard let id = try connection.queryFirst("SELECT Id FROM Rol WHERE CodigoActivo = \(codigo)")?.int("Id") else {
            throw MariaDBError(kind: .other, message: "el rol \(codigo) no existe")
        }
        return id
    }

    /// The `(column, bind)` pairs of the sent fields stored in `columns`.
    func columns(_ datos: Validated, _ columns: Set<String>) -> [(String, SQLValue)] {
        datos.columns.filter { columns.contains($0.column) }.map { ($0.column, CatalogSQL.bind($0.value)) }
    }

    /// `INSERT INTO table (columns) VALUES (?, ...)`; the new Id.
    func insert(_ table: String, _ pairs: [(String, SQLValue)]) throws -> Int {
        let sql = "INSERT INTO \(table) (\(pairs.map(\.0).joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: pairs.count).joined(separator: ", ") + ")"
        return try connection.execute(SQLQuery(unsafeSQL: sql, binds: pairs.map(\.1))).lastInsertID
    }

    /// `UPDATE table SET ... WHERE condition` (one `?`, bound to `id`); nothing when no column is sent.
    func update(_ table: String, _ pairs: [(String, SQLValue)], where condition: String, _ id: Int) throws {
        guard !pairs.isEmpty else { return }
        let sql = "UPDATE \(table) SET \(pairs.map { "\($0.0) = ?" }.joined(separator: ", ")) WHERE \(condition)"
        _ = try connection.execute(SQLQuery(unsafeSQL: sql, binds: pairs.map(\.1) + [.int(Int64(id))]))
    }

    /// `SELECT * FROM view WHERE <filters> ORDER BY order` (a page of it when `pagina` is given), as records.
    func listar(_ view: String, _ filtros: [CatalogFilterValue], order: String, pagina: Pagination?, records: RecordJSON) throws -> [JSONValue] {
        var (condition, binds) = CatalogSQL.condition(filtros)
        var sql = "SELECT * FROM \(view) WHERE \(condition) ORDER BY \(order)"
        if let pagina {
            sql += " LIMIT ? OFFSET ?"
            binds += [.int(Int64(pagina.porPagina)), .int(Int64(pagina.offset))]
        }
        return try connection.query(SQLQuery(unsafeSQL: sql, binds: binds)).map(records.object)
    }

    /// `SELECT COUNT(*) FROM view WHERE <filters>`.
    func contar(_ view: String, _ filtros: [CatalogFilterValue]) throws -> Int {
        let (condition, binds) = CatalogSQL.condition(filtros)
        return try connection.queryFirst(SQLQuery(unsafeSQL: "SELECT COUNT(*) AS total FROM \(view) WHERE \(condition)", binds: binds))?
            .int("total") ?? 0
    }

    /// Runs a write, turning a unique index's 1062 into `PerfilDuplicado` naming the value; `username` is the
    /// value the login name is made of (the e-mail of a driver, the DUI of an external requester).
    func unico<T>(username: PerfilClave = .email, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as MariaDBError where error.kind == .duplicateKey {
            let index = MariaDBCatalogRepository.lastQuoted(in: error.message) ?? ""
            let clave: PerfilClave? = index.contains("username") ? username : index.contains("email") ? .email
                : index.contains("dui") ? .dui : index.contains("imei") ? .imei : nil
            throw PerfilDuplicado(clave: clave)
        }
    }
}

/// A person repository over a `PerfilStore` and a read view: transactions (T16), the checks and the lists come
/// from here; each repository adds its own writes.
protocol PerfilStoreRepository: PerfilRepositorio {
    var store: PerfilStore { get }
    var records: RecordJSON { get }
    var retry: TransactionRetry { get }
    /// The read view of the records (`IdPerfil` keyed, with `Eliminado`).
    static var view: String { get }
}

extension PerfilStoreRepository {
    var connection: MariaDBConnection { store.connection }

    func transaction<T>(_ body: () throws -> T) throws -> T { try retry.run(body) }

    func activo(_ tabla: String, id: Int) throws -> Bool { try store.activo(tabla, id: id) }

    func ocupado(_ clave: PerfilClave, _ valor: String, excepto: PerfilActual?) throws -> Bool {
        try store.ocupado(clave, valor, excepto: excepto)
    }

    /// The active record `perfil` of the view.
    func registro(perfil: Int) throws -> JSONValue? {
        try connection.queryFirst(SQLQuery(unsafeSQL: "SELECT * FROM \(Self.view) WHERE IdPerfil = ? AND Eliminado = 0",
                                           binds: [.int(Int64(perfil))])).map(records.object)
    }

    func contar(_ filtros: [CatalogFilterValue]) throws -> Int { try store.contar(Self.view, filtros) }

    func listar(_ filtros: [CatalogFilterValue], pagina: Pagination?) throws -> [JSONValue] {
        try store.listar(Self.view, filtros, order: "Apellido1, Nombre1, IdPerfil", pagina: pagina, records: records)
    }
}
