import Foundation
import Logging
import MariaDB

/// A task the serve process runs at start and then every `interval` on its own thread and database connection
/// (Monitor's status checks, monitor.md §8.2: every 5 minutes). The thread blocks SIGTERM/SIGINT/SIGHUP (the main
/// thread waits for them with sigwait) and ends when `stop()` is called; a run in progress finishes first.
public final class PeriodicThread: @unchecked Sendable {
    private let condition = NSCondition()
    private var stopping = false
    private var finished = false

    /// One run of the periodic work, over the thread's connection.
    public typealias Task = @Sendable (MariaDBConnection, Logger) -> Void

    private init() {}

    /// Starts the thread: `task` runs at once, then every `interval` seconds, each time with a connection from
    /// `database` (opened lazily by the connection on first use; reconnects as it does for workers).
    public static func start(every interval: TimeInterval, database: MariaDBConfiguration, logger: Logger,
                             task: @escaping Task) -> PeriodicThread {
        let periodic = PeriodicThread()
        let thread = Thread {
            MariaDBLibrary.threadInit()
            let connection = MariaDBConnection(configuration: database, logger: logger)
            periodic.loop(interval: interval) { task(connection, logger) }
            connection.close()
            MariaDBLibrary.threadEnd()
            periodic.condition.lock()
            periodic.finished = true
            periodic.condition.broadcast()
            periodic.condition.unlock()
        }
        TerminationSignals.blocked { thread.start() }
        return periodic
    }

    private func loop(interval: TimeInterval, _ run: () -> Void) {
        while true {
            run()
            condition.lock()
            let deadline = Date(timeIntervalSinceNow: interval)
            while !stopping && condition.wait(until: deadline) {}
            let stop = stopping
            condition.unlock()
            if stop { return }
        }
    }

    /// Asks the thread to end and waits until it has (after the run in progress, if any).
    public func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }
}
