import Foundation
import Glibc

/// The application log file of monitor.md §8.1 and ruling M15: whole lines appended with `O_APPEND`, and the
/// rotation of §8.1 (when the file holds `limit` bytes or more, it is renamed to `<path>.1`, replacing the previous
/// `.1`, before the next line is written).
///
/// Several worker processes write the same file. Each line is written under an exclusive advisory lock
/// (`flock`) on a sidecar file `<path>.lock` that is never renamed: the size check, the rename and the append
/// happen as one step for every process, so no line is written to a file that is being rotated away, none is lost
/// and none is written twice. The lock file and the log file stay open between lines (a line costs a `flock`, a
/// `stat`, the `write` and the unlock), but under the lock the path's `stat` is compared with the open file's
/// device and inode, and the file is opened again whenever they differ or the path is gone, so a process never
/// appends to the `.1` another process (or this one) has just made. The threads of one process take turns on a
/// mutex around the same step. A line that cannot be written is dropped (logging never fails a request).
///
/// A server's file is `buffered`: its request lines are appended in batches of whole lines (`LogLineBuffer`), one
/// locked step per batch instead of per line; each batch is one `write` with `O_APPEND`, so lines stay whole and in
/// this process's order, and other processes' batches land between batches, never inside a line.
public final class ApplicationLogFile: Sendable {
    /// The log file.
    public let path: String
    /// The size at which the file is rotated (5 MB, §8.1).
    public let limit: Int

    /// 5 MB, the rotation size of §8.1.
    public static let defaultLimit = 5 * 1024 * 1024

    /// A log file at `path`, rotated at `limit` bytes; its directory is created if missing. A `buffered` file
    /// keeps the lines of `log(terminatedLine:urgent:)` in a `LogLineBuffer` and appends them in batches (a
    /// server's request lines); `append` always writes at once.
    public init(path: String, limit: Int = ApplicationLogFile.defaultLimit, buffered: Bool = false) {
        self.path = path
        self.limit = limit
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try? FileManager.default.createDirectory(atPath: String(path[..<slash]), withIntermediateDirectories: true)
        }
        guard buffered else {
            lines = nil
            return
        }
        // The sink holds the descriptors and the settings, not the file: the buffer does not keep the file alive.
        let (files, rotated) = (openFiles, path + ".1")
        let lines = LogLineBuffer { batch in Self.appendNow(batch, files: files, path: path, rotatedPath: rotated, limit: limit) }
        files.withLock { $0.lines = lines }
        self.lines = lines
    }

    /// The rotated file, `<path>.1`.
    public var rotatedPath: String { path + ".1" }

    private let openFiles = OpenFiles()
    /// The lines waiting for their batch, when the file is buffered.
    private let lines: LogLineBuffer?

    /// Appends `line`, which ends with its newline: through the buffer when the file is buffered (`urgent`: the
    /// buffer is written at once, this line included), else at once.
    public func log(terminatedLine line: UnsafeRawBufferPointer, urgent: Bool) {
        if let lines { lines.append(line, urgent: urgent) } else { append(terminatedLine: line) }
    }

    /// Appends `line` (a newline is added) under the lock, rotating first when the file has reached the limit.
    public func append(_ line: String) {
        var bytes = Array(line.utf8)
        bytes.append(0x0A)
        bytes.withUnsafeBytes { append(terminatedLine: $0) }
    }

    /// Appends `line`, which ends with its newline, with one `write` under the lock, rotating first when the file
    /// has reached the limit.
    public func append(terminatedLine line: UnsafeRawBufferPointer) {
        Self.appendNow(line, files: openFiles, path: path, rotatedPath: rotatedPath, limit: limit)
    }

    /// The locked append of `append(terminatedLine:)`, also the buffer's sink (one call per batch of lines).
    private static func appendNow(_ line: UnsafeRawBufferPointer, files openFiles: OpenFiles, path: String,
                                  rotatedPath: String, limit: Int) {
        guard let bytes = line.baseAddress, !line.isEmpty else { return }
        openFiles.withLock { files in
            if files.lock < 0 { files.lock = open(path + ".lock", O_WRONLY | O_CREAT | O_CLOEXEC, 0o640) }
            guard files.lock >= 0 else { return }
            while flock(files.lock, LOCK_EX) != 0 { guard errno == EINTR else { return } }
            defer { flock(files.lock, LOCK_UN) }
            var info = stat()
            var exists = stat(path, &info) == 0
            if exists, Int(info.st_size) >= limit {
                _ = rename(path, rotatedPath)
                exists = false
            }
            if !exists || files.file < 0 || UInt(info.st_dev) != files.device || UInt(info.st_ino) != files.inode {
                // Rotated (here or by another process), removed, or not opened yet: the path's file from now on.
                if files.file >= 0 { close(files.file) }
                files.file = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
                guard files.file >= 0, fstat(files.file, &info) == 0 else { return }
                files.device = UInt(info.st_dev)
                files.inode = UInt(info.st_ino)
                files.lines?.setCrashDescriptor(files.file)
            }
            var written = 0
            while written < line.count {
                let result = write(files.file, bytes + written, line.count - written)
                if result < 0 { if errno == EINTR { continue } else { return } }
                written += result
            }
        }
    }

    /// The file's bytes, or nil when it does not exist; throws `ApplicationLogFile.ReadError` when it exists but
    /// cannot be read.
    public func contents() throws -> [UInt8]? {
        // Lines this process still holds in memory (this file's buffer, or another instance's on the same path).
        LogFlusher.flushAll()
        let file = open(path, O_RDONLY | O_CLOEXEC)
        if file < 0 {
            if errno == ENOENT { return nil }
            throw ReadError(code: errno)
        }
        defer { close(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(file, $0.baseAddress, $0.count) }
            if count < 0 { if errno == EINTR { continue } else { throw ReadError(code: errno) } }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// The last `count` whole lines, newest first (`[]` when the file does not exist). A last line still without
    /// its newline (being written) is left out.
    public func lastLines(_ count: Int) throws -> [String] {
        guard let bytes = try contents() else { return [] }
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        lines.removeLast()  // after the final newline: empty, or a line not yet complete
        return lines.suffix(count).reversed().map { String(decoding: $0, as: UTF8.self) }
    }

    /// A file that exists but cannot be read.
    public struct ReadError: Error, Sendable {
        /// The `errno`.
        public let code: Int32
    }
}

/// The descriptors an `ApplicationLogFile` keeps open between lines, and which file the log descriptor has open,
/// behind a pthread mutex: a line's turn includes a `flock` and a `write`, so a waiting thread sleeps in the
/// kernel (a spinning lock burnt more CPU than the writes under load).
private final class OpenFiles: @unchecked Sendable {
    var lock: Int32 = -1
    var file: Int32 = -1
    var device: UInt = 0
    var inode: UInt = 0
    /// The file's line buffer, told the descriptor a fatal signal writes to whenever the file is opened again.
    weak var lines: LogLineBuffer?
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init() { pthread_mutex_init(mutex, nil) }

    deinit {
        if file >= 0 { close(file) }
        if lock >= 0 { close(lock) }
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with the descriptors, one thread at a time.
    func withLock(_ body: (OpenFiles) -> Void) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        body(self)
    }
}
