/// What a registry answered over HTTP: its status and its body (at most the endpoint's size cap).
public struct RegistryReply: Sendable, Equatable {
    /// The HTTP status.
    public let status: Int
    /// The body as received.
    public let body: [UInt8]

    /// A reply from its parts.
    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }
}
