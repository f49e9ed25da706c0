import Glibc

/// The signals the serve process waits for with sigwait on its main thread (SIGTERM, SIGINT, SIGHUP).
enum TerminationSignals {
    /// Runs `body` (which starts a thread) with the termination signals blocked, so the new thread inherits the
    /// mask and never takes them; the caller's mask is restored afterwards.
    static func blocked<T>(_ body: () throws -> T) rethrows -> T {
        var blocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&blocked)
        for signal in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&blocked, signal) }
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        return try body()
    }
}
