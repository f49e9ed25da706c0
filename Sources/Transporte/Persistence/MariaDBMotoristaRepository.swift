import AppCore
import HTTPCore
import MariaDB

/// Drivers in MariaDB: Usuario, Perfil, PerfilRol and DetallePerfilMotorista written together; records read
/// from `VistaMotoristaRegistro` (sql/transporte/0011).
struct MariaDBMotoristaRepository: MotoristaRepository {
    let connection: MariaDBConnection
    let records: RecordJSON
    let retry: TransactionRetry

    /// The Perfil columns of the person fields, and the detail columns, as `Field.column` names them.
    static let perfilColumns = Set(MotoristaFields.persona.map(\.column))
    static let detalleColumns = Set(MotoristaFields.detalle.map(\.column))

    func transaction<T>(_ body: () throws -> T) throws -> T {
        try retry.run(body)
    }

    func actual(perfil: Int, lock: Bool) throws -> MotoristaActual? {
        let sql: SQLQuery = """
            SELECT p.Id, p.IdUsuario, CONCAT_WS(' ', p.Nombre1, p.Nombre2, p.Nombre3, p.Apellido1, p.Apellido2, p.Apellido3) AS NombreCompleto
              FROM Perfil p JOIN DetallePerfilMotorista d ON d.IdPerfil = p.Id AND d.Eliminado = 0
             WHERE p.Id = \(perfil) AND p.Eliminado = 0\(unsafeRaw: lock ? " FOR UPDATE" : "")
            """
        guard let row = try connection.queryFirst(sql) else { return nil }
        return MotoristaActual(perfil: try row.int("Id"), usuario: try row.int("IdUsuario"),
                               nombreCompleto: try row.string("NombreCompleto"))
    }

    func registro(perfil: Int) throws -> JSONValue? {
        try connection.queryFirst("SELECT * FROM VistaMotoristaRegistro WHERE IdPerfil = \(perfil)").map(records.object)
    }

    func contar(_ filtros: [CatalogFilterValue]) throws -> Int {
        let (condition, binds) = CatalogSQL.condition(filtros)
        return try connection.queryFirst(SQLQuery(unsafeSQL: "SELECT COUNT(*) AS total FROM VistaMotoristaRegistro WHERE \(condition)",
                                                  binds: binds))?.int("total") ?? 0
    }

    func listar(_ filtros: [CatalogFilterValue], pagina: Pagination?) throws -> [JSONValue] {
        var (condition, binds) = CatalogSQL.condition(filtros)
        var sql = "SELECT * FROM VistaMotoristaRegistro WHERE \(condition) ORDER BY Apellido1, Nombre1, IdPerfil"
        if let pagina {
            sql += " LIMIT ? OFFSET ?"
            binds += [.int(Int64(pagina.porPagina)), .int(Int64(pagina.offset))]
        }
        return try connection.query(SQLQuery(unsafeSQL: sql, binds: binds)).map(records.object)
    }

    func activo(_ tabla: String, id: Int) throws -> Bool {
        try connection.queryFirst(SQLQuery(unsafeSQL: "SELECT Id FROM \(tabla) WHERE Id = ? AND Eliminado = 0 LOCK IN SHARE MODE",
                                           binds: [.int(Int64(id))])) != nil
    }

    func ocupado(_ clave: MotoristaClave, _ valor: String, excepto: MotoristaActual?) throws -> Bool {
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

    func esMotoristaPorDefecto(perfil: Int) throws -> Bool {
        try connection.queryFirst("SELECT 1 FROM Vehiculo WHERE IdMotoristaPorDefecto = \(perfil) AND Eliminado = 0 LIMIT 1") != nil
    }

    func crear(_ datos: Validated, passwordHash: String?) throws -> Int {
        try unico {
            let email = datos["email"]?.text ?? ""
            guard let rol = try connection.queryFirst("SELECT Id FROM Rol WHERE CodigoActivo = 'MOTORISTA'")?.int("Id") else {
                throw MariaDBError(kind: .other, message: "el rol MOTORISTA no existe")
            }
            let usuario = try connection.execute(
                "INSERT INTO Usuario (Username, PasswordHash, Email) VALUES (\(email), \(passwordHash), \(email))").lastInsertID
            let perfil = try insert("Perfil", [("IdUsuario", .int(Int64(usuario)))] + columns(datos, Self.perfilColumns))
            _ = try connection.execute("INSERT INTO PerfilRol (IdPerfil, IdRol) VALUES (\(perfil), \(rol))")
            _ = try insert("DetallePerfilMotorista", [("IdPerfil", .int(Int64(perfil)))] + columns(datos, Self.detalleColumns))
            return perfil
        }
    }

    func actualizar(_ actual: MotoristaActual, _ datos: Validated, passwordHash: String?) throws {
        try unico {
            try update("Perfil", columns(datos, Self.perfilColumns), where: "Id = ?", actual.perfil)
            try update("DetallePerfilMotorista", columns(datos, Self.detalleColumns), where: "IdPerfil = ? AND Eliminado = 0", actual.perfil)
            var cuenta: [(String, SQLValue)] = []
            if let email = datos["email"]?.text { cuenta += [("Username", .text(email)), ("Email", .text(email))] }
            if let passwordHash { cuenta.append(("PasswordHash", .text(passwordHash))) }
            try update("Usuario", cuenta, where: "Id = ?", actual.usuario)
        }
    }

    func eliminar(_ actual: MotoristaActual) throws {
        _ = try connection.execute("UPDATE DetallePerfilMotorista SET Eliminado = 1 WHERE IdPerfil = \(actual.perfil) AND Eliminado = 0")
        _ = try connection.execute("UPDATE PerfilRol SET Eliminado = 1 WHERE IdPerfil = \(actual.perfil) AND Eliminado = 0")
        _ = try connection.execute("UPDATE Perfil SET Eliminado = 1 WHERE Id = \(actual.perfil) AND Eliminado = 0")
        _ = try connection.execute("UPDATE Usuario SET Eliminado = 1 WHERE Id = \(actual.usuario) AND Eliminado = 0")
    }

    /// The `(column, bind)` pairs of the sent fields stored in `table`'s `columns`.
    private func columns(_ datos: Validated, _ columns: Set<String>) -> [(String, SQLValue)] {
        datos.columns.filter { columns.contains($0.column) }.map { ($0.column, CatalogSQL.bind($0.value)) }
    }

    /// `INSERT INTO table (columns) VALUES (?, ...)`; the new Id.
    private func insert(_ table: String, _ pairs: [(String, SQLValue)]) throws -> Int {
        let sql = "INSERT INTO \(table) (\(pairs.map(\.0).joined(separator: ", "))) VALUES ("
            + Array(repeating: "?", count: pairs.count).joined(separator: ", ") + ")"
        return try connection.execute(SQLQuery(unsafeSQL: sql, binds: pairs.map(\.1))).lastInsertID
    }

    /// `UPDATE table SET ... WHERE condition` (one `?`, bound to `id`); nothing when no column is sent.
    private func update(_ table: String, _ pairs: [(String, SQLValue)], where condition: String, _ id: Int) throws {
        guard !pairs.isEmpty else { return }
        let sql = "UPDATE \(table) SET \(pairs.map { "\($0.0) = ?" }.joined(separator: ", ")) WHERE \(condition)"
        _ = try connection.execute(SQLQuery(unsafeSQL: sql, binds: pairs.map(\.1) + [.int(Int64(id))]))
    }

    /// Runs a write, turning a unique index's 1062 into `MotoristaDuplicado` naming the value.
    private func unico<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as MariaDBError where error.kind == .duplicateKey {
            let index = MariaDBCatalogRepository.lastQuoted(in: error.message) ?? ""
            let clave: MotoristaClave? = index.contains("email") || index.contains("username") ? .email
                : index.contains("dui") ? .dui : index.contains("imei") ? .imei : nil
            throw MotoristaDuplicado(clave: clave)
        }
    }
}

extension TransportePersistence {
    /// Drivers, rendering records in `zone` (T7).
    func motoristas(zone: ZoneRules) -> any MotoristaRepository {
        MariaDBMotoristaRepository(connection: connection, records: RecordJSON(zone: zone), retry: retry)
    }
}
