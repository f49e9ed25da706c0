/// A sender as `MAIL_FROM` gives it: `ventanilla@example.com` or `Ventanilla <ventanilla@example.com>`.
public struct MailMailbox: Sendable, Hashable, CustomStringConvertible {
    /// The address (the SMTP envelope sender, and the address in `From:`).
    public let address: MailAddress
    /// The display name, on one line, if any.
    public let displayName: String?

    /// A mailbox from its parts; the display name loses control characters and surrounding spaces.
    public init(address: MailAddress, displayName: String? = nil) {
        self.address = address
        let name = displayName.map { MailMessage.singleLine($0) }
        self.displayName = name?.isEmpty == false ? name : nil
    }

    /// Parses `address` or `Display Name <address>` (the name may be in double quotes); nil when malformed.
    public init?(parsing text: String) {
        guard let open = text.lastIndex(of: "<") else {
            guard let address = MailAddress(text) else { return nil }
            self.init(address: address)
            return
        }
        let rest = text[text.index(after: open)...]
        guard let close = rest.firstIndex(of: ">"), rest[rest.index(after: close)...].allSatisfy({ $0 == " " }),
              let address = MailAddress(String(rest[..<close])) else {
            return nil
        }
        var name = Substring(text[..<open])
        while name.first == " " { name.removeFirst() }
        while name.last == " " { name.removeLast() }
        if name.count >= 2, name.first == "\"", name.last == "\"" {
            name = name.dropFirst().dropLast()
        }
        self.init(address: address, displayName: String(name))
    }

    /// As written in `MAIL_FROM`.
    public var description: String {
        displayName.map { "\($0) <\(address.value)>" } ?? address.value
    }
}
