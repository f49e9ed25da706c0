import AppCore
import MariaDB

/// What a sender thread needs: plain Sendable values, the connection and transport are made on the thread.
public struct MailSenderConfiguration: Sendable {
    /// SMTP and retry settings.
    public var mail: MailSettings
    /// The module's database.
    public var database: MariaDBConfiguration
    /// Pause between passes when nothing was due, in milliseconds.
    public var pollIntervalMilliseconds: Int
    /// Rows claimed per pass.
    public var batchSize: Int
    /// At shutdown, how long a delivery in flight may finish before it is aborted, in milliseconds.
    public var abortAfterMilliseconds: Int
    /// At shutdown, how long to wait for the thread in all, in milliseconds.
    public var stopTimeoutMilliseconds: Int

    /// A configuration; the defaults suit production.
    public init(mail: MailSettings, database: MariaDBConfiguration, pollIntervalMilliseconds: Int = 1_000,
                batchSize: Int = 10, abortAfterMilliseconds: Int = 1_000, stopTimeoutMilliseconds: Int = 3_000) {
        self.mail = mail
        self.database = database
        self.pollIntervalMilliseconds = max(10, pollIntervalMilliseconds)
        self.batchSize = max(1, batchSize)
        self.abortAfterMilliseconds = max(0, abortAfterMilliseconds)
        self.stopTimeoutMilliseconds = max(abortAfterMilliseconds, stopTimeoutMilliseconds)
    }
}
