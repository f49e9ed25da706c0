import Logging

/// The per-request state a module's handlers see: request id, logger and whatever the module adds
/// (identity, repositories on the worker's database connection). It lives on one worker thread only.
public protocol RequestContext: AnyObject, SendableMetatype {
    /// The request id (from `X-Request-Id` when sane, otherwise generated).
    var requestID: String { get set }
    /// A logger carrying the request id in its metadata.
    var logger: Logger { get set }
}
