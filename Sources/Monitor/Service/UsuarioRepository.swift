/// Where Monitor's users are stored (implemented in `Persistence/MariaDBUsuarioRepository.swift`).
protocol UsuarioRepository {
    /// Every user, ordered by id ascending.
    func all() throws -> [Usuario]
    /// The user with `id`, or nil.
    func find(id: Int) throws -> Usuario?
    /// The user named exactly `username` (case- and accent-sensitive) with its password hash, or nil.
    func credentials(username: String) throws -> UsuarioCredentials?
    /// User `id` with its password hash, or nil.
    func credentials(id: Int) throws -> UsuarioCredentials?
    /// Inserts a user; throws `UsuarioConflict.usernameTaken` when the username exists.
    func insert(nombre: String?, username: String, passwordHash: String, rol: Rol) throws -> Usuario
    /// Applies `update` atomically and returns the user as stored, or nil when there is no user `id`;
    /// throws `UsuarioConflict.usernameTaken` when another user has the new username.
    func update(id: Int, _ update: UsuarioUpdate) throws -> Usuario?
    /// Deletes the user; false when there is none; throws `UsuarioConflict.referenced` when rows still refer to it.
    func delete(id: Int) throws -> Bool
}
