/// Where and how to connect to MariaDB: plain Sendable values, shared by every worker thread.
public struct MariaDBConfiguration: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The unix socket path; used when `host` is nil (nil too: the connector's default socket).
    public var socket: String?
    /// The TCP host; when set, the connection uses TCP to `host:port` and ignores `socket`.
    public var host: String?
    /// The TCP port.
    public var port: Int
    /// The user name.
    public var user: String
    /// The password (empty for none). Never shown by `description`, `debugDescription` or `dump`.
    public var password: String
    /// The default database, if any.
    public var database: String?
    /// Seconds to wait for the connection to be established.
    public var connectTimeoutSeconds: Int
    /// Seconds to wait for each network read (a longer-running statement fails with `.connectionLost`).
    public var readTimeoutSeconds: Int
    /// Seconds to wait for each network write.
    public var writeTimeoutSeconds: Int
    /// The server's limit on one statement (`max_statement_time`, set at connect), in seconds; 0: none. A statement
    /// past it is killed by the server and fails with `.statementTimeout`; the connection stays usable.
    public var statementTimeoutSeconds: Double
    /// The servers to use in order of preference (a Galera cluster's nodes); empty: the one of `socket`, `host`
    /// and `port`. A connection goes to the first one that answers and is ready (`MariaDBNodeHealth`).
    public var nodes: [MariaDBNode]
    /// `wsrep_sync_wait` (0-15) set on every connection, so a read waits for the write sets the cluster has
    /// already acknowledged elsewhere; nil leaves the server's. Ignored (logged once) by a server without wsrep.
    public var wsrepSyncWait: Int?

    /// Creates a configuration; TCP when `host` is set, else the unix `socket`; `nodes`, when given, instead.
    public init(socket: String? = nil, host: String? = nil, port: Int = 3306, user: String, password: String = "",
                database: String? = nil, connectTimeoutSeconds: Int = 3, readTimeoutSeconds: Int = 30,
                writeTimeoutSeconds: Int = 30, statementTimeoutSeconds: Double = 0, nodes: [MariaDBNode] = [],
                wsrepSyncWait: Int? = nil) {
        self.socket = socket
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.readTimeoutSeconds = readTimeoutSeconds
        self.writeTimeoutSeconds = writeTimeoutSeconds
        self.statementTimeoutSeconds = max(0, statementTimeoutSeconds)
        self.nodes = nodes
        self.wsrepSyncWait = wsrepSyncWait
    }

    /// The servers a connection tries, in order: `nodes`, or the single one of `socket`, `host` and `port`.
    public var endpoints: [MariaDBNode] {
        if !nodes.isEmpty { return nodes }
        return [host.map { .tcp(host: $0, port: port) } ?? .socket(socket)]
    }

    /// The network read timeout in effect: at least 5 s past the statement limit, so that the server's limit (which
    /// keeps the connection) always fires before the client's (which has to drop it while the statement runs on).
    public var effectiveReadTimeoutSeconds: Int {
        guard statementTimeoutSeconds > 0 else { return readTimeoutSeconds }
        return max(readTimeoutSeconds, Int(statementTimeoutSeconds.rounded(.up)) + 5)
    }

    /// Whether the connection goes over TCP (else over the unix socket).
    public var usesTCP: Bool { host != nil }

    /// Endpoint, user and database; the password is never included.
    public var description: String {
        let endpoint = !nodes.isEmpty ? "nodes \(nodes.map(\.description).joined(separator: ","))"
            : host.map { "tcp \($0):\(port)" } ?? "socket \(socket ?? "(default)")"
        let password = password.isEmpty ? "none" : "<redacted>"
        return "MariaDBConfiguration(\(endpoint), user: \(user), password: \(password), database: \(database ?? "(none)"))"
    }

    /// The same as `description`: the password is never included.
    public var debugDescription: String { description }

    /// A mirror without the password, so `dump` does not print it either.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "socket": socket as Any, "host": host as Any, "port": port, "user": user,
            "password": password.isEmpty ? "" : "<redacted>", "database": database as Any,
            "connectTimeoutSeconds": connectTimeoutSeconds, "readTimeoutSeconds": readTimeoutSeconds,
            "writeTimeoutSeconds": writeTimeoutSeconds, "statementTimeoutSeconds": statementTimeoutSeconds,
            "nodes": nodes, "wsrepSyncWait": wsrepSyncWait as Any,
        ])
    }
}
