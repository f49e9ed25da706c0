/// Whether the SMTP session is upgraded with STARTTLS (`SMTP_STARTTLS`). Port 465 always uses implicit TLS.
public enum MailTransportSecurity: String, Sendable, CaseIterable {
    /// STARTTLS must succeed, otherwise the delivery fails (and is retried).
    case required
    /// STARTTLS when the server offers it, plain text otherwise.
    case opportunistic
    /// Never STARTTLS.
    case off
}
