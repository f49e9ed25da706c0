import Glibc

/// A POSIX thread for test code that must block (socket clients), kept off Swift Concurrency's small pool.
final class TestThread {
    private var thread = pthread_t()
    private var joined = false

    /// Starts `body` on a new thread.
    init(_ body: @escaping @Sendable () -> Void) {
        let box = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        let code = pthread_create(&thread, nil, testThreadEntry, box)
        precondition(code == 0, "pthread_create failed: \(code)")
    }

    /// Waits for the thread to end.
    func join() {
        guard !joined else { return }
        pthread_join(thread, nil)
        joined = true
    }

    /// Lets the thread run on after the test without being joined.
    func detach() {
        guard !joined else { return }
        pthread_detach(thread)
        joined = true
    }

    /// Runs `body(i)` for every `i` in `0..<count`, each on its own thread, and waits for all of them.
    static func run(count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let threads = (0..<count).map { index in TestThread { body(index) } }
        for thread in threads { thread.join() }
    }
}

private final class ThreadBody: Sendable {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}

/// The start routine is a global function: a closure literal could inherit an actor's isolation and trap
/// on the new thread (FIELD-NOTES §3 row 4).
private func testThreadEntry(_ argument: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    guard let argument else { return nil }
    Unmanaged<ThreadBody>.fromOpaque(argument).takeRetainedValue().body()
    return nil
}
