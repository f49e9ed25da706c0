import AppCore
import Glibc
import Logging
import MariaDB

/// What the thread needs; the connection and the transport are made on the thread itself.
final class MailSenderStart: Sendable {
    let configuration: MailSenderConfiguration
    let control: MailSenderControl
    let logger: Logger

    init(configuration: MailSenderConfiguration, control: MailSenderControl, logger: Logger) {
        self.configuration = configuration
        self.control = control
        self.logger = logger
    }

    /// The thread's whole life.
    func run() {
        defer { control.markFinished() }
        MariaDBLibrary.threadInit()
        defer { MariaDBLibrary.threadEnd() }
        let connection = MariaDBConnection(configuration: configuration.database, logger: logger)
        defer { connection.close() }
        let sender = MailSender(settings: configuration.mail, connection: connection, transport: nil, control: control,
                                batchSize: configuration.batchSize, logger: logger)
        guard waitForOutbox(sender) else { return }
        guard configuration.mail.isConfigured else {
            logger.warning("mail delivery is not configured (SMTP_HOST unset): messages stay pending in mail_outbox")
            return
        }
        logger.info("mail sender started", metadata: ["smtp": "\(configuration.mail)"])
        loop(sender)
        logger.info("mail sender stopped")
    }

    /// Checks that the database has the outbox, retrying while it is unreachable; false when it has none or
    /// the process is stopping.
    private func waitForOutbox(_ sender: MailSender) -> Bool {
        var failures = 0
        while !control.stopRequested {
            do {
                if try sender.outboxExists() { return true }
                logger.debug("no mail_outbox table in this database: no mail sender")
                return false
            } catch {
                failures += 1
                if failures == 1 || failures % 60 == 0 {
                    logger.error("mail sender: cannot check for the outbox table", metadata: ["error": "\(error)"])
                }
                pause(milliseconds: max(configuration.pollIntervalMilliseconds, 1_000))
            }
        }
        return false
    }

    private func loop(_ sender: MailSender) {
        var nextRecovery = 0
        var failures = 0
        while !control.stopRequested {
            var busy = false
            do {
                if monotonicMilliseconds() >= nextRecovery {
                    try sender.recoverStale()
                    nextRecovery = monotonicMilliseconds() + 60_000
                }
                let pass = try sender.processDue()
                busy = pass.claimed == sender.batchSize
                if failures > 0 { logger.notice("mail sender: database reachable again") }
                failures = 0
            } catch {
                // Logged at the first failure and then once a minute or so, never with a message's contents.
                failures += 1
                if failures == 1 || failures % 60 == 0 {
                    logger.error("mail sender: database error; retrying",
                                 metadata: ["error": "\(error)", "failures": "\(failures)"])
                }
            }
            // While the database fails, back off up to 30 s so its own connection warnings do not flood the log.
            if !busy { pause(milliseconds: max(configuration.pollIntervalMilliseconds, min(failures, 30) * 1_000)) }
        }
    }

    /// Sleeps in small steps so that a stop request is seen within 50 ms.
    private func pause(milliseconds: Int) {
        let end = monotonicMilliseconds() + milliseconds
        while !control.stopRequested {
            let left = end - monotonicMilliseconds()
            if left <= 0 { return }
            usleep(useconds_t(min(left, 50) * 1_000))
        }
    }
}

/// The pthread start routine: a nonisolated global function, never a closure literal (FIELD-NOTES §3 row 4).
func mailSenderThreadEntry(_ argument: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    guard let argument else { return nil }
    Unmanaged<MailSenderStart>.fromOpaque(argument).takeRetainedValue().run()
    return nil
}

func monotonicMilliseconds() -> Int {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return now.tv_sec * 1_000 + now.tv_nsec / 1_000_000
}
