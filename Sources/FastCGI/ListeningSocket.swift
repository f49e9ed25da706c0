import Glibc

/// The listening socket, opened by us rather than `FCGX_OpenSocket`, which unlinks a live socket without
/// checking and calls `exit()` on failure (FIELD-NOTES pitfall 3).
struct ListeningSocket: Sendable {
    let fd: Int32
    /// The unix socket path we created (removed on close), if any.
    let ownedPath: String?
    /// The inode of the socket file we created, so we never unlink a successor's socket.
    let ownedInode: UInt64
    /// Handed over by a supervisor that keeps it open across our restarts (spawn-fcgi, systemd, scripts/lib's
    /// supervisor): never shut down, so connections that arrive while we stop wait in its backlog for the next
    /// process. Its workers accept with a timeout (`acceptPollTimeoutMilliseconds`) to notice a stop instead.
    var isShared: Bool = false

    static func open(_ endpoint: FastCGIConfiguration.Endpoint, backlog: Int32) throws -> ListeningSocket {
        switch endpoint {
        case .unixSocket(let path, let mode):
            return try openUnix(path: path, mode: mode, backlog: backlog)
        case .tcp(let host, let port):
            return try openTCP(host: host, port: port, backlog: backlog)
        case .inherited(let fd):
            guard isListening(fd) else { throw FastCGIError.notAListeningSocket(fd) }
            // A blocked accept() cannot be woken without shutting the socket down for every process that shares
            // it, so accept() returns EAGAIN after this timeout and the worker looks at its stop flag.
            var timeout = timeval(tv_sec: 0, tv_usec: Int(acceptPollTimeoutMilliseconds) * 1_000)
            guard setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size)) == 0 else {
                throw FastCGIError.systemCall("setsockopt SO_RCVTIMEO on fd \(fd)", errno: errno)
            }
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            return ListeningSocket(fd: fd, ownedPath: nil, ownedInode: 0, isShared: true)
        }
    }

    /// How long a worker on a shared socket waits in accept() before it looks at its stop flag again.
    static let acceptPollTimeoutMilliseconds: Int32 = 100

    /// Whether `fd` is a stream socket in the listening state.
    static func isListening(_ fd: Int32) -> Bool {
        var type: Int32 = 0, accepting: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &length) == 0, type == Int32(SOCK_STREAM.rawValue) else { return false }
        length = socklen_t(MemoryLayout<Int32>.size)
        return getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &length) == 0 && accepting != 0
    }

    /// Stops accepting: wakes every thread blocked in `accept`. A shared socket is left alone (its workers poll).
    func shutdownAccepting() {
        guard !isShared else { return }
        _ = Glibc.shutdown(fd, Int32(SHUT_RDWR))
    }

    /// Closes the descriptor and removes our socket file if it is still ours.
    func close() {
        _ = Glibc.close(fd)
        removeSocketFile()
    }

    /// Removes our socket file if it is still ours (not a successor's).
    func removeSocketFile() {
        if let ownedPath {
            var info = stat()
            if stat(ownedPath, &info) == 0, UInt64(info.st_ino) == ownedInode { unlink(ownedPath) }
        }
    }

    private static func withUnixAddress<T>(_ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> T) throws -> T {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard !bytes.isEmpty, bytes.count < capacity else { throw FastCGIError.invalidEndpoint("socket path too long: \(path)") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }

    private static func openUnix(path: String, mode: UInt32, backlog: Int32) throws -> ListeningSocket {
        // A socket file that still answers belongs to a live server: refuse instead of stealing it.
        var info = stat()
        if lstat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFSOCK else {
                throw FastCGIError.invalidEndpoint("\(path) exists and is not a socket")
            }
            let probe = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
            defer { Glibc.close(probe) }
            let connected = try withUnixAddress(path) { connect(probe, $0, $1) == 0 }
            if connected { throw FastCGIError.socketInUse(path) }
            unlink(path)
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw FastCGIError.systemCall("socket", errno: errno) }
        let bound = try withUnixAddress(path) { bind(fd, $0, $1) }
        guard bound == 0 else {
            let code = errno
            Glibc.close(fd)
            throw FastCGIError.systemCall("bind \(path)", errno: code)
        }
        // The mode decides who may connect (nginx workers); set it explicitly instead of relying on the umask.
        guard chmod(path, mode_t(mode)) == 0, listen(fd, backlog) == 0 else {
            let code = errno
            Glibc.close(fd)
            unlink(path)
            throw FastCGIError.systemCall("chmod/listen \(path)", errno: code)
        }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        _ = stat(path, &info)
        return ListeningSocket(fd: fd, ownedPath: path, ownedInode: UInt64(info.st_ino))
    }

    private static func openTCP(host: String, port: Int, backlog: Int32) throws -> ListeningSocket {
        guard (1...65535).contains(port) else { throw FastCGIError.invalidEndpoint("port \(port)") }
        var hints = addrinfo()
        hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &result) == 0, let info = result else {
            throw FastCGIError.invalidEndpoint("\(host):\(port) is not a numeric address")
        }
        defer { freeaddrinfo(result) }
        let fd = socket(info.pointee.ai_family, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw FastCGIError.systemCall("socket", errno: errno) }
        var one: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        guard bind(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0, listen(fd, backlog) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw FastCGIError.systemCall("bind/listen \(host):\(port)", errno: code)
        }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        return ListeningSocket(fd: fd, ownedPath: nil, ownedInode: 0)
    }
}
