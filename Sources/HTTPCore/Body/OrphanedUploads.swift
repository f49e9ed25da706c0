#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The temporary upload files a process left behind when it died before its request ended (SIGKILL, a crash):
/// removed when a module starts. Several processes, and later several hosts, may share the upload directory, so a
/// file is removed only when its owner (`UploadOwner`, from the file's name) is known to be gone:
/// - this host and boot: its pid no longer runs, or runs with another start time (the pid was reused);
/// - this host, an earlier boot: always (every process of that boot is gone);
/// - another host, or a name without an owner (files of an older version): only when older than `foreignMaxAge`,
///   since no upload takes that long and this process cannot see the other host's processes.
public enum OrphanedUploads {
    /// How old (seconds since the last write) a file must be before it is removed when its owner cannot be checked.
    public static let foreignMaxAge = 24 * 3600

    /// Removes the orphaned temporary files in `directory` (a module's `bodyLimits.uploadDirectory`); returns
    /// the names removed. `now` is the current time in seconds since the epoch (compared with each file's mtime).
    @discardableResult
    public static func sweep(directory: String, now: Int) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix("upload") { names.append(name) }
        }
        closedir(handle)
        let current = UploadOwner.current
        var removed: [String] = []
        for name in names {
            let path = directory + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            guard isOrphan(UploadOwner(fileName: name), modified: Int(info.st_mtim.tv_sec), now: now, current: current) else {
                continue
            }
            if unlink(path) == 0 { removed.append(name) }
        }
        return removed
    }

    /// Whether a file owned by `owner` (nil: not named by an owner), last written at `modified`, belongs to a
    /// process that is gone, as seen from `current` at `now`.
    static func isOrphan(_ owner: UploadOwner?, modified: Int, now: Int, current: UploadOwner) -> Bool {
        guard let owner, owner.host == current.host else { return now - modified > foreignMaxAge }
        guard owner.bootID == current.bootID else { return true }
        if owner.pid == current.pid { return owner.startTicks != current.startTicks }
        return !UploadOwner.isRunning(pid: owner.pid, startTicks: owner.startTicks)
    }
}
