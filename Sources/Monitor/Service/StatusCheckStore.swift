import Foundation

/// The process's latest status-check results, read by `GET /api/diagnostico/checks` (monitor.md §4.13): written
/// by the periodic run (at start and every 5 minutes, §8.2), kept in memory as the original does.
public final class StatusCheckStore: @unchecked Sendable {
    private let lock = NSLock()
    private var lastRun: Int64?
    private var results: [StatusCheck] = []

    /// An empty store (no run yet).
    public init() {}

    /// Replaces the results with those of a run that ended at `millis`.
    func record(_ checks: [StatusCheck], at millis: Int64) {
        lock.lock()
        defer { lock.unlock() }
        lastRun = millis
        results = checks
    }

    /// The latest run's time and results (`nil`, `[]` before the first run).
    var latest: (lastRun: Int64?, checks: [StatusCheck]) {
        lock.lock()
        defer { lock.unlock() }
        return (lastRun, results)
    }
}
