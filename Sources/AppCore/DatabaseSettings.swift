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
    /// `DB_HOSTS`: the nodes to use in order of preference (a Galera cluster); empty: `socket` or `host`.
    public var nodes: [Node]
    /// `DB_WSREP_SYNC_WAIT` (0-15): the session's `wsrep_sync_wait` on every connection; nil: the server's.
    public var wsrepSyncWait: Int?

    /// One database node of `DB_HOSTS`.
    public enum Node: Sendable, Equatable, CustomStringConvertible {
        /// An absolute unix socket path.
        case socket(String)
        /// A TCP host and port.
        case tcp(host: String, port: Int)

        /// Reads one entry: an absolute socket path, `host:port`, `[ipv6]:port`, or a host alone (`defaultPort`).
        public init?(parsing entry: String, defaultPort: Int) {
            if entry.hasPrefix("/") {
                self = .socket(entry)
                return
            }
            var host = Substring(entry)
            var port = defaultPort
            if host.hasPrefix("[") {
                guard let close = host.firstIndex(of: "]") else { return nil }
                let rest = host[host.index(after: close)...]
                host = host[host.index(after: host.startIndex)..<close]
                if !rest.isEmpty {
                    guard rest.hasPrefix(":"), let value = Int(rest.dropFirst()) else { return nil }
                    port = value
                }
            } else if let colon = host.lastIndex(of: ":") {
                guard let value = Int(host[host.index(after: colon)...]) else { return nil }
                port = value
                host = host[..<colon]
            }
            guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "/" }), (1...65535).contains(port) else { return nil }
            self = .tcp(host: String(host), port: port)
        }

        /// `unix:/path` or `host:port`.
        public var description: String {
            switch self {
            case .socket(let path): "unix:\(path)"
            case .tcp(let host, let port): host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
            }
        }
    }

    /// Settings from their parts.
    public init(socket: String, host: String?, port: Int, user: String, password: String, name: String,
                nodes: [Node] = [], wsrepSyncWait: Int? = nil) {
        self.socket = socket
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.name = name
        self.nodes = nodes
        self.wsrepSyncWait = wsrepSyncWait
    }

    /// Where, as whom, which database; without the password.
    public var description: String {
        let location = !nodes.isEmpty ? nodes.map(\.description).joined(separator: ",")
            : host.map { "\($0):\(port)" } ?? "unix:\(socket)"
        return "\(user)@\(location)/\(name)"
    }

    /// A mirror without the password, so `dump` and debuggers cannot leak it either.
    public var customMirror: Mirror {
        Mirror(self, children: ["socket": socket, "host": host as Any, "port": port, "user": user, "name": name,
                                "nodes": nodes, "wsrepSyncWait": wsrepSyncWait as Any])
    }
}
