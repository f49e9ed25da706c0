import Logging
import MariaDB

/// The migrator's own SQL: the lease and the `schema_migrations` table.
extension Migrator {
    /// The name of the table that records applied migrations.
    public static let tableName = "schema_migrations"

    /// The connection's default database; migrations and their records live there.
    func currentDatabase(on connection: MariaDBConnection) throws(MigrationError) -> String {
        let database: String?
        do {
            database = try connection.queryFirst("SELECT DATABASE() AS name")?.optionalString("name")
        } catch {
            throw .bookkeepingFailed(action: "read the current database", error: error)
        }
        guard let database, !database.isEmpty else {
            throw .noDatabaseSelected
        }
        return database
    }

    /// Creates the lease table in `database` and waits for the migration lease (a row that replicates, so
    /// concurrent runs against any nodes of a Galera cluster serialise on it), then returns it.
    func acquireLease(on connection: MariaDBConnection, database: String) throws(MigrationError) -> MariaDBLease {
        let table = SQLQuery.quoteIdentifier(database) + "." + MariaDBLease.tableName
        let lease = MariaDBLease(name: Self.lockName, connection: connection, ttlSeconds: Self.leaseSeconds, table: table)
        let acquired: Bool
        do {
            try connection.executeText(MariaDBLease.createTableSQL(table))
            acquired = try lease.claim(waitingUpTo: Double(Self.lockTimeoutSeconds))
        } catch {
            throw .bookkeepingFailed(action: "take the lease '\(Self.lockName)'", error: Self.mariaDBError(error))
        }
        guard acquired else {
            throw .lockTimeout(name: Self.lockName, seconds: Self.lockTimeoutSeconds)
        }
        return lease
    }

    /// Renews the lease before the next file: fails when it expired and another migrator took it over.
    func renewLease(_ lease: MariaDBLease) throws(MigrationError) {
        let held: Bool
        do {
            held = try lease.renew()
        } catch {
            throw .bookkeepingFailed(action: "renew the lease '\(Self.lockName)'", error: Self.mariaDBError(error))
        }
        guard held else {
            throw .bookkeepingFailed(action: "keep the lease '\(Self.lockName)'", error: MariaDBError(
                kind: .other, message: "the migration lease expired and another migrator took it over"))
        }
    }

    /// `error` as the `MariaDBError` it is (the lease's calls only throw those).
    private static func mariaDBError(_ error: any Error) -> MariaDBError {
        error as? MariaDBError ?? MariaDBError(kind: .other, message: "\(error)")
    }

    /// Creates `schema_migrations` in `database` when it does not exist.
    func createTableIfMissing(on connection: MariaDBConnection, database: String) throws(MigrationError) {
        let table = qualifiedTable(database)
        do {
            try connection.executeText("""
                CREATE TABLE IF NOT EXISTS \(table) (
                    version BIGINT NOT NULL PRIMARY KEY,
                    name VARCHAR(255) NOT NULL,
                    checksum CHAR(64) CHARACTER SET ascii NOT NULL,
                    applied_at DATETIME(6) NOT NULL,
                    execution_ms BIGINT NOT NULL
                ) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4
                """)
        } catch {
            throw .bookkeepingFailed(action: "create \(table)", error: error)
        }
    }

    /// Every recorded migration in version order; none when the table does not exist and may not.
    func appliedRecords(on connection: MariaDBConnection, database: String,
                        tableKnownToExist: Bool) throws(MigrationError) -> [MigrationRecord] {
        do {
            if !tableKnownToExist {
                let exists: SQLQuery = """
                    SELECT COUNT(*) AS found FROM information_schema.TABLES
                    WHERE TABLE_SCHEMA = \(database) AND TABLE_NAME = \(Self.tableName)
                    """
                guard try connection.queryFirst(exists)?.int("found") ?? 0 > 0 else { return [] }
            }
            let rows = try connection.query("""
                SELECT version, name, checksum, applied_at, execution_ms
                FROM \(unsafeRaw: qualifiedTable(database)) ORDER BY version
                """)
            return try rows.map { row throws(MariaDBError) in
                MigrationRecord(version: Int64(try row.int("version")), name: try row.string("name"),
                                checksum: try row.string("checksum"), appliedAt: try row.dateTime("applied_at"),
                                executionMilliseconds: Int64(try row.int("execution_ms")))
            }
        } catch {
            throw .bookkeepingFailed(action: "read \(qualifiedTable(database))", error: error)
        }
    }

    /// Records `file` as applied now (UTC).
    func record(_ file: MigrationFile, milliseconds: Int64, on connection: MariaDBConnection,
                database: String) throws(MigrationError) {
        do {
            try connection.execute("""
                INSERT INTO \(unsafeRaw: qualifiedTable(database)) (version, name, checksum, applied_at, execution_ms)
                VALUES (\(file.version), \(file.fileName), \(file.checksum), UTC_TIMESTAMP(6), \(milliseconds))
                """)
        } catch {
            throw .recordFailed(fileName: file.fileName, error: error)
        }
    }

    /// `` `database`.schema_migrations ``: qualified, so a `USE` inside a migration cannot misdirect the records.
    private func qualifiedTable(_ database: String) -> String {
        SQLQuery.quoteIdentifier(database) + "." + Self.tableName
    }
}
