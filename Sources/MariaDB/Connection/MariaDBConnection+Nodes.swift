internal import CMariaDB
internal import Logging
internal import Resilience
internal import Synchronization

extension MariaDBConnection {
    /// Connects to the first node of `configuration.endpoints` that answers and is ready, skipping those the
    /// process has put aside (`nodeHealth`); with a single node, to that node. Throws the last failure.
    func openFirstHealthyNode() throws(MariaDBError) -> (mysql: UnsafeMutablePointer<MYSQL>, index: Int) {
        let endpoints = configuration.endpoints
        guard let nodeHealth else {
            return (try Self.open(configuration, node: endpoints[0], sessionVariables: keptSessionVariables, logger: logger), 0)
        }
        var skipped: [Int] = []
        var lastFailure: MariaDBError?
        for index in endpoints.indices {
            if case .refused(let failure) = nodeHealth.breakers[index].admit() {
                skipped.append(index)
                lastFailure = lastFailure ?? failure
                continue
            }
            do {
                return (try openNode(index, health: nodeHealth), index)
            } catch {
                lastFailure = error
            }
        }
        // Every node failed or is in its back-off. The process's breaker lets one caller at a time get here once
        // nothing answers, so the ones in back-off are tried too: a cluster that is back is found at its pace.
        for index in skipped {
            if let mysql = try? Self.open(configuration, node: endpoints[index], sessionVariables: keptSessionVariables, logger: logger) {
                nodeHealth.breakers[index].recordSuccess()
                return (mysql, index)
            }
        }
        throw lastFailure ?? MariaDBError(kind: .connectionFailed, message: "no database node could be reached")
    }

    /// Connects to node `index`, the admitted caller of its breaker, and reports the outcome to it.
    private func openNode(_ index: Int, health: MariaDBNodeHealth) throws(MariaDBError) -> UnsafeMutablePointer<MYSQL> {
        let node = configuration.endpoints[index]
        do {
            let mysql = try Self.open(configuration, node: node, sessionVariables: keptSessionVariables, logger: logger)
            if health.breakers[index].recordSuccess().closed {
                logger.notice("MariaDB node answers again", metadata: ["node": "\(node)"])
            }
            return mysql
        } catch {
            if health.breakers[index].recordFailure(error).opened {
                logger.warning("MariaDB node unavailable; using the next one", metadata: [
                    "node": "\(node)", "error": "\(String(reflecting: error))",
                ])
            }
            throw error
        }
    }

    /// For a connection on node `current` (below the first): connects to a node above it that the process no
    /// longer holds aside (a rejoined node: one connection tries it after the back-off, the others follow once
    /// it answered), closes the old connection and returns the new handle; nil when none is available.
    func reconnectToPreferredNode(above current: Int) -> UnsafeMutablePointer<MYSQL>? {
        guard let nodeHealth else { return nil }
        for index in 0..<current {
            if case .refused = nodeHealth.breakers[index].admit() { continue }
            guard let preferred = try? openNode(index, health: nodeHealth) else { continue }
            statements.removeAll()
            if let mysql { mysql_close(mysql) }
            mysql = preferred
            currentNodeIndex = index
            logger.info("MariaDB connection back on a preferred node", metadata: ["node": "\(configuration.endpoints[index])"])
            return preferred
        }
        return nil
    }

    /// Whether a server without wsrep variables was already reported (once per process).
    private static let reportedMissingWsrep = Atomic<Bool>(false)

    /// Sets `wsrep_sync_wait` when configured (a server without wsrep variables: logged once, ignored) and checks
    /// that a Galera node is ready for statements: with `wsrep_on` ON, `wsrep_ready` must be ON, since a node that
    /// is joining or has lost the primary component answers 1047 to every statement. One round trip (two with a
    /// sync wait); a server without wsrep counts as ready.
    static func setUpWsrep(_ mysql: UnsafeMutablePointer<MYSQL>, syncWait: Int?, logger: Logger) throws(MariaDBError) {
        if let syncWait {
            do throws(MariaDBError) {
                try runText("SET SESSION wsrep_sync_wait = \(syncWait)", on: mysql)
            } catch where error.code == unknownSystemVariable {
                if !reportedMissingWsrep.exchange(true, ordering: .relaxed) {
                    logger.notice("DB_WSREP_SYNC_WAIT ignored: the server has no wsrep variables (not a Galera build)")
                }
            }
        }
        let row: [String?]
        do throws(MariaDBError) {
            row = try firstRow("""
                SELECT @@global.wsrep_on, \
                (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'WSREP_READY')
                """, on: mysql)
        } catch where error.code == unknownSystemVariable {
            return
        }
        guard row.first == "1", let ready = row.last, ready != "ON" else { return }
        throw MariaDBError(kind: .connectionFailed, code: 1047,
                           message: "the Galera node is not ready for statements (wsrep_ready \(ready ?? "NULL"))")
    }

    /// ER_UNKNOWN_SYSTEM_VARIABLE: a server built without wsrep.
    private static let unknownSystemVariable: Int32 = 1193

    /// The first row of `sql`'s result over the text protocol, as text (NULL: nil).
    private static func firstRow(_ sql: String, on mysql: UnsafeMutablePointer<MYSQL>) throws(MariaDBError) -> [String?] {
        if sql.withCString({ mysql_real_query(mysql, $0, UInt(sql.utf8.count)) }) != 0 {
            throw connectionError(mysql, query: sql)
        }
        guard let result = mysql_store_result(mysql) else {
            throw connectionError(mysql, query: sql)
        }
        defer { mysql_free_result(result) }
        guard let row = mysql_fetch_row(result) else { return [] }
        return (0..<Int(mysql_num_fields(result))).map { row[$0].map { String(cString: $0) } }
    }
}
