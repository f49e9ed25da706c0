/// One claimed `mail_outbox` row, as the sender reads it.
struct OutboxMail: Sendable {
    /// The row id.
    let id: Int64
    /// The comma-separated recipients, split.
    let recipients: [String]
    /// The subject.
    let subject: String
    /// The plain-text body.
    let text: String
    /// The HTML body, if any.
    let html: String?
    /// Attempts made before this one.
    let attempts: Int
}
