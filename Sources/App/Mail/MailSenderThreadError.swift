/// `pthread_create` failed for the mail sender.
public struct MailSenderThreadError: Error, CustomStringConvertible {
    /// The error number `pthread_create` returned.
    public let errno: Int32
    /// A message for the operator.
    public var description: String { "mail sender: cannot start its thread (errno \(errno))" }
}
