import AppCore
import Foundation
import Testing

@Suite("RFC 5322 message building")
struct MailComposerTests {
    private let from = MailMailbox(parsing: "Ventanilla <ventanilla@example.com>")!
    private let date: Int64 = 1_794_353_109_000   // 2026-11-10 23:25:09 UTC, a Tuesday

    private func render(_ message: MailMessage) -> String {
        String(decoding: MailComposer(from: from).render(message, dateUTCMilliseconds: date,
                                                          messageID: "abc123@example.com", boundaryToken: "B0UND"),
               as: UTF8.self)
    }

    /// The header block, unfolded, as (name, value) pairs.
    private func headers(_ rendered: String) -> [(String, String)] {
        let head = rendered.components(separatedBy: "\r\n\r\n")[0].replacingOccurrences(of: "\r\n ", with: " ")
        return head.components(separatedBy: "\r\n").map { line in
            let colon = line.firstIndex(of: ":")!
            return (String(line[..<colon]), String(line[line.index(colon, offsetBy: 2)...]))
        }
    }

    @Test("a text message has exactly the expected headers and a quoted-printable body")
    func plainText() throws {
        let message = try MailMessage(to: ["ana@example.com", "beto@example.com"], subject: "Solicitud SOL-2026-11-00000001 creada",
                                      text: "Su solicitud SOL-2026-11-00000001 fue creada.\nGracias.")
        let rendered = render(message)
        #expect(rendered == """
            Date: Tue, 10 Nov 2026 23:25:09 +0000\r
            From: "Ventanilla" <ventanilla@example.com>\r
            To: ana@example.com, beto@example.com\r
            Subject: Solicitud SOL-2026-11-00000001 creada\r
            Message-ID: <abc123@example.com>\r
            MIME-Version: 1.0\r
            Auto-Submitted: auto-generated\r
            Content-Type: text/plain; charset=UTF-8\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            Su solicitud SOL-2026-11-00000001 fue creada.\r
            Gracias.\r

            """)
    }

    @Test("every line ends in CRLF and none is longer than 998 octets")
    func lineDiscipline() throws {
        let message = try MailMessage(to: ["ana@example.com"], subject: String(repeating: "palabra ", count: 100),
                                      text: String(repeating: "x", count: 5_000) + "\r" + "y\n\nz",
                                      html: "<p>" + String(repeating: "á", count: 3_000) + "</p>")
        let bytes = MailComposer(from: from).render(message, dateUTCMilliseconds: date, messageID: "m@example.com",
                                                    boundaryToken: "B")
        let bareLineEnds = bytes.indices.filter { index in
            (bytes[index] == 0x0A && (index == 0 || bytes[index - 1] != 0x0D))
                || (bytes[index] == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A))
        }
        #expect(bareLineEnds.isEmpty)
        #expect(bytes.allSatisfy { $0 < 0x80 })
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 78, "\(line.prefix(40))…")
        }
    }

    @Test("a non-ASCII subject and display name become RFC 2047 encoded words that decode back")
    func encodedWords() throws {
        let subject = "Aprobación de su solicitud — camión 🚚 para el señor Núñez, con más de cuarenta y cinco bytes"
        let message = try MailMessage(to: ["ana@example.com"], subject: subject, text: "t")
        let composer = MailComposer(from: MailMailbox(parsing: "Área de Transporte <t@example.com>")!)
        let rendered = String(decoding: composer.render(message, dateUTCMilliseconds: date, messageID: "m@example.com",
                                                        boundaryToken: "B"), as: UTF8.self)
        let fields = Dictionary(headers(rendered), uniquingKeysWith: { first, _ in first })
        let encoded = try #require(fields["Subject"])
        #expect(encoded.hasPrefix("=?UTF-8?B?"))
        #expect(MailTestText.decodeEncodedWords(encoded) == subject)
        let fromValue = try #require(fields["From"])
        #expect(fromValue.hasSuffix(" <t@example.com>"))
        #expect(MailTestText.decodeEncodedWords(String(fromValue.dropLast(" <t@example.com>".count))) == "Área de Transporte")
        for word in encoded.split(separator: " ") { #expect(word.count <= 75) }
    }

    @Test("an ASCII subject that looks like an encoded word is encoded so it reads literally")
    func literalEncodedWordText() throws {
        let message = try MailMessage(to: ["ana@example.com"], subject: "=?UTF-8?B?SGFjaw==?=", text: "t")
        let fields = Dictionary(headers(render(message)), uniquingKeysWith: { first, _ in first })
        #expect(MailTestText.decodeEncodedWords(fields["Subject"]!) == "=?UTF-8?B?SGFjaw==?=")
    }

    @Test("a subject that tries to add headers stays one Subject header")
    func noHeaderInjection() throws {
        let message = try MailMessage(to: ["ana@example.com"], subject: "Hola\r\nBcc: victim@evil.test\r\n\r\nbody",
                                      text: "Hola\r\nBcc: nope@evil.test")
        let rendered = render(message)
        let names = headers(rendered).map(\.0)
        #expect(names == ["Date", "From", "To", "Subject", "Message-ID", "MIME-Version", "Auto-Submitted",
                          "Content-Type", "Content-Transfer-Encoding"])
        #expect(!rendered.components(separatedBy: "\r\n\r\n")[0].contains("\r\nBcc:"))
    }

    @Test("with HTML the message is multipart/alternative: text first, then HTML")
    func multipart() throws {
        let message = try MailMessage(to: ["ana@example.com"], subject: "Aviso", text: "Código: SOL-2026-11-00000001",
                                      html: "<p>Código: <b>SOL-2026-11-00000001</b></p>")
        let rendered = render(message)
        let fields = Dictionary(headers(rendered), uniquingKeysWith: { first, _ in first })
        #expect(fields["Content-Type"] == "multipart/alternative; boundary=\"=_B0UND\"")
        #expect(fields["Content-Transfer-Encoding"] == nil)
        let body = rendered.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        let parts = body.components(separatedBy: "--=_B0UND")
        #expect(parts.count == 4)
        #expect(parts[3] == "--\r\n")
        #expect(parts[1].contains("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nC=C3=B3digo: SOL-2026-11-00000001\r\n"))
        #expect(parts[2].contains("Content-Type: text/html; charset=UTF-8\r\n"))
        #expect(MailTestText.decodeQuotedPrintable(parts[2]).contains("<p>Código: <b>SOL-2026-11-00000001</b></p>"))
    }

    @Test("quoted-printable: escapes, trailing spaces, leading dots, soft breaks, round trip")
    func quotedPrintable() {
        #expect(QuotedPrintable.encode("a=b ñ") == "a=3Db =C3=B1")
        #expect(QuotedPrintable.encode("fin \nsigue\t") == "fin=20\r\nsigue=09")
        #expect(QuotedPrintable.encode(".\n..x") == "=2E\r\n=2E.x")
        let long = String(repeating: "abcdefghij", count: 20)
        let encoded = QuotedPrintable.encode(long)
        for line in encoded.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 76) }
        #expect(MailTestText.decodeQuotedPrintable(encoded) == long)
        let mixed = "Línea uno\r\nLínea dos = 2 \u{1F69A}\nTres.\n.\nfin " + String(repeating: "é", count: 100)
        #expect(MailTestText.decodeQuotedPrintable(QuotedPrintable.encode(mixed))
                == mixed.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test("Date header format", arguments: [
        (Int64(0), "Thu, 01 Jan 1970 00:00:00 +0000"),
        (Int64(1_709_251_199_999), "Thu, 29 Feb 2024 23:59:59 +0000"),
        (Int64(1_794_353_109_000), "Tue, 10 Nov 2026 23:25:09 +0000"),
        (Int64(-1_000), "Wed, 31 Dec 1969 23:59:59 +0000"),
    ])
    func dates(millis: Int64, expected: String) {
        #expect(MailComposer.rfc5322Date(utcMilliseconds: millis) == expected)
    }

    @Test("the default rendering uses a fresh Message-ID at the sender's domain")
    func randomIdentifiers() throws {
        let message = try MailMessage(to: ["ana@example.com"], subject: "s", text: "t")
        let composer = MailComposer(from: from)
        let first = Dictionary(headers(String(decoding: composer.render(message), as: UTF8.self)), uniquingKeysWith: { a, _ in a })
        let second = Dictionary(headers(String(decoding: composer.render(message), as: UTF8.self)), uniquingKeysWith: { a, _ in a })
        let id = try #require(first["Message-ID"])
        #expect(id.hasPrefix("<") && id.hasSuffix("@example.com>") && id.count == 32 + "<@example.com>".count)
        #expect(first["Message-ID"] != second["Message-ID"])
        #expect(Base64.encode(Array("Ma".utf8)) == "TWE=" && Base64.encode(Array("M".utf8)) == "TQ==")
    }
}
