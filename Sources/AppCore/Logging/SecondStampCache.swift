import Synchronization

/// The text of a timestamp down to its whole second, formatted once per second and copied into every log line
/// written in that second (nginx does the same with its cached time strings): a line no longer pays a calendar
/// conversion and a dozen small strings for its timestamp.
///
/// One cache per handler kind, shared by the worker threads; the lock is held only to compare the second and
/// take the cached bytes (a retain), so threads barely wait on it.
final class SecondStampCache: Sendable {
    private let format: @Sendable (Int64) -> [UInt8]
    private let cached = Mutex<(second: Int64, text: [UInt8])>((Int64.min, []))

    /// A cache whose text for a second is `format(second)`.
    init(format: @escaping @Sendable (_ second: Int64) -> [UInt8]) {
        self.format = format
    }

    /// The text for `second`, formatted only when the second differs from the last one asked for.
    func text(forSecond second: Int64) -> [UInt8] {
        cached.withLock { entry in
            if entry.second != second { entry = (second, format(second)) }
            return entry.text
        }
    }
}
