internal import CMariaDB
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// Process- and thread-level setup of the MariaDB client library (Connector/C).
public enum MariaDBLibrary {
    /// Initialises the client library; call once from the main thread before starting worker threads.
    ///
    /// Safe to call more than once (Connector/C guards it with `pthread_once`). Also ignores `SIGPIPE`, so a
    /// write to a closed server socket becomes an error instead of killing the process, whatever the
    /// initialisation order of the C libraries.
    public static func initialize() {
        signal(SIGPIPE, SIG_IGN)
        // `mysql_library_init` is a macro that Swift does not import; this is what it expands to.
        _ = mysql_server_init(0, nil, nil)
    }

    /// Releases the client library; call once after every worker thread has been joined.
    public static func shutdown() {
        mysql_server_end()
    }

    /// Prepares the calling thread for the client library; pair with `threadEnd()` on the same thread.
    public static func threadInit() {
        _ = mysql_thread_init()
    }

    /// Releases the calling thread's client library state; call before the thread exits.
    public static func threadEnd() {
        mysql_thread_end()
    }
}
