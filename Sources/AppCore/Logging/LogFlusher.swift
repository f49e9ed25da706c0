import Glibc
import Synchronization

/// Bounds how long a line waits in a `LogLineBuffer`: one thread per process writes every buffer's pending lines
/// each `intervalMilliseconds`, and `flushAll()` writes them at once (before the process exits, before the
/// application log is read). `flushAtExitAndOnFatalSignals()` makes a server's last lines reach the log however it
/// ends: `exit` writes them, and a crash (SIGSEGV, SIGILL from a Swift trap, SIGABRT, ...) writes them with plain
/// `write`s before the signal's previous action (the runtime's backtrace, the default) runs.
public enum LogFlusher {
    /// The longest a line waits before the flusher writes it, about: a log reader (`tail -f`, journald) sees a
    /// request's line within this time.
    public static let intervalMilliseconds = 100

    /// The buffers to flush, held weakly: a buffer lives as long as its handler or file.
    private static let registry = Mutex<[WeakBuffer]>([])
    /// Started with the first buffer; runs until the process ends.
    private static let thread = Mutex<Bool>(false)

    private struct WeakBuffer {
        weak var buffer: LogLineBuffer?
    }

    /// Adds `buffer` to those the flusher writes, starting the flusher thread with the first one.
    static func register(_ buffer: LogLineBuffer) {
        registry.withLock { entries in
            entries.removeAll { $0.buffer == nil }
            entries.append(WeakBuffer(buffer: buffer))
        }
        thread.withLock { started in
            guard !started else { return }
            // The thread starts with every signal but the faults blocked, so it never takes a SIGTERM meant for
            // the server's sigwait (a signal no thread blocks ends the process) and the mask holds from its start.
            var blocked = sigset_t(), previous = sigset_t()
            sigfillset(&blocked)
            for signal in fatalSignals { sigdelset(&blocked, signal) }
            pthread_sigmask(SIG_BLOCK, &blocked, &previous)
            defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
            var handle = pthread_t()
            started = pthread_create(&handle, nil, logFlusherEntry, nil) == 0
            if started { pthread_detach(handle) }
        }
    }

    /// Writes every buffer's pending lines now, in each buffer's order.
    public static func flushAll() {
        for buffer in buffers() { buffer.flush() }
    }

    /// Flushes every buffer when the process exits (`exit`, the end of `main`) and when it dies of a fatal signal.
    /// Call once, before the threads that log start.
    public static func flushAtExitAndOnFatalSignals() {
        atexit(logFlusherAtExit)
        for signal in fatalSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = logFlusherFatalSignal
            action.sa_flags = SA_SIGINFO | SA_ONSTACK
            sigemptyset(&action.sa_mask)
            var previous = sigaction()
            guard sigaction(signal, &action, &previous) == 0 else { continue }
            previousActions.withLock { $0[signal] = previous }
        }
    }

    /// The signals that end the process with a core or a backtrace.
    static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT]

    /// What each fatal signal did before the flusher's handler, restored before the signal is raised again.
    static let previousActions = Mutex<[Int32: sigaction]>([:])

    /// The flusher thread's loop.
    static func run() {
        while true {
            usleep(useconds_t(intervalMilliseconds * 1_000))
            for buffer in buffers() where buffer.hasPending { buffer.flush() }
        }
    }

    /// The fatal-signal path: each buffer's pending lines with one `write`, no locks taken where the crashing
    /// thread may hold them (the registry's lock only if free), then the previous action for `signal`.
    static func writeOnFatalSignal(_ signal: Int32) {
        registry.withLockIfAvailable { entries in
            for entry in entries { entry.buffer?.writeOnFatalSignal() }
        }
        var previous = sigaction()  // SIG_DFL, when the saved action cannot be read
        if let saved = previousActions.withLockIfAvailable({ $0[signal] }), let saved { previous = saved }
        sigaction(signal, &previous, nil)
        // Blocked while this handler runs: delivered to the previous action as soon as it returns (a fault that
        // returns re-executes its instruction and faults again, also under the previous action).
        raise(signal)
    }

    private static func buffers() -> [LogLineBuffer] {
        registry.withLock { entries in entries.compactMap(\.buffer) }
    }
}

/// The flusher thread's start routine: a nonisolated global function (FIELD-NOTES §3 row 4).
private func logFlusherEntry(_ argument: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    LogFlusher.run()
    return nil
}

/// Runs at `exit`.
private func logFlusherAtExit() {
    LogFlusher.flushAll()
}

/// The fatal signals' handler.
private func logFlusherFatalSignal(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    LogFlusher.writeOnFatalSignal(signal)
}
