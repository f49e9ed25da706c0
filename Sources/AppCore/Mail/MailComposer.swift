/// Renders a `MailMessage` as an RFC 5322 / MIME message ready for SMTP `DATA`: CRLF line breaks, headers
/// encoded by `MailHeaderEncoding`, bodies quoted-printable UTF-8, `multipart/alternative` when there is HTML.
///
/// Pure: the date, the Message-ID and the MIME boundary are inputs, so a rendering can be tested byte for byte.
public struct MailComposer: Sendable {
    /// The sender written in `From:`.
    public let from: MailMailbox

    /// A composer for messages from `from`.
    public init(from: MailMailbox) {
        self.from = from
    }

    /// The message as octets. `boundaryToken` must be letters and digits (it cannot occur in quoted-printable
    /// output because the boundary starts with `=_`); `messageID` is the part between `<` and `>`.
    public func render(_ message: MailMessage, dateUTCMilliseconds: Int64, messageID: String,
                       boundaryToken: String) -> [UInt8] {
        var head: [String] = []
        head.append("Date: " + Self.rfc5322Date(utcMilliseconds: dateUTCMilliseconds))
        head.append(MailHeaderEncoding.fold("From: " + mailbox(from)))
        head.append(MailHeaderEncoding.fold("To: " + message.to.joined(separator: ", ")))
        head.append(MailHeaderEncoding.header("Subject", text: message.subject))
        head.append("Message-ID: <\(messageID)>")
        head.append("MIME-Version: 1.0")
        head.append("Auto-Submitted: auto-generated")
        var lines = head
        if let html = message.html {
            let boundary = "=_" + boundaryToken
            lines.append("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
            lines.append("")
            lines.append("This is a multi-part message in MIME format.")
            lines.append("--" + boundary)
            lines += Self.part("text/plain", message.text)
            lines.append("--" + boundary)
            lines += Self.part("text/html", html)
            lines.append("--" + boundary + "--")
        } else {
            lines += Self.part("text/plain", message.text)
        }
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// Renders with the current time, a random Message-ID at the sender's domain and a random boundary.
    public func render(_ message: MailMessage, clock: some Clock = SystemClock()) -> [UInt8] {
        render(message, dateUTCMilliseconds: clock.nowMilliseconds(),
               messageID: Self.randomToken() + "@" + from.address.domain, boundaryToken: Self.randomToken())
    }

    /// A `Date:` value: `Tue, 03 Nov 2026 14:05:09 +0000`.
    public static func rfc5322Date(utcMilliseconds millis: Int64) -> String {
        let seconds = Int(millis.quotientAndFloor(1_000))
        let days = seconds.quotientAndFloor(86_400)
        let secondOfDay = seconds - days * 86_400
        let date = CivilDate(daysSinceEpoch: days)
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]   // 1970-01-01 was a Thursday
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let weekday = weekdays[((days % 7) + 7) % 7]
        return "\(weekday), \(two(date.day)) \(months[date.month - 1]) \(date.year) "
            + "\(two(secondOfDay / 3_600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)) +0000"
    }

    /// 32 random hexadecimal digits (128 bits), for Message-IDs, boundaries and claim tokens.
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        return hex16(high) + hex16(low)
    }

    private static func hex16(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private func mailbox(_ mailbox: MailMailbox) -> String {
        guard let name = mailbox.displayName else { return mailbox.address.value }
        return MailHeaderEncoding.displayName(name) + " <" + mailbox.address.value + ">"
    }

    /// The headers and quoted-printable body of one UTF-8 text part.
    private static func part(_ type: String, _ body: String) -> [String] {
        ["Content-Type: \(type); charset=UTF-8", "Content-Transfer-Encoding: quoted-printable", "",
         QuotedPrintable.encode(body)]
    }
}

extension BinaryInteger {
    /// Division rounding toward negative infinity (dates before 1970 stay correct).
    fileprivate func quotientAndFloor(_ divisor: Self) -> Self {
        let (q, r) = quotientAndRemainder(dividingBy: divisor)
        return r < 0 ? q - 1 : q
    }
}
