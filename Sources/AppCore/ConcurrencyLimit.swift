import Dispatch
import Glibc

/// At most `limit` callers inside `run` at once, across every worker thread of the process; the others wait
/// their turn (blocking, as every worker does on libfcgi and libmariadb).
///
/// For work that is bound by CPU and holds megabytes while it runs (Egresos' profitability report, issue 16): more
/// of them at once than there are cores finishes none sooner, it only keeps more of that memory resident together.
/// The same idea as a database's or a search server's small pool for its heavy requests.
public final class ConcurrencyLimit: Sendable {
    /// How many callers may be inside `run` at once.
    public let limit: Int
    private let slots: DispatchSemaphore

    /// A limit of `limit` (at least 1).
    public init(_ limit: Int) {
        self.limit = max(limit, 1)
        slots = DispatchSemaphore(value: self.limit)
    }

    /// One slot per online core (at least 2, so one long caller never stops the rest).
    public static func perCore() -> ConcurrencyLimit {
        ConcurrencyLimit(max(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 2))
    }

    /// Runs `body` once a slot is free, and frees it afterwards, also when `body` throws.
    public func run<T>(_ body: () throws -> T) rethrows -> T {
        slots.wait()
        defer { slots.signal() }
        return try body()
    }
}
