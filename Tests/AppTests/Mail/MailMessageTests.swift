import AppCore
import Testing

@Suite("Mail addresses and messages")
struct MailMessageTests {
    @Test("plain addresses are accepted, trimmed of spaces and tabs", arguments: [
        "ana@example.com", "ana.maria+avisos@sub.example.com", "o'brien@example.co", "x_y-z@a-b.example",
        " ana@example.com\t", "A@EXAMPLE.COM",
    ])
    func validAddresses(text: String) {
        #expect(MailAddress(text) != nil)
    }

    @Test("anything that could break a header or an SMTP command is refused", arguments: [
        "", "ana", "ana@", "@example.com", "ana@example", "ana@@example.com", "ana@b@example.com",
        "ana@example.com\r\nBcc: x@evil.test", "ana@example.com\nBcc: x@evil.test", "ana\r@example.com",
        "ana@exa\nmple.com", "ana maria@example.com", "ana,beto@example.com", "<ana@example.com>",
        "\"ana\"@example.com", "ana@[127.0.0.1]", ".ana@example.com", "ana.@example.com", "an..a@example.com",
        "ana@-example.com", "ana@example-.com", "ana@example..com", "ana@example.123", "ana@exámple.com",
        "añá@example.com", "ana@example.com\u{0}", "ana;x@example.com", "ana@example.com>",
        String(repeating: "a", count: 65) + "@example.com",
    ])
    func invalidAddresses(text: String) {
        #expect(MailAddress(text) == nil)
    }

    @Test("a message keeps valid recipients in order without duplicates")
    func recipients() throws {
        let message = try MailMessage(to: ["ana@example.com", " beto@example.com", "ANA@example.com"],
                                      subject: "Hola", text: "cuerpo")
        #expect(message.to == ["ana@example.com", "beto@example.com"])
        #expect(message.html == nil)
    }

    @Test("an invalid, missing or excessive recipient list is refused, naming the position only")
    func badRecipients() {
        #expect(throws: MailMessageError.noRecipients) { try MailMessage(to: [], subject: "s", text: "t") }
        #expect(throws: MailMessageError.invalidRecipient(index: 1)) {
            try MailMessage(to: ["ana@example.com", "x@example.com\r\nBcc: y@evil.test"], subject: "s", text: "t")
        }
        let many = (0...MailMessage.maxRecipients).map { "user\($0)@example.com" }
        #expect(throws: MailMessageError.tooManyRecipients(count: many.count)) {
            try MailMessage(to: many, subject: "s", text: "t")
        }
        #expect(!MailMessageError.invalidRecipient(index: 1).description.contains("@"))
    }

    @Test("the subject is one line: controls and line breaks become single spaces")
    func subjectSingleLine() throws {
        let message = try MailMessage(to: ["ana@example.com"],
                                      subject: "  Solicitud\r\nBcc: x@evil.test\u{2028}  aprobada\t\u{7}\u{85} ",
                                      text: "t")
        #expect(message.subject == "Solicitud Bcc: x@evil.test aprobada")
        #expect(throws: MailMessageError.emptySubject) { try MailMessage(to: ["a@example.com"], subject: " \r\n ", text: "t") }
    }

    @Test("a subject already on one line is kept as it is; any other is cleaned, ASCII or not", arguments: [
        ("Solicitud SOL-2026-03-00000042 pendiente de aprobación", "Solicitud SOL-2026-03-00000042 pendiente de aprobación"),
        ("Ñandú á é", "Ñandú á é"), ("a\u{200B}b", "a\u{200B}b"), (String(repeating: "é", count: 998), String(repeating: "é", count: 998)),
        (String(repeating: "é", count: 999), String(repeating: "é", count: 998)), (" a", "a"), ("a ", "a"), ("a  b", "a b"),
        ("a\u{A0}b", "a b"), ("a\u{85}b", "a b"), ("a\u{7F}b", "a b"), ("a\u{1F}b", "a b"), ("a\u{9F}b", "a b"),
        ("a\u{3000}b", "a b"), ("a \u{A0} b", "a b"),
    ])
    func subjectKeptOrCleaned(subject: String, expected: String) throws {
        let message = try MailMessage(to: ["ana@example.com"], subject: subject, text: "t")
        #expect(message.subject == expected)
    }

    @Test("a long subject is cut at 998 scalars")
    func longSubject() throws {
        let message = try MailMessage(to: ["ana@example.com"], subject: String(repeating: "ñ", count: 2_000), text: "t")
        #expect(message.subject.unicodeScalars.count == MailMessage.maxSubjectLength)
    }

    @Test("MAIL_FROM forms", arguments: [
        ("ventanilla@example.com", "ventanilla@example.com", nil),
        ("Ventanilla <ventanilla@example.com>", "ventanilla@example.com", "Ventanilla"),
        ("\"Element Studios\" <no-reply@example.com>", "no-reply@example.com", "Element Studios"),
        ("  Área de Transporte   <t@example.gob.sv> ", "t@example.gob.sv", "Área de Transporte"),
    ] as [(String, String, String?)])
    func mailboxes(text: String, address: String, name: String?) throws {
        let mailbox = try #require(MailMailbox(parsing: text))
        #expect(mailbox.address.value == address)
        #expect(mailbox.displayName == name)
    }

    @Test("malformed MAIL_FROM values are refused", arguments: [
        "Ventanilla", "Ventanilla <>", "Ventanilla <ventanilla@example.com> x", "<a@b>", "Name <a@example.com\r\nX: y>",
    ])
    func badMailboxes(text: String) {
        #expect(MailMailbox(parsing: text) == nil)
    }
}
