/// Where a module's database is and how to log in; plain values, turned into a driver configuration by the
/// composition root.
public struct DatabaseSettings: Sendable, Equatable, CustomStringConvertible, CustomReflectable {
    /// The unix socket (used when `host` is nil).
    public var socket: String
    /// A TCP host; when set, TCP is used instead of the socket.
    public var host: String?
    /// The TCP port.
    public var port: Int
    /// The user name.
    public var user: String
    /// The password (never logged).
    public var password: String
    /// The database (schema) name.
    public var name: String

    /// Settings from their parts.
    public init(socket: String, host: String?, port: Int, user: String, password: String, name: String) {
        self.socket = socket
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.name = name
    }

    /// Where, as whom, which database; without the password.
    public var description: String {
        let location = host.map { "\($0):\(port)" } ?? "unix:\(socket)"
        return "\(user)@\(location)/\(name)"
    }

    /// A mirror without the password, so `dump` and debuggers cannot leak it either.
    public var customMirror: Mirror {
        Mirror(self, children: ["socket": socket, "host": host as Any, "port": port, "user": user, "name": name])
    }
}
