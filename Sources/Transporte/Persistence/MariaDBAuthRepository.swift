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

    private static let select = """
        SELECT u.Id, p.Id AS IdPerfil, u.Username, u.PasswordHash, u.Activo,
               \(PerfilSQL.nombreCompleto("p")) AS Nombre, \(PerfilSQL.email("p", usuario: "u")) AS Email,
               (SELECT GROUP_CONCAT(r.Codigo ORDER BY r.Codigo SEPARATOR ',')
                  FROM PerfilRol pr JOIN Rol r ON r.Id = pr.IdRol AND r.Eliminado = 0
                 WHERE pr.IdPerfil = p.Id AND pr.Eliminado = 0) AS Roles
          FROM Usuario u
          JOIN Perfil p ON p.IdUsuario = u.Id AND p.Eliminado = 0
        """

    private func load(_ query: SQLQuery) throws -> LoginUser? {
        guard let row = try connection.queryFirst(query) else { return nil }
        let roles = try row.optionalString("Roles").map { $0.split(separator: ",").map(String.init) } ?? []
        return LoginUser(usuarioID: try row.int("Id"), perfilID: try row.int("IdPerfil"), username: try row.string("Username"),
                         passwordHash: try row.optionalString("PasswordHash"), nombre: try row.string("Nombre"),
                         email: try row.optionalString("Email"), activo: try row.bool("Activo"), roles: roles)
    }
}

extension TransportePersistence {
    /// Login users.
    var auth: any AuthRepository { MariaDBAuthRepository(connection: connection) }
}
