internal import CFastCGI
import Glibc
import Logging
import Synchronization

/// A FastCGI responder in the PHP-FPM model: N blocking worker threads share one listening socket, each
/// accepting with `FCGX_Accept_r` and serving one request at a time with its own handler.
public final class FastCGIServer: Sendable {
    /// Makes the handler of worker `index`; called on that worker's thread.
    public typealias HandlerFactory = @Sendable (_ index: Int) throws -> any FastCGIHandler

    private let configuration: FastCGIConfiguration
    private let logger: Logger
    private let socket: ListeningSocket
    private let threads: [pthread_t]
    private let stopping: ShutdownFlag

    private init(configuration: FastCGIConfiguration, logger: Logger, socket: ListeningSocket,
                 threads: [pthread_t], stopping: ShutdownFlag) {
        self.configuration = configuration
        self.logger = logger
        self.socket = socket
        self.threads = threads
        self.stopping = stopping
    }

    /// Opens the endpoint and starts the workers; returns at once. Call `stop()` to shut down.
    public static func start(_ configuration: FastCGIConfiguration, logger: Logger,
                             makeHandler: @escaping HandlerFactory) throws -> FastCGIServer {
        // libfcgi installs a no-op SIGPIPE handler only in some paths; never depend on init order (pitfall 7).
        signal(SIGPIPE, SIG_IGN)
        _ = FCGX_Init()
        let socket = try ListeningSocket.open(configuration.endpoint, backlog: configuration.backlog)
        let stopping = ShutdownFlag()
        var threads: [pthread_t] = []
        for index in 0..<configuration.workers {
            let start = WorkerStart(index: index, listenFD: socket.fd, sharedSocket: socket.isShared, makeHandler: makeHandler,
                                    logger: logger, stopping: stopping)
            stopping.workerStarted()
            var thread = pthread_t()
            let code = pthread_create(&thread, nil, fastCGIWorkerEntry, Unmanaged.passRetained(start).toOpaque())
            guard code == 0 else {
                Unmanaged.passUnretained(start).release()
                stopping.workerFinished()
                stopping.set()
                socket.shutdownAccepting()
                for started in threads { pthread_join(started, nil) }
                socket.close()
                throw FastCGIError.threadStart(errno: code)
            }
            threads.append(thread)
        }
        logger.info("listening", metadata: ["endpoint": "\(configuration.endpoint)", "workers": "\(configuration.workers)"])
        return FastCGIServer(configuration: configuration, logger: logger, socket: socket, threads: threads, stopping: stopping)
    }

    /// Stops accepting, lets in-flight requests finish within the grace period, closes the socket.
    /// Returns false when some request was still running at the deadline; that worker finishes it and leaves,
    /// and the listening descriptor (already shut down) stays open until the process exits.
    @discardableResult
    public func stop() -> Bool {
        stopping.set()
        // No FCGX_ShutdownPending(): it sets a process-wide flag that libfcgi never clears, so every server
        // started later in this process (tests, in-process restarts) would fail every accept. Shutting the
        // listening socket down wakes the workers blocked in accept, and `stopping` tells them to leave.
        socket.shutdownAccepting()
        // Workers count themselves out as they leave; poll that count up to the deadline, then join.
        let deadline = monotonicMilliseconds() + configuration.shutdownGraceSeconds * 1_000
        while stopping.runningWorkers > 0 && monotonicMilliseconds() < deadline { usleep(2_000) }
        let allJoined = stopping.runningWorkers == 0
        if allJoined {
            for thread in threads { pthread_join(thread, nil) }
            socket.close()
        } else {
            // A worker still running may call accept again (libfcgi retries inside FCGX_Accept_r after a bad
            // connection): keep the shut-down descriptor open so that call fails, rather than closing it and
            // letting the number be reused by another socket. Remove the file so nothing new connects.
            socket.removeSocketFile()
        }
        if allJoined {
            logger.info("stopped")
        } else {
            logger.warning("stopped with requests still running after the grace period",
                           metadata: ["grace_seconds": "\(configuration.shutdownGraceSeconds)"])
        }
        return allJoined
    }

    /// Runs until SIGTERM, SIGINT or SIGHUP, then shuts down gracefully (FIELD-NOTES §2: block the signals in
    /// every thread, `sigwait` on this one). Returns the signal that stopped it.
    public static func run(_ configuration: FastCGIConfiguration, logger: Logger,
                           makeHandler: @escaping HandlerFactory) throws -> Int32 {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGTERM)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGHUP)
        // Blocked before the workers exist, so they inherit the mask and only this thread receives them.
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        let server = try start(configuration, logger: logger, makeHandler: makeHandler)
        var received: Int32 = 0
        while sigwait(&signals, &received) != 0 {}
        logger.info("shutting down", metadata: ["signal": "\(received)"])
        server.stop()
        return received
    }
}

/// Set once when shutdown begins; workers read it to tell a shutdown from a transient accept failure, and
/// count themselves in and out so shutdown can wait for them with a deadline.
final class ShutdownFlag: Sendable {
    private let value = Atomic<Bool>(false)
    private let running = Atomic<Int>(0)
    func set() { value.store(true, ordering: .releasing) }
    var isSet: Bool { value.load(ordering: .acquiring) }
    var runningWorkers: Int { running.load(ordering: .acquiring) }
    func workerStarted() { running.add(1, ordering: .acquiringAndReleasing) }
    func workerFinished() { running.subtract(1, ordering: .acquiringAndReleasing) }
}

private func monotonicMilliseconds() -> Int {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return now.tv_sec * 1_000 + now.tv_nsec / 1_000_000
}

/// What a worker thread needs; Sendable values only, the handler itself is made on the thread.
final class WorkerStart: Sendable {
    let index: Int
    let listenFD: Int32
    /// The listening socket is shared with a supervisor (accept polls; see ListeningSocket.isShared).
    let sharedSocket: Bool
    let makeHandler: FastCGIServer.HandlerFactory
    let logger: Logger
    let stopping: ShutdownFlag

    init(index: Int, listenFD: Int32, sharedSocket: Bool, makeHandler: @escaping FastCGIServer.HandlerFactory,
         logger: Logger, stopping: ShutdownFlag) {
        self.index = index
        self.listenFD = listenFD
        self.sharedSocket = sharedSocket
        self.makeHandler = makeHandler
        self.logger = logger
        self.stopping = stopping
    }

    /// The accept loop of one worker.
    func run() {
        defer { stopping.workerFinished() }
        let handler: any FastCGIHandler
        do {
            handler = try makeHandler(index)
        } catch {
            logger.critical("worker could not start", metadata: ["worker": "\(index)", "error": "\(error)"])
            return
        }
        // Heap-allocated: libfcgi keeps back-pointers to the request in its streams (FIELD-NOTES §3 row 6).
        let request = UnsafeMutablePointer<FCGX_Request>.allocate(capacity: 1)
        defer { request.deallocate() }
        guard FCGX_InitRequest(request, listenFD, 0) == 0 else {
            logger.critical("FCGX_InitRequest failed", metadata: ["worker": "\(index)"])
            return
        }
        // Scratch space for the input left unread when a handler returns (closeWithoutLinger).
        let scratch = UnsafeMutablePointer<CChar>.allocate(capacity: Self.scratchSize)
        defer { scratch.deallocate() }
        var failures = 0
        while !stopping.isSet {
            let accepted = FCGX_Accept_r(request)
            guard accepted >= 0 else {
                if stopping.isSet { break }
                // A shared socket's accept timed out (ListeningSocket.acceptPollTimeoutMilliseconds): look again.
                if accepted == -EAGAIN || accepted == -EWOULDBLOCK { continue }
                // A transient failure (EMFILE, ECONNABORTED): back off briefly instead of losing the worker.
                failures += 1
                if failures == 1 || failures % 100 == 0 {
                    logger.error("accept failed", metadata: ["worker": "\(index)", "errno": "\(errno)"])
                }
                usleep(useconds_t(min(failures, 100) * 1_000))
                continue
            }
            failures = 0
            if sharedSocket { Self.clearReceiveTimeout(request.pointee.ipcFd) }
            handler.handle(FastCGIExchange(request: request))
            Self.closeWithoutLinger(request, scratch: scratch)
            FCGX_Finish_r(request)
        }
        FCGX_Free(request, 1)
    }

    static let scratchSize = 4_096

    /// A TCP connection accepted on a shared socket inherits the listener's accept timeout: take it off, so reading
    /// a body is not cut short (unix socket connections do not inherit it; the call is then a no-op).
    static func clearReceiveTimeout(_ fd: Int32) {
        var none = timeval(tv_sec: 0, tv_usec: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &none, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Lets `FCGX_Finish_r` close the connection at once. libfcgi's close otherwise shuts the sending side down
    /// and then polls and reads until nginx closes its end (`OS_IpcClose`): a wait and a context switch on every
    /// request, there so that input still arriving cannot reset the connection before nginx has read the answer.
    /// Here the answer is completed and sent first (the closes `FCGX_Finish_r` would make: stderr, then stdout with
    /// the end-request record), then the rest of the input is read and dropped (the body a handler did not read
    /// and the empty `FCGI_STDIN` record that ends every request; nginx buffers bodies, so it is already on its
    /// way, and FIELD-NOTES pitfall 6 stays true), waiting at most `drainTimeoutMilliseconds` for it. Only when
    /// the input reached its end is the request marked detached, which makes the close a plain `close`; a client
    /// holding its input open, a stream error or a kept-alive connection get libfcgi's own close, unchanged.
    static func closeWithoutLinger(_ request: UnsafeMutablePointer<FCGX_Request>, scratch: UnsafeMutablePointer<CChar>) {
        request.pointee.detached = 0
        guard request.pointee.keepConnection == 0, let input = request.pointee.in, let output = request.pointee.out,
              let errors = request.pointee.err else { return }
        guard FCGX_FClose(errors) == 0, FCGX_FClose(output) == 0 else { return }
        var timeout = timeval(tv_sec: 0, tv_usec: drainTimeoutMilliseconds * 1_000)
        guard setsockopt(request.pointee.ipcFd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size)) == 0 else {
            return
        }
        while FCGX_GetStr(scratch, Int32(scratchSize), input) > 0 {}
        guard FCGX_GetError(input) == 0, FCGX_HasSeenEOF(input) != 0 else { return }
        request.pointee.detached = 1
    }

    /// How long the drain waits for input still on its way before leaving the close to libfcgi.
    static let drainTimeoutMilliseconds = 200
}

/// The pthread start routine: a nonisolated global function (a closure literal here would inherit the main
/// actor and trap on the new thread; FIELD-NOTES §3 row 4).
private func fastCGIWorkerEntry(_ argument: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    guard let argument else { return nil }
    let start = Unmanaged<WorkerStart>.fromOpaque(argument).takeRetainedValue()
    start.run()
    return nil
}
