/// The messages of the auth and users endpoints (monitor.md §4.1–4.2, ruling M10), byte for byte.
extension MonitorError {
    /// Login without username or password.
    static let loginRequired = MonitorError(status: 400, "Usuario y contraseña requeridos")
    /// Unknown user or wrong password.
    static let invalidCredentials = MonitorError(status: 401, "Credenciales inválidas")
    /// Register without username, password or rol.
    static let registerRequired = MonitorError(status: 400, "username, password y rol son requeridos")
    /// A username with whitespace.
    static let usernameWithSpaces = MonitorError(status: 400, "El usuario no puede contener espacios")
    /// A role that is not one of the three (`Técnico` counts as `Tecnico`).
    static let invalidRol = MonitorError(status: 400, Rol.invalidMessage)
    /// The username belongs to another user.
    static let usernameTaken = MonitorError(status: 400, "El username ya está en uso")
    /// A path id that is not a number.
    static let invalidUsuarioID = MonitorError(status: 400, "ID inválido")
    /// No user with that id.
    static let usuarioNotFound = MonitorError(status: 404, "Usuario no encontrado")
    /// An administrator deleting their own account.
    static let cannotDeleteSelf = MonitorError(status: 400, "No puedes eliminar tu propia cuenta")
    /// The user is still referenced (ruling M10).
    static let usuarioReferenced = MonitorError(status: 409, "No se puede eliminar el usuario porque tiene registros asociados")
    /// A password the hasher cannot take (a NUL character).
    static let invalidPassword = MonitorError(status: 400, "El campo 'password' contiene caracteres no permitidos")
    /// Unexpected failure while creating a user.
    static let createUsuarioFailed = MonitorError(status: 500, "Error interno al crear usuario")
    /// Unexpected failure while updating a user.
    static let updateUsuarioFailed = MonitorError(status: 500, "Error interno al actualizar usuario")
    /// Unexpected failure while deleting a user.
    static let deleteUsuarioFailed = MonitorError(status: 500, "Error interno al eliminar usuario")
}
