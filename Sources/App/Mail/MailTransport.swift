import AppCore

/// Something that hands a rendered message to a mail server; blocking, used by one thread.
public protocol MailTransport {
    /// Delivers `data` (an RFC 5322 message with CRLF line breaks) from `sender` to every address in `recipients`.
    func deliver(_ data: [UInt8], from sender: MailAddress, to recipients: [String]) throws(MailDeliveryError)
}
