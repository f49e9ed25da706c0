internal import CMariaDB
internal import Glibc
internal import Logging
internal import Resilience

extension MariaDBConnection {
    /// The session settings applied on every (re)connect: instants in UTC and a strict `sql_mode`.
    static let sessionSetup = """
        SET time_zone = '+00:00', \
        SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'
        """

    /// The per-connection statement limit (MariaDB's `max_statement_time`, seconds with microsecond precision).
    static func statementTimeoutSetup(_ seconds: Double) -> String {
        // Written as whole seconds and six decimals: Double's own text could be `1e-06`.
        let micros = Int((seconds * 1_000_000).rounded())
        let fraction = String(micros % 1_000_000)
        return "SET SESSION max_statement_time = \(micros / 1_000_000)."
            + String(repeating: "0", count: 6 - fraction.count) + fraction
    }

    /// Connects now if not connected (otherwise the first statement connects); throws `.connectionFailed`.
    public func connect() throws(MariaDBError) {
        _ = try connectedHandle()
    }

    /// The open handle, connecting first if needed.
    ///
    /// Outside a transaction, a handle whose server side is gone (a restart, `KILL`, `wait_timeout`) is noticed
    /// before anything is sent on it (`peerHasClosed`) and replaced by a new connection: so the first statement
    /// after a restart, a write included, runs instead of failing on the stale handle. Inside a transaction the
    /// loss must surface, since the server already rolled the transaction back. Outside a transaction, a
    /// connection on a node below the first of the list moves back up once a preferred node answers again.
    func connectedHandle() throws(MariaDBError) -> UnsafeMutablePointer<MYSQL> {
        if let mysql {
            guard transactionState == .none else {
                return mysql
            }
            if !Self.peerHasClosed(mysql) {
                guard let currentNodeIndex, currentNodeIndex > 0, let preferred = reconnectToPreferredNode(above: currentNodeIndex) else {
                    return mysql
                }
                return preferred
            }
            logger.notice("MariaDB connection closed by the server while idle; reconnecting")
            handleConnectionLoss(MariaDBError(kind: .connectionLost, message: "closed by the server while idle"), nodeFailed: false)
        }
        if case .refused(lastFailure: let failure) = breaker?.admit() {
            throw MariaDBError.refusedByBreaker(after: failure)
        }
        let opened: (mysql: UnsafeMutablePointer<MYSQL>, index: Int)
        do {
            opened = try openFirstHealthyNode()
        } catch {
            breaker?.recordFailure(error)
            throw error
        }
        breaker?.recordSuccess()
        self.mysql = opened.mysql
        currentNodeIndex = opened.index
        logger.debug("MariaDB connected", metadata: ["thread": "\(mysql_thread_id(opened.mysql))"])
        return opened.mysql
    }

    /// Keeps `SET SESSION name = value` on this connection: now if connected, and again after every reconnect
    /// (a plain `SET` would be lost with the session it was run in). A no-op when already kept with that value.
    /// `name` is trusted SQL (a variable name written in our code).
    public func keepSessionVariable(_ name: String, _ value: Int) throws(MariaDBError) {
        if let index = keptSessionVariables.firstIndex(where: { $0.name == name }) {
            if keptSessionVariables[index].value == value { return }
            keptSessionVariables[index].value = value
        } else {
            keptSessionVariables.append((name, value))
        }
        if mysql != nil {
            try executeText("SET SESSION \(name) = \(value)")
        }
    }

    /// Whether the server has closed this idle connection: end of file (or an error, or bytes nobody asked
    /// for, such as the error packet of a `wait_timeout` disconnect) waiting on its socket. One non-blocking
    /// `recv` with `MSG_PEEK`: nothing is consumed, nothing is sent.
    static func peerHasClosed(_ mysql: UnsafeMutablePointer<MYSQL>) -> Bool {
        let socket = mysql_get_socket(mysql)
        guard socket >= 0 else { return true }
        var byte: UInt8 = 0
        let received = recv(socket, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        if received < 0 {
            return errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR
        }
        return true
    }

    /// Opens and sets up a connection to `node`, and checks that it is ready for statements (`checkReady`); every
    /// failure is `.connectionFailed` and leaves nothing open.
    static func open(_ configuration: MariaDBConfiguration, node: MariaDBNode,
                     sessionVariables: [(name: String, value: Int)], logger: Logger) throws(MariaDBError) -> UnsafeMutablePointer<MYSQL> {
        guard let mysql = mysql_init(nil) else {
            throw MariaDBError(kind: .connectionFailed, message: "mysql_init failed (out of memory)")
        }
        setOptions(mysql, configuration, tcp: node.usesTCP)
        // utf8mb4, UTC and strict mode are part of the contract, so a setup failure fails the connect.
        let flags = UInt(CLIENT_MULTI_RESULTS) | UInt(CLIENT_MULTI_STATEMENTS)
        let (host, socket, port): (String?, String?, Int) = switch node {
        case .socket(let path): (nil, path, 0)
        case .tcp(let host, let port): (host, nil, port)
        }
        let connected = withOptionalCString(host) { host in
            withOptionalCString(socket) { socket in
                withOptionalCString(configuration.database) { database in
                    mysql_real_connect(mysql, host, configuration.user, configuration.password, database,
                                       UInt32(clamping: port), socket, flags)
                }
            }
        }
        do throws(MariaDBError) {
            guard connected != nil else {
                throw connectionError(mysql, query: nil)
            }
            try runText(sessionSetup + sessionVariables.map { ", SESSION \($0.name) = \($0.value)" }.joined(), on: mysql)
            if configuration.statementTimeoutSeconds > 0 {
                try runText(statementTimeoutSetup(configuration.statementTimeoutSeconds), on: mysql)
            }
            try setUpWsrep(mysql, syncWait: configuration.wsrepSyncWait, logger: logger)
        } catch {
            mysql_close(mysql)
            var failure = error
            failure.kind = .connectionFailed
            throw failure
        }
        return mysql
    }

    private static func setOptions(_ mysql: UnsafeMutablePointer<MYSQL>, _ configuration: MariaDBConfiguration, tcp: Bool) {
        _ = mysql_options(mysql, MYSQL_SET_CHARSET_NAME, "utf8mb4")
        var protocolType = UInt32(tcp ? MYSQL_PROTOCOL_TCP.rawValue : MYSQL_PROTOCOL_SOCKET.rawValue)
        _ = mysql_options(mysql, MYSQL_OPT_PROTOCOL, &protocolType)
        var connectTimeout = UInt32(clamping: configuration.connectTimeoutSeconds)
        _ = mysql_options(mysql, MYSQL_OPT_CONNECT_TIMEOUT, &connectTimeout)
        var readTimeout = UInt32(clamping: configuration.effectiveReadTimeoutSeconds)
        _ = mysql_options(mysql, MYSQL_OPT_READ_TIMEOUT, &readTimeout)
        var writeTimeout = UInt32(clamping: configuration.writeTimeoutSeconds)
        _ = mysql_options(mysql, MYSQL_OPT_WRITE_TIMEOUT, &writeTimeout)
        // We reconnect ourselves: the connector's reconnect silently invalidates prepared statements.
        var reconnect: my_bool = 0
        _ = mysql_options(mysql, MYSQL_OPT_RECONNECT, &reconnect)
        var reportTruncation: my_bool = 1
        _ = mysql_options(mysql, MYSQL_REPORT_DATA_TRUNCATION, &reportTruncation)
        var localInfile: UInt32 = 0
        _ = mysql_options(mysql, MYSQL_OPT_LOCAL_INFILE, &localInfile)
    }

    /// Sends `sql` over the text protocol and reads and frees every result set it produces.
    static func runText(_ sql: String, on mysql: UnsafeMutablePointer<MYSQL>) throws(MariaDBError) {
        let failed = sql.withCString { mysql_real_query(mysql, $0, UInt(sql.utf8.count)) } != 0
        if failed {
            throw connectionError(mysql, query: sql)
        }
        while true {
            if let result = mysql_store_result(mysql) {
                mysql_free_result(result)
            } else if mysql_field_count(mysql) > 0 {
                throw connectionError(mysql, query: sql)
            }
            // 0: another result follows; -1: none left; > 0: a later statement failed.
            let next = mysql_next_result(mysql)
            if next == -1 {
                return
            }
            if next > 0 {
                throw connectionError(mysql, query: sql)
            }
        }
    }

    /// The handle's current error, classified.
    static func connectionError(_ mysql: UnsafeMutablePointer<MYSQL>, query: String?) -> MariaDBError {
        let code = Int32(bitPattern: mysql_errno(mysql))
        let state = String(cString: mysql_sqlstate(mysql))
        let message = String(cString: mysql_error(mysql))
        if code == 0 {
            return MariaDBError(kind: .other, message: message.isEmpty ? "unknown client error" : message, query: query)
        }
        return MariaDBError(code: code, sqlState: state == "00000" ? nil : state, message: message, query: query)
    }
}

/// Calls `body` with a C string for `string`, or with nil.
func withOptionalCString<R>(_ string: String?, _ body: (UnsafePointer<CChar>?) throws -> R) rethrows -> R {
    guard let string else {
        return try body(nil)
    }
    return try string.withCString(body)
}
