/// Why one SMTP delivery failed: curl's error and the server's last reply code. Never holds credentials
/// (they are not part of the URL, and curl does not echo them).
public struct MailDeliveryError: Error, CustomStringConvertible, Sendable {
    /// A one-line explanation, for `last_error` and the log.
    public let message: String
    /// True when the delivery was cut short because the process is stopping (not the message's fault).
    public let abortedForShutdown: Bool
    /// True when no SMTP conversation took place: the server could not be resolved or reached, or said nothing
    /// before the connection failed or timed out. Nothing was handed over, and the message is not at fault.
    public let serverUnreachable: Bool

    /// An error with `message`.
    public init(_ message: String, abortedForShutdown: Bool = false, serverUnreachable: Bool = false) {
        self.message = message
        self.abortedForShutdown = abortedForShutdown
        self.serverUnreachable = serverUnreachable
    }

    /// The message.
    public var description: String { message }
}
