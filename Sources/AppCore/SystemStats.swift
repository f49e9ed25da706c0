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
