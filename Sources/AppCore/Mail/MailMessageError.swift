/// Why a `MailMessage` could not be made. Addresses are personal data, so errors name positions, not values.
public enum MailMessageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No recipient at all.
    case noRecipients
    /// More recipients than one message may carry.
    case tooManyRecipients(count: Int)
    /// The recipient at this position (0-based) is not a plain e-mail address.
    case invalidRecipient(index: Int)
    /// The subject is empty once control characters and surrounding spaces are removed.
    case emptySubject

    /// A message for logs and developers.
    public var description: String {
        switch self {
        case .noRecipients: return "mail: a message needs at least one recipient"
        case .tooManyRecipients(let count): return "mail: \(count) recipients, at most \(MailMessage.maxRecipients) allowed"
        case .invalidRecipient(let index): return "mail: recipient #\(index + 1) is not a valid e-mail address"
        case .emptySubject: return "mail: the subject is empty"
        }
    }
}
