import Synchronization

/// The flags a sender thread shares with the thread that stops it, and with curl's progress callback.
final class MailSenderControl: Sendable {
    private let stopping = Atomic<Bool>(false)
    private let aborting = Atomic<Bool>(false)
    private let done = Atomic<Bool>(false)
    private let reaped = Atomic<Bool>(false)

    /// Asks the loop to leave after the message in flight.
    func requestStop() { stopping.store(true, ordering: .releasing) }
    /// Whether the loop should leave.
    var stopRequested: Bool { stopping.load(ordering: .acquiring) }

    /// Asks curl to abort the delivery in flight (the row goes back to pending).
    func requestAbort() { aborting.store(true, ordering: .releasing) }
    /// Whether a transfer should be aborted now.
    var abortRequested: Bool { aborting.load(ordering: .acquiring) }

    /// Marks the thread as finished (its last action).
    func markFinished() { done.store(true, ordering: .releasing) }
    /// Whether the thread has finished.
    var isFinished: Bool { done.load(ordering: .acquiring) }

    /// True for the first caller only: whoever gets it joins or detaches the thread (exactly once).
    func claimReaping() -> Bool {
        !reaped.exchange(true, ordering: .acquiringAndReleasing)
    }
}
