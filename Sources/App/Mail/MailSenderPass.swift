/// What one pass of the sender did.
public struct MailSenderPass: Sendable, Equatable {
    /// Rows claimed.
    public var claimed = 0
    /// Messages delivered.
    public var sent = 0
    /// Messages that failed an attempt and will be tried again.
    public var retried = 0
    /// Messages that failed for good (last attempt, or a row that is not a valid message).
    public var failed = 0
    /// Messages given back untried because the sender is stopping.
    public var released = 0
    /// Messages put off because the SMTP server could not be reached: no attempt counted, due again after
    /// `MAIL_RETRY_BASE_SECONDS`.
    public var postponed = 0

    /// An empty pass.
    public init() {}
}
