#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The process that created a temporary upload file, written into the file's name so that a later start (of this or
/// another process sharing the directory) can tell the files of a dead process from those of a live one:
/// `upload.<pid>.<start ticks>.<boot id>.<host>.XXXXXX`. The start time (in clock ticks since boot,
/// `/proc/PID/stat` field 22) tells a reused pid apart, the boot id a previous boot, the host name another machine.
struct UploadOwner: Equatable, Sendable {
    /// The process id.
    var pid: Int32
    /// The process's start time in clock ticks since boot (0 when unknown).
    var startTicks: UInt64
    /// The first 8 hex digits of the kernel's boot id (`/proc/sys/kernel/random/boot_id`), "-" when unknown.
    var bootID: String
    /// The host name (dots allowed; it is the last field before the random suffix).
    var host: String

    /// The name prefix of a file created by this owner (`mkstemp` adds the six random characters).
    var namePrefix: String { "upload.\(pid).\(startTicks).\(bootID).\(host)." }

    /// The owner recorded in a file NAME made from `namePrefix` + six characters; nil for any other name.
    init?(fileName name: String) {
        guard name.hasPrefix("upload."), name.utf8.count > "upload.".utf8.count + 7 else { return nil }
        let middle = name.dropFirst("upload.".count).dropLast(7)
        guard name.utf8.dropLast(6).last == UInt8(ascii: ".") else { return nil }
        let fields = middle.split(separator: ".", maxSplits: 3, omittingEmptySubsequences: false)
        guard fields.count == 4, let pid = Int32(fields[0]), pid > 0, let ticks = UInt64(fields[1]),
              !fields[2].isEmpty, !fields[3].isEmpty else { return nil }
        self.init(pid: pid, startTicks: ticks, bootID: String(fields[2]), host: String(fields[3]))
    }

    /// An owner from its parts.
    init(pid: Int32, startTicks: UInt64, bootID: String, host: String) {
        self.pid = pid
        self.startTicks = startTicks
        self.bootID = bootID
        self.host = host
    }

    /// This process.
    static let current = UploadOwner(pid: getpid(), startTicks: startTicks(of: getpid()) ?? 0,
                                      bootID: readBootID() ?? "-", host: hostName())

    /// Whether a process of this host and boot with this pid and start time still runs (`startTicks` 0: any).
    static func isRunning(pid: Int32, startTicks ticks: UInt64) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard ticks != 0, let now = startTicks(of: pid) else { return true }
        return now == ticks
    }

    /// Field 22 of `/proc/PID/stat` (after the parenthesised command name, which may hold spaces).
    static func startTicks(of pid: Int32) -> UInt64? {
        guard let text = readSmallFile("/proc/\(pid)/stat"), let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // fields[0] is field 3 (state), so field 22 is fields[19].
        return fields.count > 19 ? UInt64(fields[19]) : nil
    }

    private static func readBootID() -> String? {
        guard let text = readSmallFile("/proc/sys/kernel/random/boot_id") else { return nil }
        let hex = text.filter { $0.isHexDigit }
        return hex.count >= 8 ? String(hex.prefix(8)).lowercased() : nil
    }

    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // A file name component: no slash, never empty.
        let safe = name.filter { $0 != "/" }
        return safe.isEmpty ? "localhost" : safe
    }

    private static func readSmallFile(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 4_096)
        let count = read(fd, &bytes, bytes.count)
        return count > 0 ? String(decoding: bytes.prefix(count), as: UTF8.self) : nil
    }
}
