import Glibc
import Synchronization

/// Complete log lines kept in memory and handed to a sink (a descriptor, the application log file) in batches, so
/// a request's log line costs a `memcpy` instead of its own `write` (and, for the application log, a `flock`,
/// a `stat` and an unlock).
///
/// What a reader of the log can rely on, as with one write per line:
/// - Lines stay whole: the sink gets only complete lines, at most `batchBytes` (PIPE_BUF) together, so a batch to
///   a pipe is one atomic write as a single line was; a longer line goes out alone.
/// - Lines keep the order in which this process appended them: batches are taken and written one at a time.
/// - A line waits at most about `LogFlusher.intervalMilliseconds`: the flusher thread writes what is pending.
///   A line marked `urgent` (warnings and errors) is written at once with everything before it, so a failure is
///   never waiting in memory when it matters; `LogFlusher` also writes every buffer at exit and on a fatal signal.
///
/// Two pages of raw memory alternate: appenders fill one while the sink writes the other, so a thread logging a
/// request waits only for a `memcpy`, never for another thread's system call.
public final class LogLineBuffer: @unchecked Sendable {
    /// A batch's largest size: PIPE_BUF, the most a pipe takes in one atomic write.
    public static let batchBytes = Int(PIPE_BUF)

    /// Receives each batch: whole lines, each ending with its newline.
    public typealias Sink = @Sendable (UnsafeRawBufferPointer) -> Void

    private let sink: Sink
    private let pages: (UnsafeMutableRawPointer, UnsafeMutableRawPointer)
    // Atomics rather than stored vars: the fatal-signal path reads them on a thread that may be in the middle of
    // an append, where a checked exclusive access would trap instead of writing the lines out.
    private let activePage = Atomic<Int>(0)
    private let used = Atomic<Int>(0)
    /// The descriptor the fatal-signal path writes pending lines to, without locks (-1: none).
    private let crashDescriptor = Atomic<Int32>(-1)
    /// Held while appending to the active page, and while swapping pages.
    private let pageMutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    /// Held from taking a page to the end of its write, so batches reach the sink in order.
    private let writeMutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    /// A buffer writing its batches to `sink`; registered with `LogFlusher`, which starts its thread.
    /// `crashDescriptor` is where a fatal signal writes what is still pending (nil: nowhere).
    public convenience init(crashDescriptor: Int32? = nil, sink: @escaping Sink) {
        self.init(crashDescriptor: crashDescriptor, registered: true, sink: sink)
    }

    /// A buffer that `LogFlusher` writes (`registered`) or only its own `flush` and urgent lines do (tests that look
    /// at what is pending).
    init(crashDescriptor: Int32?, registered: Bool, sink: @escaping Sink) {
        self.sink = sink
        pages = (.allocate(byteCount: Self.batchBytes, alignment: 16), .allocate(byteCount: Self.batchBytes, alignment: 16))
        self.crashDescriptor.store(crashDescriptor ?? -1, ordering: .relaxed)
        pthread_mutex_init(pageMutex, nil)
        pthread_mutex_init(writeMutex, nil)
        if registered { LogFlusher.register(self) }
    }

    deinit {
        pages.0.deallocate()
        pages.1.deallocate()
        pthread_mutex_destroy(pageMutex)
        pthread_mutex_destroy(writeMutex)
        pageMutex.deallocate()
        writeMutex.deallocate()
    }

    /// A buffer for a descriptor the process keeps open (standard error): every batch is one `write` (repeated
    /// only for what a short write left), and a fatal signal writes there too.
    public convenience init(descriptor: Int32) {
        self.init(crashDescriptor: descriptor) { Self.writeAll($0, to: descriptor) }
    }

    /// Changes where a fatal signal writes pending lines (the application log's descriptor after a reopen).
    public func setCrashDescriptor(_ descriptor: Int32) {
        crashDescriptor.store(descriptor, ordering: .releasing)
    }

    /// Keeps `line` (complete, with its newline) for the next batch; `urgent` writes it, and all before it, now.
    public func append(_ line: UnsafeRawBufferPointer, urgent: Bool = false) {
        guard let bytes = line.baseAddress, !line.isEmpty else { return }
        guard line.count <= Self.batchBytes else {
            flush(then: line)
            return
        }
        while true {
            pthread_mutex_lock(pageMutex)
            let count = used.load(ordering: .relaxed)
            if count + line.count <= Self.batchBytes {
                memcpy(page(activePage.load(ordering: .relaxed)) + count, bytes, line.count)
                used.store(count + line.count, ordering: .releasing)
                pthread_mutex_unlock(pageMutex)
                break
            }
            pthread_mutex_unlock(pageMutex)
            flush()  // The page is full: write it, then try again on the empty one.
        }
        if urgent { flush() }
    }

    /// Writes the pending lines now.
    public func flush() {
        flush(then: nil)
    }

    /// Whether lines are waiting (a racy look, for the flusher: a line missed now is written on its next round).
    var hasPending: Bool { used.load(ordering: .acquiring) > 0 }

    /// Writes the pending lines, then `extra` (a line too long for a page), in that order.
    private func flush(then extra: UnsafeRawBufferPointer?) {
        pthread_mutex_lock(writeMutex)
        defer { pthread_mutex_unlock(writeMutex) }
        pthread_mutex_lock(pageMutex)
        let full = activePage.load(ordering: .relaxed)
        let count = used.load(ordering: .relaxed)
        if count > 0 {
            activePage.store(1 - full, ordering: .releasing)
            used.store(0, ordering: .releasing)
        }
        pthread_mutex_unlock(pageMutex)
        if count > 0 { sink(UnsafeRawBufferPointer(start: page(full), count: count)) }
        if let extra { sink(extra) }
    }

    /// The fatal-signal path: writes the active page to the crash descriptor with one `write`, taking no lock (the
    /// crashing thread may hold one). Lines an interrupted append had not finished are left out by `used`.
    func writeOnFatalSignal() {
        let descriptor = crashDescriptor.load(ordering: .acquiring)
        let count = used.load(ordering: .acquiring)
        guard descriptor >= 0, count > 0 else { return }
        _ = Glibc.write(descriptor, page(activePage.load(ordering: .acquiring)), count)
    }

    private func page(_ index: Int) -> UnsafeMutableRawPointer {
        index == 0 ? pages.0 : pages.1
    }

    /// Writes all of `bytes` to `descriptor`, retrying after EINTR and short writes; gives up on any other error
    /// (logging never fails a request).
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
            if written < 0 { if errno == EINTR { continue } else { return } }
            offset += written
        }
    }
}
