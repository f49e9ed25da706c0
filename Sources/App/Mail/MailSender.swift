import AppCore
import Logging
import MariaDB

/// Delivers a module's outbox: claims due rows, sends each over the transport, and records the outcome: sent,
/// retry later with exponential backoff, or failed after `MAIL_MAX_ATTEMPTS`. A server that cannot be reached at
/// all is not the message's failure: the message waits `MAIL_RETRY_BASE_SECONDS` with no attempt counted, so an
/// outage of any length loses nothing. Never throws a delivery failure;
/// only database errors escape a pass (the caller logs them and tries again later).
///
/// Not `Sendable`: the sender thread makes it, with its own connection, and is its only user.
public final class MailSender {
    /// Rows claimed per pass.
    public let batchSize: Int
    /// How long a claim lasts before `recoverStale()` takes the row back, in seconds: long enough for a whole
    /// batch of deliveries at their time limit.
    public var leaseSeconds: Int { batchSize * settings.timeoutSeconds * 6 + 60 }

    let settings: MailSettings
    private let queue: MailOutboxQueue
    private let transport: any MailTransport
    private let control: MailSenderControl?
    private let logger: Logger

    /// A sender on `connection` that delivers through `transport` (by default libcurl SMTP with `settings`).
    public convenience init(settings: MailSettings, connection: MariaDBConnection, transport: (any MailTransport)? = nil,
                            batchSize: Int = 10, logger: Logger) {
        self.init(settings: settings, connection: connection, transport: transport, control: nil,
                  batchSize: batchSize, logger: logger)
    }

    init(settings: MailSettings, connection: MariaDBConnection, transport: (any MailTransport)?,
         control: MailSenderControl?, batchSize: Int, logger: Logger) {
        self.settings = settings
        self.queue = MailOutboxQueue(connection: connection)
        self.transport = transport ?? CurlSMTPTransport(settings: settings, control: control)
        self.control = control
        self.batchSize = max(1, batchSize)
        self.logger = logger
    }

    /// Whether the connection's database has the outbox table.
    public func outboxExists() throws -> Bool {
        try queue.tableExists()
    }

    /// Returns rows whose claim outlived the lease to pending (or failed); returns how many.
    @discardableResult
    public func recoverStale() throws -> Int {
        let count = try queue.recoverStale(leaseSeconds: leaseSeconds, maxAttempts: settings.maxAttempts)
        if count > 0 {
            logger.warning("mail: took back messages left in 'sending' past their lease", metadata: ["count": "\(count)"])
        }
        return count
    }

    /// Claims up to `batchSize` due messages and tries each once. Does nothing when delivery is not configured.
    @discardableResult
    public func processDue() throws -> MailSenderPass {
        var pass = MailSenderPass()
        guard settings.isConfigured, let from = settings.from else { return pass }
        let token = MailComposer.randomToken()
        let batch = try queue.claimDue(limit: batchSize, token: token)
        pass.claimed = batch.count
        let composer = MailComposer(from: from)
        var unreachable: String?  // the error of this pass's failed connection, once there was one
        for mail in batch {
            if control?.stopRequested == true {
                try queue.release(mail, token: token)
                pass.released += 1
                continue
            }
            if let error = unreachable {
                // One failed connection a pass is enough: the rest wait with it instead of each trying again.
                try queue.postpone(mail, token: token, error: "not tried: \(error)", delaySeconds: unreachableDelaySeconds)
                pass.postponed += 1
                continue
            }
            unreachable = try deliver(mail, token: token, composer: composer, sender: from.address, pass: &pass)
        }
        if unreachable != nil {
            logger.warning("mail: the SMTP server cannot be reached; messages wait in the outbox", metadata: [
                "postponed": "\(pass.postponed)", "retry_in_seconds": "\(unreachableDelaySeconds)"])
        }
        return pass
    }

    /// How long a message waits after the server could not be reached: the first retry delay, whatever the
    /// message's attempts, so an outage of any length neither uses up `MAIL_MAX_ATTEMPTS` nor stretches the wait
    /// after the server is back beyond `MAIL_RETRY_BASE_SECONDS`.
    private var unreachableDelaySeconds: Int { settings.retryDelaySeconds(afterAttempts: 1) }

    /// Tries MAIL once and records the outcome; when the SMTP server could not be reached (MAIL is then postponed
    /// without counting an attempt), the error's message.
    private func deliver(_ mail: OutboxMail, token: String, composer: MailComposer, sender: MailAddress,
                         pass: inout MailSenderPass) throws -> String? {
        let attempt = mail.attempts + 1
        var metadata: Logger.Metadata = ["outbox_id": "\(mail.id)", "attempt": "\(attempt)"]
        let message: MailMessage
        do {
            message = try MailMessage(to: mail.recipients, subject: mail.subject, text: mail.text, html: mail.html)
        } catch {
            // A row written around MariaDBMailOutbox (by hand, say): retrying cannot help.
            try queue.markAttemptFailed(mail, token: token, error: "not a valid message: \(error)", delaySeconds: 0,
                                        final: true)
            logger.error("mail: outbox row is not a valid message; marked failed", metadata: metadata)
            pass.failed += 1
            return nil
        }
        do throws(MailDeliveryError) {
            try transport.deliver(composer.render(message), from: sender, to: message.to)
        } catch {
            metadata["error"] = "\(error.message)"
            if error.abortedForShutdown {
                try queue.release(mail, token: token)
                logger.notice("mail: delivery interrupted by shutdown; it will be tried again", metadata: metadata)
                pass.released += 1
                return nil
            }
            if error.serverUnreachable {
                try queue.postpone(mail, token: token, error: error.message, delaySeconds: unreachableDelaySeconds)
                pass.postponed += 1
                return error.message
            }
            let final = attempt >= settings.maxAttempts
            let delay = final ? 0 : settings.retryDelaySeconds(afterAttempts: attempt)
            try queue.markAttemptFailed(mail, token: token, error: error.message, delaySeconds: delay, final: final)
            if final {
                logger.error("mail: delivery failed for good", metadata: metadata)
                pass.failed += 1
            } else {
                metadata["retry_in_seconds"] = "\(delay)"
                logger.warning("mail: delivery failed; will retry", metadata: metadata)
                pass.retried += 1
            }
            return nil
        }
        try queue.markSent(mail, token: token)
        logger.info("mail: sent", metadata: metadata)
        pass.sent += 1
        return nil
    }
}
