import App
import AppCore
import Foundation
import TestSupport
import MariaDB
import Testing

/// The outbox and the sender against a real MariaDB and a real SMTP server (the sink `scripts/test` starts).
@Suite("Mail outbox delivery over SMTP")
struct MailDeliveryTests {
    private let logger = MigrationTestDatabase.logger

    private struct Rollback: Error {}

    @Test("messages enqueued in a committed transaction are delivered with their recipients, subject and code")
    func committedIsDelivered() throws {
        let tag = SMTPSink.tag()
        try MailTestDatabase.withOutbox { connection, _ in
            let requester = "solicitante.\(tag)@example.test"
            let approver = "aprobador.\(tag)@example.test"
            let (first, second) = try connection.transaction {
                let outbox = MariaDBMailOutbox(connection: connection)
                let first = try outbox.enqueue(try MailMessage(
                    to: [requester], subject: "Solicitud SOL-2026-11-00000001 registrada",
                    text: "Su solicitud SOL-2026-11-00000001 fue registrada.\nServicio: 2026-11-20 08:00"))
                let second = try MariaDBMailOutbox.enqueue(try MailMessage(
                    to: [approver, "copia.\(tag)@example.test"], subject: "Aprobación pendiente: SOL-2026-11-00000001 — camión",
                    text: "Tiene una solicitud por aprobar: SOL-2026-11-00000001.",
                    html: "<p>Tiene una solicitud por aprobar: <b>SOL-2026-11-00000001</b>.</p>"), on: connection)
                return (first, second)
            }
            let pass = try MailSender(settings: try SMTPSink.settings(), connection: connection, logger: logger).processDue()
            #expect(pass.claimed == 2 && pass.sent == 2)

            let messages = try SMTPSink.waitForMessages(tagged: tag, count: 2)
            #expect(messages.count == 2)
            let toRequester = try #require(messages.first { $0.recipients == [requester] })
            #expect(toRequester.sender == "ventanilla@example.test")
            #expect(toRequester.header("To") == requester)
            #expect(toRequester.header("From") == "\"Ventanilla Pruebas\" <ventanilla@example.test>")
            #expect(toRequester.header("Subject") == "Solicitud SOL-2026-11-00000001 registrada")
            #expect(toRequester.decodedBody.contains("Su solicitud SOL-2026-11-00000001 fue registrada.\r\nServicio: 2026-11-20 08:00"))
            #expect(toRequester.header("Message-ID")?.hasSuffix("@example.test>") == true)
            #expect(toRequester.header("Date") != nil)

            let toApprover = try #require(messages.first { $0.recipients.contains(approver) })
            #expect(toApprover.recipients == [approver, "copia.\(tag)@example.test"])
            #expect(MailTestText.decodeEncodedWords(toApprover.header("Subject") ?? "")
                    == "Aprobación pendiente: SOL-2026-11-00000001 — camión")
            #expect(toApprover.header("Content-Type")?.hasPrefix("multipart/alternative;") == true)
            #expect(toApprover.decodedBody.contains("Tiene una solicitud por aprobar: SOL-2026-11-00000001."))
            #expect(toApprover.decodedBody.contains("<b>SOL-2026-11-00000001</b>"))

            for id in [first, second] {
                let row = try MailTestDatabase.row(id, on: connection)
                #expect(row.status == "sent" && row.attempts == 1 && row.sent && row.lastError == nil && !row.claimed)
            }
            #expect(try MailSender(settings: try SMTPSink.settings(), connection: connection, logger: logger).processDue().claimed == 0)
        }
    }

    @Test("a message enqueued in a transaction that rolls back is never sent")
    func rolledBackIsNotSent() throws {
        let tag = SMTPSink.tag()
        try MailTestDatabase.withOutbox { connection, _ in
            #expect(throws: Rollback.self) {
                try connection.transaction {
                    try MariaDBMailOutbox(connection: connection).enqueue(try MailMessage(
                        to: ["nadie.\(tag)@example.test"], subject: "No debe llegar", text: "SOL-2026-11-00000002"))
                    throw Rollback()
                }
            }
            #expect(try MailTestDatabase.count(on: connection) == 0)
            let pass = try MailSender(settings: try SMTPSink.settings(), connection: connection, logger: logger).processDue()
            #expect(pass.claimed == 0)
            usleep(200_000)
            #expect(try SMTPSink.messages(tagged: tag).isEmpty)
        }
    }

    @Test("a server that cannot be reached puts the whole batch off with no attempt counted; once it is up the messages go")
    func retryAfterServerDown() throws {
        let tag = SMTPSink.tag()
        try MailTestDatabase.withOutbox { connection, _ in
            let ids = try (1...3).map { n in
                try MariaDBMailOutbox.enqueue(try MailMessage(
                    to: ["reintento\(n).\(tag)@example.test"], subject: "Reintento \(n)",
                    text: "Código SOL-2026-11-0000000\(n)"), on: connection)
            }
            // Three passes with the server down, each a failed connection for the first message only.
            let down = MailSender(settings: try SMTPSink.settings(port: SMTPSink.closedPort(), maxAttempts: 2),
                                  connection: connection, logger: logger)
            for _ in 1...3 {
                let pass = try down.processDue()
                #expect(pass.claimed == 3 && pass.postponed == 3 && pass.retried == 0 && pass.failed == 0 && pass.sent == 0)
            }
            for id in ids {
                let row = try MailTestDatabase.row(id, on: connection)
                #expect(row.status == "pending" && row.attempts == 0 && !row.claimed, "no attempt used up: \(row)")
            }
            #expect(try MailTestDatabase.row(ids[0], on: connection).lastError?.contains("curl 7") == true)

            // The last pass with the server down waits MAIL_RETRY_BASE_SECONDS (1 s) instead of 0: nothing is due before.
            let up = MailSender(settings: try SMTPSink.settings(retryBaseSeconds: 1), connection: connection, logger: logger)
            _ = try MailSender(settings: try SMTPSink.settings(port: SMTPSink.closedPort(), retryBaseSeconds: 1),
                               connection: connection, logger: logger).processDue()
            #expect(try up.processDue().claimed == 0, "not due before MAIL_RETRY_BASE_SECONDS")
            usleep(1_100_000)
            #expect(try up.processDue().sent == 3)
            for id in ids {
                let row = try MailTestDatabase.row(id, on: connection)
                #expect(row.status == "sent" && row.attempts == 1 && row.sent && row.lastError == nil)
            }
            let messages = try SMTPSink.waitForMessages(tagged: tag, count: 3)
            #expect(messages.count == 3 && messages.contains { $0.decodedBody.contains("SOL-2026-11-00000003") })
        }
    }

    @Test("a recipient the server refuses makes the attempt fail with the server's reply, to be retried")
    func refusedBySink() throws {
        let tag = SMTPSink.tag()
        try MailTestDatabase.withOutbox { connection, _ in
            let id = try MariaDBMailOutbox.enqueue(try MailMessage(
                to: ["refuse.\(tag)@example.test"], subject: "Rechazo", text: "x"), on: connection)
            let pass = try MailSender(settings: try SMTPSink.settings(retryBaseSeconds: 60), connection: connection,
                                      logger: logger).processDue()
            #expect(pass.retried == 1)
            let row = try MailTestDatabase.row(id, on: connection)
            #expect(row.status == "pending" && row.attempts == 1 && row.dueInFuture)
            #expect(row.lastError?.contains("550") == true, "\(row.lastError ?? "-")")
        }
    }

    @Test("STARTTLS required against a server without it fails the attempt instead of sending in clear")
    func startTLSRequired() throws {
        let tag = SMTPSink.tag()
        try MailTestDatabase.withOutbox { connection, _ in
            let id = try MariaDBMailOutbox.enqueue(try MailMessage(
                to: ["tls.\(tag)@example.test"], subject: "TLS", text: "x"), on: connection)
            let pass = try MailSender(settings: try SMTPSink.settings(security: .required), connection: connection,
                                      logger: logger).processDue()
            #expect(pass.retried == 1)
            #expect(try MailTestDatabase.row(id, on: connection).lastError?.contains("curl 64") == true)
            usleep(200_000)
            #expect(try SMTPSink.messages(tagged: tag).isEmpty)
        }
    }

    @Test("after MAIL_MAX_ATTEMPTS failed attempts the message is marked failed and left alone")
    func maxAttempts() throws {
        try MailTestDatabase.withOutbox { connection, _ in
            // A recipient the server refuses (550): a conversation that failed, so it counts.
            let id = try MariaDBMailOutbox.enqueue(try MailMessage(
                to: ["refuse.\(SMTPSink.tag())@example.test"], subject: "Fallo", text: "x"), on: connection)
            let sender = MailSender(settings: try SMTPSink.settings(maxAttempts: 2), connection: connection, logger: logger)
            #expect(try sender.processDue().retried == 1)
            #expect(try MailTestDatabase.row(id, on: connection).status == "pending")
            #expect(try sender.processDue().failed == 1)
            let row = try MailTestDatabase.row(id, on: connection)
            #expect(row.status == "failed" && row.attempts == 2 && !row.sent && row.lastError != nil && !row.claimed)
            #expect(try sender.processDue().claimed == 0)
        }
    }

    @Test("a row left in 'sending' past its lease returns to pending, counting the interrupted attempt")
    func staleClaimRecovered() throws {
        try MailTestDatabase.withOutbox { connection, _ in
            let id = try MariaDBMailOutbox.enqueue(try MailMessage(to: ["stale@example.test"], subject: "s", text: "t"),
                                                   on: connection)
            let sender = MailSender(settings: try SMTPSink.settings(), connection: connection, logger: logger)
            try connection.execute("""
                UPDATE mail_outbox SET status = 'sending', claim_token = 'x', claimed_at = UTC_TIMESTAMP(3) WHERE id = \(id)
                """)
            #expect(try sender.recoverStale() == 0, "a fresh claim is left alone")
            try connection.execute("""
                UPDATE mail_outbox SET claimed_at = DATE_SUB(UTC_TIMESTAMP(3), INTERVAL \(sender.leaseSeconds + 5) SECOND)
                WHERE id = \(id)
                """)
            #expect(try sender.recoverStale() == 1)
            let row = try MailTestDatabase.row(id, on: connection)
            #expect(row.status == "pending" && row.attempts == 1 && !row.claimed && row.lastError != nil)
        }
    }

    @Test("without SMTP_HOST nothing is claimed: messages stay pending")
    func unconfiguredLeavesPending() throws {
        try MailTestDatabase.withOutbox { connection, configuration in
            let id = try MariaDBMailOutbox.enqueue(try MailMessage(to: ["espera@example.test"], subject: "s", text: "t"),
                                                   on: connection)
            let unconfigured = try MailSettings(environment: Environment(module: .egresos, values: [:]))
            #expect(!unconfigured.isConfigured)
            #expect(try MailSender(settings: unconfigured, connection: connection, logger: logger).processDue() == MailSenderPass())

            let thread = try MailSenderThread.start(
                MailSenderConfiguration(mail: unconfigured, database: configuration, pollIntervalMilliseconds: 20), logger: logger)
            #expect(waitUntil(seconds: 5) { thread.isFinished }, "the thread leaves by itself when delivery is not configured")
            #expect(thread.stop())
            let row = try MailTestDatabase.row(id, on: connection)
            #expect(row.status == "pending" && row.attempts == 0)
        }
    }

    @Test("the sender thread delivers committed mail on its own and stops promptly")
    func threadDeliversAndStops() throws {
        let tag = SMTPSink.tag()
        try MailTestDatabase.withOutbox { connection, configuration in
            let thread = try MailSenderThread.start(
                MailSenderConfiguration(mail: try SMTPSink.settings(), database: configuration, pollIntervalMilliseconds: 50),
                logger: logger)
            defer { thread.stop() }
            let id = try connection.transaction {
                try MariaDBMailOutbox(connection: connection).enqueue(try MailMessage(
                    to: ["hilo.\(tag)@example.test"], subject: "Por el hilo", text: "SOL-2026-11-00000004"))
            }
            let messages = try SMTPSink.waitForMessages(tagged: tag, count: 1)
            #expect(messages.count == 1 && messages.first?.decodedBody.contains("SOL-2026-11-00000004") == true)
            #expect(waitUntil(seconds: 5) { (try? MailTestDatabase.row(id, on: connection).status) == "sent" })
            #expect(!thread.isFinished)
            let stopping = Elapsed.measure { thread.stop() }
            #expect(stopping.result)
            #expect(stopping.seconds < 1)
            #expect(thread.stop(), "stopping twice is harmless")
        }
    }

    @Test("in a database without the outbox table (Monitor) the thread leaves by itself")
    func noOutboxNoThread() throws {
        try MigrationTestDatabase.withConnection { _, name in
            let thread = try MailSenderThread.start(
                MailSenderConfiguration(mail: try SMTPSink.settings(), database: try MigrationTestDatabase.configuration(database: name),
                                        pollIntervalMilliseconds: 20), logger: logger)
            #expect(waitUntil(seconds: 5) { thread.isFinished })
            #expect(thread.stop())
        }
    }

    private func waitUntil(seconds: Double, _ condition: () -> Bool) -> Bool {
        Elapsed.waitUntil(seconds: seconds, condition)
    }
}
