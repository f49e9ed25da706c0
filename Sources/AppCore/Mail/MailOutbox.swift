/// Where a service puts the mail that reports a change, inside the transaction that makes the change
/// (rulings 2 and T6): the message is delivered after the commit, and never if the transaction rolls back.
/// A delivery failure never reaches the service.
public protocol MailOutbox {
    /// Queues `message`; returns the outbox row id.
    @discardableResult
    func enqueue(_ message: MailMessage) throws -> Int64
}
