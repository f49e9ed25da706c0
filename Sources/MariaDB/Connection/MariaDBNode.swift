/// One database server a connection may use: a unix socket or a TCP host and port. A configuration lists one or
/// more, in order of preference (`MariaDBConfiguration.endpoints`), e.g. the nodes of a Galera cluster.
public enum MariaDBNode: Sendable, Hashable, CustomStringConvertible {
    /// A unix socket path (nil: the connector's default socket).
    case socket(String?)
    /// A TCP host and port.
    case tcp(host: String, port: Int)

    /// `unix:/path` or `host:port`, for logs.
    public var description: String {
        switch self {
        case .socket(let path): "unix:\(path ?? "(default)")"
        case .tcp(let host, let port): host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        }
    }

    /// Whether the node is reached over TCP.
    var usesTCP: Bool {
        if case .tcp = self { return true }
        return false
    }
}
