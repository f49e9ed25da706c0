import AppCore
import HTTPCore
import Logging

/// The rules of login and user administration (monitor.md §2, §4.1–4.2, rulings M5, M10), in the original's
/// order of checks. Storage is behind `UsuarioRepository`; passwords go through `PasswordHasher` (bcrypt, cost 10).
struct UsuarioService {
    let repository: any UsuarioRepository
    let logger: Logger

    /// The user whose credentials these are (400 when missing or with whitespace, else 401 `Credenciales inválidas`).
    func login(username: String?, password: String?) throws -> UsuarioCredentials {
        guard let username, !username.isEmpty, let password, !password.isEmpty else { throw MonitorError.loginRequired }
        guard !Self.hasWhitespace(username) else { throw MonitorError.usernameWithSpaces }
        // An unknown user costs the same bcrypt round as a wrong password.
        let stored = try repository.credentials(username: username)
        guard PasswordHasher.verifyLogin(password, hash: stored?.passwordHash), let stored else {
            logger.warning("login refused", metadata: ["username": "\(username)"])
            throw MonitorError.invalidCredentials
        }
        return stored
    }

    /// Creates a user: required fields, whitespace, role, then the unique username.
    func register(_ draft: UsuarioDraft) throws -> Usuario {
        guard let username = draft.username, !username.isEmpty, let password = draft.password, !password.isEmpty,
              let rolText = draft.rol, !rolText.isEmpty else { throw MonitorError.registerRequired }
        guard !Self.hasWhitespace(username) else { throw MonitorError.usernameWithSpaces }
        guard let rol = Rol(input: rolText) else { throw MonitorError.invalidRol }
        let hash = try Self.hash(password)
        return try guarded(.createUsuarioFailed) {
            try repository.insert(nombre: draft.nombre, username: username, passwordHash: hash, rol: rol)
        }
    }

    /// Every user, by id.
    func list() throws -> [Usuario] {
        try repository.all()
    }

    /// The user `id`, or 404.
    func get(id: Int) throws -> Usuario {
        guard let usuario = try repository.find(id: id) else { throw MonitorError.usuarioNotFound }
        return usuario
    }

    /// Applies `changes` (role, whitespace, existence, unique username, in that order) and returns the user.
    func update(id: Int, _ changes: UsuarioChanges) throws -> Usuario {
        var update = UsuarioUpdate()
        if let rolText = changes.rol, !rolText.isEmpty {
            guard let rol = Rol(input: rolText) else { throw MonitorError.invalidRol }
            update.rol = rol
        }
        if let username = changes.username, !username.isEmpty {
            guard !Self.hasWhitespace(username) else { throw MonitorError.usernameWithSpaces }
            update.username = username
        }
        if let nombre = changes.nombre {
            update.setsNombre = true
            update.nombre = nombre
        }
        if let password = changes.password, !password.isEmpty {
            update.passwordHash = try Self.hash(password)
        }
        let updated = try guarded(.updateUsuarioFailed) { try repository.update(id: id, update) }
        guard let updated else { throw MonitorError.usuarioNotFound }
        return updated
    }

    /// Deletes the user `id`; never the caller's own account, never a user still referenced (409, ruling M10).
    func delete(id: Int, caller: MonitorIdentity) throws {
        guard id != caller.id else { throw MonitorError.cannotDeleteSelf }
        let deleted = try guarded(.deleteUsuarioFailed) { try repository.delete(id: id) }
        guard deleted else { throw MonitorError.usuarioNotFound }
    }

    /// Whether `username` has whitespace anywhere: JavaScript's `\s` (the original's test), i.e. AppCore's
    /// `Whitespace`, the same code points as the CHECK ck_usuario_username.
    static func hasWhitespace(_ username: String) -> Bool { username.containsWhitespace }

    /// A new bcrypt hash; a password the hasher cannot take (NUL) is the client's mistake.
    static func hash(_ password: String) throws -> String {
        do {
            return try PasswordHasher.hash(password)
        } catch PasswordHasher.Failure.invalidPassword {
            throw MonitorError.invalidPassword
        }
    }

    /// Runs a write, mapping conflicts to their messages and unexpected failures to the endpoint's 500
    /// (a lost database stays a 503, rendered by the module).
    private func guarded<T>(_ internalFailure: MonitorError, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch UsuarioConflict.usernameTaken {
            throw MonitorError.usernameTaken
        } catch UsuarioConflict.referenced {
            throw MonitorError.usuarioReferenced
        } catch let error as MonitorError {
            throw error
        } catch let error as any ClassifiedError where error.errorClass == .serviceUnavailable {
            throw error
        } catch {
            logger.error("\(internalFailure.message)", metadata: ["error": "\(String(reflecting: error))"])
            throw internalFailure
        }
    }
}
