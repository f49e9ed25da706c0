import Glibc

/// A unix stream socket bound to a path by test code (a crashed server's leftover, or a supervisor's listener).
enum BoundUnixSocket {
    /// Creates a socket bound to `path` and returns its descriptor.
    static func bind(_ path: String) throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else {
            let code = errno
            close(fd)
            throw FastCGIClient.Failure(operation: "bind", code: code)
        }
        return fd
    }

    /// A listening socket at `path`, as spawn-fcgi or systemd would hand one to the server.
    static func listening(_ path: String, backlog: Int32 = 64) throws -> Int32 {
        let fd = try bind(path)
        guard listen(fd, backlog) == 0 else {
            let code = errno
            close(fd)
            throw FastCGIClient.Failure(operation: "listen", code: code)
        }
        return fd
    }
}
