import AppCore
import Foundation
import TestSupport
import Glibc

/// The SMTP sink that `scripts/test` runs (`tests/support/smtp_sink.py`), found through its environment, and
/// the messages it stored.
enum SMTPSink {
    /// A required variable is missing: these tests fail rather than skip.
    struct MissingEnvironment: Error, CustomStringConvertible {
        /// The variable that is not set.
        let variable: String
        var description: String { "\(variable) is not set: run scripts/test, which starts the SMTP sink" }
    }

    /// One message the sink accepted.
    struct Message {
        /// The envelope recipients.
        let recipients: [String]
        /// The envelope sender.
        let sender: String
        /// The headers, unfolded, in order.
        let headers: [(name: String, value: String)]
        /// Everything after the blank line, as received.
        let body: String

        /// The first header called `name` (case-insensitive).
        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        /// The body with quoted-printable undone (enough to search the text of every part).
        var decodedBody: String { MailTestText.decodeQuotedPrintable(body) }
    }

    /// The sink's port.
    static func port() throws -> Int {
        guard let text = ProcessInfo.processInfo.environment["VENTANILLA_TEST_SMTP_PORT"], let port = Int(text) else {
            throw MissingEnvironment(variable: "VENTANILLA_TEST_SMTP_PORT")
        }
        return port
    }

    /// The directory where the sink stores messages.
    static func directory() throws -> String {
        guard let directory = ProcessInfo.processInfo.environment["VENTANILLA_TEST_SMTP_DIR"], !directory.isEmpty else {
            throw MissingEnvironment(variable: "VENTANILLA_TEST_SMTP_DIR")
        }
        return directory
    }

    /// Settings that deliver to the sink (or to `port`), fast retries, short timeouts.
    static func settings(port: Int? = nil, security: MailTransportSecurity = .opportunistic, maxAttempts: Int = 8,
                         retryBaseSeconds: Int = 0) throws -> MailSettings {
        MailSettings(host: "127.0.0.1", port: try port ?? Self.port(), security: security,
                     from: MailMailbox(parsing: "Ventanilla Pruebas <ventanilla@example.test>"), timeoutSeconds: 5,
                     maxAttempts: maxAttempts, retryBaseSeconds: retryBaseSeconds)
    }

    /// A unique marker for one test's recipients, so tests running in parallel find only their own messages.
    static func tag() -> String {
        "t" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
    }

    /// The stored messages with a recipient containing `tag`.
    static func messages(tagged tag: String) throws -> [Message] {
        let directory = try directory()
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".eml") }.sorted()
        return try names.compactMap { name in
            let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
            let message = parse(String(decoding: data, as: UTF8.self))
            return message.recipients.contains { $0.contains(tag) } ? message : nil
        }
    }

    /// Waits up to `seconds` until at least `count` messages tagged `tag` arrived, and returns them.
    static func waitForMessages(tagged tag: String, count: Int, seconds: Double = 10) throws -> [Message] {
        var found: [Message] = []
        _ = try Elapsed.waitUntil(seconds: seconds, interval: 0.05) {
            found = try messages(tagged: tag)
            return found.count >= count
        }
        return found
    }

    /// A TCP port on 127.0.0.1 where nothing listens (bound, then closed at once).
    static func closedPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                _ = bind(fd, raw, length)
                _ = getsockname(fd, raw, &length)
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func parse(_ text: String) -> Message {
        let split = text.range(of: "\r\n\r\n")
        let head = split.map { String(text[..<$0.lowerBound]) } ?? text
        let body = split.map { String(text[$0.upperBound...]) } ?? ""
        let headers = head.replacingOccurrences(of: "\r\n ", with: " ").replacingOccurrences(of: "\r\n\t", with: " ")
            .components(separatedBy: "\r\n").compactMap { line -> (name: String, value: String)? in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
            }
        let envelopeTo = headers.first { $0.name == "X-Sink-Rcpt-To" }?.value ?? ""
        return Message(recipients: envelopeTo.components(separatedBy: ", ").filter { !$0.isEmpty },
                       sender: headers.first { $0.name == "X-Sink-Mail-From" }?.value ?? "",
                       headers: headers.filter { !$0.name.hasPrefix("X-Sink-") }, body: body)
    }
}
