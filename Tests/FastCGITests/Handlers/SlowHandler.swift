import FastCGI
import Glibc
import Synchronization

/// Sleeps before answering with `responseSize` pattern bytes; counts requests started and finished in `probe`.
final class SlowHandler: FastCGIHandler {
    /// Counters the test watches.
    final class Probe: Sendable {
        private let startedCount = Atomic<Int>(0)
        private let finishedCount = Atomic<Int>(0)

        /// Requests that entered `handle`.
        var started: Int { startedCount.load(ordering: .acquiring) }
        /// Requests whose response was written completely.
        var finished: Int { finishedCount.load(ordering: .acquiring) }

        fileprivate func didStart() { startedCount.add(1, ordering: .acquiringAndReleasing) }
        fileprivate func didFinish() { finishedCount.add(1, ordering: .acquiringAndReleasing) }
    }

    private let probe: Probe
    private let milliseconds: Int
    private let responseSize: Int

    /// A handler that sleeps `milliseconds` per request.
    init(probe: Probe, milliseconds: Int, responseSize: Int) {
        self.probe = probe
        self.milliseconds = milliseconds
        self.responseSize = responseSize
    }

    func handle(_ exchange: FastCGIExchange) {
        probe.didStart()
        usleep(useconds_t(milliseconds * 1_000))
        let body = TestData.pattern(count: responseSize)
        let head = "Status: 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: \(body.count)\r\n\r\n"
        if exchange.write(Array(head.utf8)), exchange.write(body) { probe.didFinish() }
    }
}
