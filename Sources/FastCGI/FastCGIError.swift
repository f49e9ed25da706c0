/// Why the FastCGI server could not start.
public enum FastCGIError: Error, CustomStringConvertible, Sendable {
    /// Another live process answers on this unix socket; starting would orphan it.
    case socketInUse(String)
    /// A system call failed while setting up the listening socket.
    case systemCall(String, errno: Int32)
    /// An endpoint that cannot be used (bad address, path too long).
    case invalidEndpoint(String)
    /// The inherited descriptor is not a listening socket.
    case notAListeningSocket(Int32)
    /// A worker thread could not be started.
    case threadStart(errno: Int32)

    /// A message for the operator.
    public var description: String {
        switch self {
        case .socketInUse(let path):
            return "socket \(path) is in use by a running process; stop it first"
        case .systemCall(let call, let code):
            return "\(call) failed: \(String(cString: strerror(code)))"
        case .invalidEndpoint(let text):
            return "invalid endpoint: \(text)"
        case .notAListeningSocket(let fd):
            return "file descriptor \(fd) is not a listening socket"
        case .threadStart(let code):
            return "could not start a worker thread: \(String(cString: strerror(code)))"
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
