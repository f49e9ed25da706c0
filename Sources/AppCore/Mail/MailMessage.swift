/// One e-mail as a service asks for it: who gets it, the subject, a plain-text body and an optional HTML one.
///
/// Validated on construction, so whatever reaches the outbox and the SMTP sender is safe: every recipient is a
/// plain address (`MailAddress`), and the subject has no control characters (CR and LF included), which makes
/// header injection impossible. Bodies may contain anything; the composer encodes them.
public struct MailMessage: Sendable, Hashable {
    /// The most recipients one message may have.
    public static let maxRecipients = 100
    /// The longest subject kept, in Unicode scalars (the outbox column is `VARCHAR(998)`).
    public static let maxSubjectLength = 998

    /// The recipients, validated, trimmed and without duplicates (compared case-insensitively), in order.
    public let to: [String]
    /// The subject, on one line.
    public let subject: String
    /// The plain-text body.
    public let text: String
    /// The HTML body, sent as the preferred alternative when present.
    public let html: String?

    /// A message to `to` (each a plain e-mail address). Control characters in `subject` become spaces, runs of
    /// spaces collapse, and a subject longer than `maxSubjectLength` is cut there.
    public init(to: [String], subject: String, text: String, html: String? = nil) throws(MailMessageError) {
        guard !to.isEmpty else { throw .noRecipients }
        guard to.count <= Self.maxRecipients else { throw .tooManyRecipients(count: to.count) }
        var seen = Set<String>()
        var recipients: [String] = []
        for (index, candidate) in to.enumerated() {
            guard let address = MailAddress(candidate) else { throw .invalidRecipient(index: index) }
            if seen.insert(address.value.lowercased()).inserted {
                recipients.append(address.value)
            }
        }
        let cleanSubject = Self.singleLine(subject)
        guard !cleanSubject.isEmpty else { throw .emptySubject }
        self.to = recipients
        self.subject = cleanSubject
        self.text = text
        self.html = html
    }

    /// `text` with every control or line-separator character replaced by a space, whitespace runs collapsed,
    /// trimmed, and cut to `maxSubjectLength` scalars.
    static func singleLine(_ text: String) -> String {
        // Most subjects are already one clean line: give them back as they are, without building a copy.
        isSingleLine(text) ? text : collapsed(text)
    }

    /// `singleLine(text)` built scalar by scalar.
    static func collapsed(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var count = 0
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            // Whitespace covers CR, LF, tab, U+2028/2029; `.control` covers the other C0 and C1 codes and DEL.
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control {
                pendingSpace = count > 0
                continue
            }
            let needed = pendingSpace ? 2 : 1
            guard count + needed <= maxSubjectLength else { break }
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            scalars.append(scalar)
            count += needed
        }
        return String(scalars)
    }

    /// Whether `singleLine(text)` is `text` itself: no control or whitespace character but single spaces between
    /// other characters, and at most `maxSubjectLength` scalars. ASCII is judged by its code, so only other
    /// scalars pay for a Unicode property lookup.
    static func isSingleLine(_ text: String) -> Bool {
        var count = 0
        var afterSpace = true
        for scalar in text.unicodeScalars {
            count += 1
            guard count <= maxSubjectLength else { return false }
            if scalar.isASCII {
                if scalar == " " {
                    if afterSpace { return false }
                    afterSpace = true
                    continue
                }
                // C0 controls (CR, LF and tab among them) and DEL.
                if scalar.value < 0x20 || scalar.value == 0x7F { return false }
            } else if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control {
                return false
            }
            afterSpace = false
        }
        return !afterSpace || count == 0
    }
}
