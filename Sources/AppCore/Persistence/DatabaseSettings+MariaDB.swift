import MariaDB

extension DatabaseSettings {
    /// The driver configuration for these settings (the workers', and any thread that needs a connection of its own).
    public var mariaDBConfiguration: MariaDBConfiguration {
        MariaDBConfiguration(socket: host == nil ? socket : nil, host: host, port: port, user: user,
                             password: password, database: name, nodes: nodes.map(\.mariaDBNode), wsrepSyncWait: wsrepSyncWait)
    }
}

extension DatabaseSettings.Node {
    /// The driver's form of this node.
    var mariaDBNode: MariaDBNode {
        switch self {
        case .socket(let path): .socket(path)
        case .tcp(let host, let port): .tcp(host: host, port: port)
        }
    }
}
