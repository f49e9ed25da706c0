import FastCGI
import Glibc

/// Records the thread it was made on and the thread each request runs on (`X-Init-Thread`, `X-Handle-Thread`).
final class ThreadRecordingHandler: FastCGIHandler {
    /// One call of the handler factory.
    struct Creation: Sendable, Equatable {
        /// The worker index the factory was called with.
        let worker: Int
        /// The thread it ran on.
        let thread: UInt
    }

    private let worker: Int
    private let initThread: UInt

    /// Made by the factory, on the worker's thread; records itself in `creations`.
    init(worker: Int, creations: Locked<[Creation]>) {
        self.worker = worker
        initThread = UInt(pthread_self())
        let creation = Creation(worker: worker, thread: initThread)
        creations.withLock { $0.append(creation) }
    }

    func handle(_ exchange: FastCGIExchange) {
        let head = "Status: 200 OK\r\nX-Worker: \(worker)\r\nX-Init-Thread: \(initThread)\r\n"
            + "X-Handle-Thread: \(UInt(pthread_self()))\r\nContent-Length: 0\r\n\r\n"
        exchange.write(Array(head.utf8))
    }
}
