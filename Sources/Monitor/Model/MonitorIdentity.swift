/// The caller, as its token says (roles come from the token only, as in the original).
public struct MonitorIdentity: Sendable, Equatable {
    /// `usuario.id`.
    public let id: Int
    /// The username.
    public let username: String
    /// The role.
    public let rol: Rol

    /// An identity from its parts.
    public init(id: Int, username: String, rol: Rol) {
        self.id = id
        self.username = username
        self.rol = rol
    }
}
