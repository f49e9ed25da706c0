import MariaDB

/// Login users over the worker's connection.
struct MariaDBAuthRepository: AuthRepository {
    let connection: MariaDBConnection

    func user(username: String) throws -> LoginUser? {
        try load(SQLQuery(unsafeSQL: Self.select + " WHERE u.UsernameActivo = ?", binds: [.text(username)]))
    }

    func user(id usuarioID: Int) throws -> LoginUser? {
        try load(SQLQuery(unsafeSQL: Self.select + " WHERE u.Id = ? AND u.Eliminado = 0", binds: [.int(Int64(usuarioID))]))
    }

    func recordLogin(usuarioID: Int) throws {
        _ = try connection.execute("UPDATE Usuario SET FechaHoraUltimoAcceso = UTC_TIMESTAMP(3) WHERE Id = \(usuarioID)")
    }

    /// One row per active role (one row with a NULL `Rol` without roles): cheaper for MariaDB than the former
    /// `GROUP_CONCAT(… ORDER BY …)` subquery, which built a temporary table on every request (issue 16).
    private static let select = """
        SELECT u.Id, p.Id AS IdPerfil, u.Username, u.PasswordHash, u.Activo,
               \(PerfilSQL.nombreCompleto("p")) AS Nombre, \(PerfilSQL.email("p", usuario: "u")) AS Email, r.Codigo AS Rol
          FROM Usuario u
          JOIN Perfil p ON p.IdUsuario = u.Id AND p.Eliminado = 0
          LEFT JOIN (PerfilRol pr JOIN Rol r ON r.Id = pr.IdRol AND r.Eliminado = 0)
                 ON pr.IdPerfil = p.Id AND pr.Eliminado = 0
        """

    private func load(_ query: SQLQuery) throws -> LoginUser? {
        let rows = try connection.query(query)
        guard let row = rows.first else { return nil }
        let perfilID = try row.int("IdPerfil")
        // Rol.Codigo is utf8mb4_bin: code point order, as the former GROUP_CONCAT's ORDER BY.
        let roles = try rows.compactMap { try $0.int("IdPerfil") == perfilID ? $0.optionalString("Rol") : nil }.sorted()
        return LoginUser(usuarioID: try row.int("Id"), perfilID: perfilID, username: try row.string("Username"),
                         passwordHash: try row.optionalString("PasswordHash"), nombre: try row.string("Nombre"),
                         email: try row.optionalString("Email"), activo: try row.bool("Activo"), roles: roles)
    }
}

extension TransportePersistence {
    /// Login users.
    var auth: any AuthRepository { MariaDBAuthRepository(connection: connection) }
}
