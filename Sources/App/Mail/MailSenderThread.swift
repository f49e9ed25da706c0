import AppCore
import Glibc
import Logging
import MariaDB

/// The serve process's mail sender: one dedicated pthread with its own database connection that delivers the
/// module's `mail_outbox` (FIELD-NOTES §2: blocking, no async). It runs only where the database has the table
/// (Transporte, Egresos); without `SMTP_HOST` it logs one warning and leaves the messages pending.
public final class MailSenderThread: Sendable {
    private let thread: pthread_t
    private let control: MailSenderControl
    private let configuration: MailSenderConfiguration
    private let logger: Logger

    private init(thread: pthread_t, control: MailSenderControl, configuration: MailSenderConfiguration, logger: Logger) {
        self.thread = thread
        self.control = control
        self.configuration = configuration
        self.logger = logger
    }

    /// Starts the sender of the module in `settings` (mail settings from its environment); throws
    /// `ConfigurationError` for unusable mail settings. Call from the main thread, before the workers start.
    public static func start(_ settings: ModuleSettings, logger: Logger) throws -> MailSenderThread {
        let mail = try MailSettings(environment: settings.environment)
        let database = settings.database.mariaDBConfiguration
        return try start(MailSenderConfiguration(mail: mail, database: database), logger: logger)
    }

    /// Starts a sender thread with `configuration`; returns at once.
    public static func start(_ configuration: MailSenderConfiguration, logger: Logger) throws -> MailSenderThread {
        CurlLibrary.initialize()
        MariaDBLibrary.initialize()
        var mailLogger = logger
        mailLogger[metadataKey: "thread"] = "mail"
        let control = MailSenderControl()
        let start = MailSenderStart(configuration: configuration, control: control, logger: mailLogger)
        // The serve process waits for signals with sigwait on the main thread: this thread must not take them.
        var thread = pthread_t()
        let code = TerminationSignals.blocked {
            pthread_create(&thread, nil, mailSenderThreadEntry, Unmanaged.passRetained(start).toOpaque())
        }
        guard code == 0 else {
            Unmanaged.passUnretained(start).release()
            throw MailSenderThreadError(errno: code)
        }
        return MailSenderThread(thread: thread, control: control, configuration: configuration, logger: mailLogger)
    }

    /// Whether the thread has finished (it also finishes by itself where there is nothing to send).
    public var isFinished: Bool { control.isFinished }

    /// Stops the thread: the message in flight may finish for `abortAfterMilliseconds`, then it is aborted and
    /// goes back to pending. Returns false when the thread did not end within `stopTimeoutMilliseconds` (it is
    /// then left detached; the process is about to exit anyway). Calling it again returns whether it has finished.
    @discardableResult
    public func stop() -> Bool {
        guard control.claimReaping() else { return control.isFinished }
        control.requestStop()
        let start = monotonicMilliseconds()
        var aborted = false
        while !control.isFinished {
            let elapsed = monotonicMilliseconds() - start
            if !aborted && elapsed >= configuration.abortAfterMilliseconds {
                control.requestAbort()
                aborted = true
            }
            if elapsed >= configuration.stopTimeoutMilliseconds { break }
            usleep(5_000)
        }
        guard control.isFinished else {
            pthread_detach(thread)
            logger.warning("mail sender did not stop in time; leaving it behind")
            return false
        }
        pthread_join(thread, nil)
        return true
    }
}
