/// Why the object store did not do what was asked: `detail` is for the log, never for the client.
public struct CloudStoreError: Error, Sendable, CustomStringConvertible {
    /// What failed (the HTTP status and S3 error code, or curl's message).
    public let detail: String

    /// An error with its detail.
    public init(_ detail: String) {
        self.detail = detail
    }

    public var description: String { detail }
}
