import Glibc

/// Readings of the host and the process for health routes: disk, memory, addresses.
public enum SystemStats {
    /// Disk space of the file system holding `path`, in bytes.
    public struct Disk: Sendable {
        /// Bytes available to unprivileged users.
        public let free: UInt64
        /// Bytes in use.
        public let used: UInt64
        /// Total bytes.
        public let total: UInt64
    }

    /// Disk space of the file system that holds `path`, or nil if it cannot be read.
    public static func disk(at path: String) -> Disk? {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return nil }
        let block = UInt64(info.f_frsize)
        let total = UInt64(info.f_blocks) * block
        let free = UInt64(info.f_bavail) * block
        let used = total - UInt64(info.f_bfree) * block
        return Disk(free: free, used: used, total: total)
    }

    /// The resident set size of this process in bytes (`/proc/self/statm`).
    public static func residentBytes() -> UInt64 {
        guard let text = readSmallFile("/proc/self/statm") else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = UInt64(fields[1]) else { return 0 }
        return pages * UInt64(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// The host's physical memory in bytes.
    public static func physicalMemoryBytes() -> UInt64 {
        UInt64(sysconf(Int32(_SC_PHYS_PAGES))) * UInt64(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// Every non-loopback IPv4 address of the host.
    public static func externalIPv4Addresses() -> [String] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0 else { return [] }
        defer { freeifaddrs(list) }
        var result: [String] = []
        var cursor = list
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET),
                  (entry.pointee.ifa_flags & UInt32(IFF_LOOPBACK)) == 0 else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 {
                let text = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if !result.contains(text) { result.append(text) }
            }
        }
        return result
    }

    /// The regular files anywhere under `path` (sub-folders walked, symbolic links neither followed nor counted)
    /// and the sum of their sizes in bytes; nil when `path` itself cannot be read.
    public static func fileSummary(under path: String) -> (files: Int, bytes: UInt64)? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var files = 0
        var bytes: UInt64 = 0
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var info = stat()
            guard lstat(path + "/" + name, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                files += 1
                bytes += UInt64(info.st_size)
            case S_IFDIR:
                if let inner = fileSummary(under: path + "/" + name) {
                    files += inner.files
                    bytes += inner.bytes
                }
            default:
                break
            }
        }
        return (files, bytes)
    }

    /// A decimal with one digit after the point (`12.3`), the way the health routes print sizes.
    public static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    private static func readSmallFile(_ path: String) -> String? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 512)
        let n = read(fd, &buffer, buffer.count)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n], as: UTF8.self)
    }
}

extension SystemStats {
    /// Whether a TCP connection to the numeric IPv4 `host` and `port` is accepted within `timeoutMilliseconds`.
    public static func acceptsConnections(host: String, port: Int, timeoutMilliseconds: Int32 = 1_000) -> Bool {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(truncatingIfNeeded: port).bigEndian)
        guard (1...65_535).contains(port), inet_pton(AF_INET, host, &address.sin_addr) == 1 else { return false }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let started = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if started == 0 { return true }
        guard errno == EINPROGRESS else { return false }
        var poller = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
        guard poll(&poller, 1, timeoutMilliseconds) == 1 else { return false }
        var failure: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        return getsockopt(fd, SOL_SOCKET, SO_ERROR, &failure, &length) == 0 && failure == 0
    }

    /// Whether a file can be created, written and removed in `directory` (it exists and is writable); with
    /// `creating`, the directory is first made as `mkdir -p` would (mode 0700), as uploads do.
    public static func canWrite(in directory: String, creating: Bool = false) -> Bool {
        if creating { makeDirectories(directory) }
        let probe = directory + "/.ventanilla-write-check-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        let written = write(fd, "ok", 2)
        close(fd)
        unlink(probe)
        return written == 2
    }

    private static func makeDirectories(_ path: String) {
        if path.isEmpty || mkdir(path, 0o700) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        makeDirectories(String(path[..<slash]))
        mkdir(path, 0o700)
    }

    /// Whether `path` names an existing directory.
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
