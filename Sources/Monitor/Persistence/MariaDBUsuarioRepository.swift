import MariaDB

/// Users over the worker's MariaDB connection. Every statement's text is constant (prepared once per connection).
struct MariaDBUsuarioRepository: UsuarioRepository {
    let connection: MariaDBConnection

    func all() throws -> [Usuario] {
        try connection.query("SELECT id, nombre, username, rol FROM usuario ORDER BY id").map(Self.usuario)
    }

    func find(id: Int) throws -> Usuario? {
        try connection.queryFirst("SELECT id, nombre, username, rol FROM usuario WHERE id = \(id)").map(Self.usuario)
    }

    func credentials(username: String) throws -> UsuarioCredentials? {
        guard let row = try connection.queryFirst(
            "SELECT id, nombre, username, rol, password_hash FROM usuario WHERE username = \(username)") else { return nil }
        return UsuarioCredentials(usuario: try Self.usuario(row), passwordHash: try row.string("password_hash"))
    }

    func credentials(id: Int) throws -> UsuarioCredentials? {
        guard let row = try connection.queryFirst(
            "SELECT id, nombre, username, rol, password_hash FROM usuario WHERE id = \(id)") else { return nil }
        return UsuarioCredentials(usuario: try Self.usuario(row), passwordHash: try row.string("password_hash"))
    }

    func insert(nombre: String?, username: String, passwordHash: String, rol: Rol) throws -> Usuario {
        do {
            let result = try connection.execute("""
                INSERT INTO usuario (nombre, username, password_hash, rol)
                VALUES (\(nombre), \(username), \(passwordHash), \(rol.rawValue))
                """)
            return Usuario(id: result.lastInsertID, nombre: nombre, username: username, rol: rol)
        } catch {
            // (Not `catch let error where …`: with typed throws that crashes Swift 6.3.1's SIL optimizer.)
            if error.kind == .duplicateKey { throw UsuarioConflict.usernameTaken }
            throw error
        }
    }

    func update(id: Int, _ update: UsuarioUpdate) throws -> Usuario? {
        try connection.transaction {
            do {
                try write(id: id, update)
            } catch {
                if (error as? MariaDBError)?.kind == .duplicateKey { throw UsuarioConflict.usernameTaken }
                throw error
            }
            return try find(id: id)
        }
    }

    /// One statement whatever was sent: a NULL parameter keeps the column (nombre has its own flag, since null
    /// clears it). An unknown id updates nothing, so it cannot collide with another username.
    private func write(id: Int, _ update: UsuarioUpdate) throws(MariaDBError) {
        _ = try connection.execute("""
            UPDATE usuario
               SET nombre = IF(\(update.setsNombre), \(update.nombre), nombre),
                   username = COALESCE(\(update.username), username),
                   password_hash = COALESCE(\(update.passwordHash), password_hash),
                   rol = COALESCE(\(update.rol?.rawValue), rol)
             WHERE id = \(id)
            """)
    }

    func delete(id: Int) throws -> Bool {
        do {
            return try connection.execute("DELETE FROM usuario WHERE id = \(id)").affectedRows > 0
        } catch {
            if error.kind == .foreignKeyViolation { throw UsuarioConflict.referenced }
            throw error
        }
    }

    /// A row of `id, nombre, username, rol` as a user.
    private static func usuario(_ row: SQLRow) throws -> Usuario {
        let text = try row.string("rol")
        guard let rol = Rol(rawValue: text) else {
            throw MariaDBError(kind: .decoding(column: "rol"), message: "unknown rol '\(text)'")
        }
        return Usuario(id: try row.int("id"), nombre: try row.optionalString("nombre"), username: try row.string("username"),
                       rol: rol)
    }
}
