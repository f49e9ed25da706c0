internal import CMalloc

/// How a serve process keeps its resident memory near what its requests use (issue 16: ≤ 60 MB per module).
///
/// glibc's malloc, left to itself, keeps what a large request freed: every worker thread gets an arena of its own,
/// and freeing a large block raises the mmap and trim thresholds to that block's size (up to 32 MiB and 64 MiB),
/// so one report of a few megabytes leaves each worker that served it holding those megabytes for good. The process
/// therefore fixes the thresholds (fixed values turn the dynamic raise off) and caps the arenas at start, and a
/// worker that has just served an outsized exchange gives the free memory back to the kernel (`malloc_trim`).
enum AllocatorPolicy {
    /// A response body or request body at least this large makes the exchange outsized.
    static let outsizedExchangeBytes = 256 * 1024
    /// Blocks this large or larger are mapped on their own and unmapped when freed.
    static let mmapThresholdBytes: Int32 = 128 * 1024
    /// Free memory at the top of a heap beyond this is given back at once.
    static let trimThresholdBytes: Int32 = 256 * 1024

    /// The arena cap for a process with `workers` worker threads: two, as the production unit's
    /// `MALLOC_ARENA_MAX=2` had it, now set by the binary itself so every way of starting it gets it.
    static func arenas(workers: Int) -> Int32 {
        Int32(min(max(workers, 1), 2))
    }

    /// Applies the thresholds and the arena cap; called once, before the worker threads start.
    static func configure(workers: Int) {
        _ = mallopt(M_ARENA_MAX, arenas(workers: workers))
        _ = mallopt(M_MMAP_THRESHOLD, mmapThresholdBytes)
        _ = mallopt(M_TRIM_THRESHOLD, trimThresholdBytes)
    }

    /// Whether an exchange with a `requestBodyBytes` body (nil: none declared) answered with `responseBodyBytes`
    /// is outsized: its worker should give free memory back afterwards.
    static func isOutsized(requestBodyBytes: Int?, responseBodyBytes: Int) -> Bool {
        responseBodyBytes >= outsizedExchangeBytes || (requestBodyBytes ?? 0) >= outsizedExchangeBytes
    }

    /// Gives the free memory of every arena back to the kernel (after an outsized exchange: its cost, a walk of
    /// the free lists, is small beside the request's own).
    static func releaseFreeMemory() {
        _ = malloc_trim(0)
    }
}
