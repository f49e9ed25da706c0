import HTTPCore

/// A Monitor user as the API shows it: never the password hash (monitor.md §3, §4.1–4.2).
public struct Usuario: Sendable, Equatable {
    /// `usuario.id`.
    public let id: Int
    /// The display name (nullable).
    public let nombre: String?
    /// The login name (no whitespace, unique, case-sensitive).
    public let username: String
    /// The role.
    public let rol: Rol

    /// A user from its parts.
    public init(id: Int, nombre: String?, username: String, rol: Rol) {
        self.id = id
        self.nombre = nombre
        self.username = username
        self.rol = rol
    }

    /// `{"id","nombre","username","rol"}`, in that order.
    var json: JSONValue {
        .object([("id", .integer(id)), ("nombre", .optional(nombre)), ("username", .string(username)),
                 ("rol", .string(rol.rawValue))])
    }

    /// The identity its token carries.
    var identity: MonitorIdentity { MonitorIdentity(id: id, username: username, rol: rol) }
}
