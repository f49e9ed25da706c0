/// The authenticated caller, as the access token carries it (T8): the login user, their one Perfil, and
/// their roles.
public struct TransporteIdentity: Sendable, Equatable {
    /// `Usuario.Id`.
    public let usuarioID: Int
    /// `Perfil.Id`: what solicitudes store as requester and approver.
    public let perfilID: Int
    /// The login name.
    public let username: String
    /// Role codes (`Rol.Codigo`), including any an administrator added to the catalog.
    public let roles: [String]

    /// An identity from its parts.
    public init(usuarioID: Int, perfilID: Int, username: String, roles: [String]) {
        self.usuarioID = usuarioID
        self.perfilID = perfilID
        self.username = username
        self.roles = roles
    }

    /// Whether the caller has `rol`.
    public func has(_ rol: TransporteRol) -> Bool { roles.contains(rol.rawValue) }

    /// Whether the caller is an ADMIN.
    public var isAdmin: Bool { has(.admin) }
}
