import Logging
import MariaDB

/// Applies a module's numbered SQL migrations (`sql/<module>/NNNN_description.sql`) in order, recording each
/// one in the `schema_migrations` table of the connection's database.
///
/// Every file also runs unchanged through `mariadb <db> < file`: statements are split by `SQLScript` exactly as
/// the command-line client splits them, and each one is sent over the text protocol. MariaDB commits DDL at
/// once, so a file that fails midway is not rolled back; it is left unrecorded and the error names the file,
/// the line and the server's message. The run holds the database's lease `ventanilla_migrate` (`MariaDBLease`, a
/// row that replicates): migrate runs against any one node of a cluster, and concurrent runs serialise on it.
public struct Migrator: Sendable {
    /// The name of the lease that keeps two migrators of one database from running at once.
    public static let lockName = "ventanilla_migrate"
    /// How long to wait for another migrator to finish, in seconds.
    public static let lockTimeoutSeconds = 30
    /// How long the lease holds without renewal; it is renewed before each file, so a migrator that died frees
    /// it after this long, and one file may run this long.
    public static let leaseSeconds = 300

    /// The module's SQL directory (`sql/<module>`).
    public let directory: String
    /// Receives one line per applied file and the warnings.
    public var logger: Logger

    /// Creates a migrator for the migration files in `directory`.
    public init(directory: String, logger: Logger) {
        self.directory = directory
        self.logger = logger
    }

    /// Applies every migration not yet recorded, in version order, after checking that no applied file changed.
    ///
    /// Throws `MigrationError` before applying anything when a file is misnamed, a number is used twice, a file
    /// cannot be split or an applied file's checksum changed; throws it after the files applied so far when a
    /// statement fails.
    public func migrate(on connection: MariaDBConnection) throws -> MigrationReport {
        let files = try MigrationDirectory(path: directory).files
        let database = try currentDatabase(on: connection)
        let lease = try acquireLease(on: connection, database: database)
        defer { lease.release() }

        try createTableIfMissing(on: connection, database: database)
        let records = try appliedRecords(on: connection, database: database, tableKnownToExist: true)
        let plan = try MigrationPlan(files: files, records: records)
        for record in plan.missingFiles {
            logger.warning("migration \(record.name) (version \(record.version)) is recorded as applied in \(database) but its file is missing from \(directory)")
        }
        // Split every pending file first, so that a malformed one stops the run before anything is applied.
        let scripts = try plan.pending.map { file in (file, try Self.statements(of: file)) }
        if let newest = plan.alreadyApplied.last {
            for file in plan.pending where file.version < newest {
                logger.warning("\(file.fileName) is numbered below the newest applied migration (\(newest)); applying it out of order")
            }
        }

        var applied: [MigrationFile] = []
        for (file, statements) in scripts {
            try renewLease(lease)
            let milliseconds = try run(file, statements, on: connection)
            try record(file, milliseconds: milliseconds, on: connection, database: database)
            logger.info("applied \(file.fileName) to \(database) in \(milliseconds) ms (\(statements.count) statements)")
            applied.append(file)
        }
        if applied.isEmpty {
            logger.info("\(database) is up to date (\(plan.alreadyApplied.count) migrations applied)")
        }
        return MigrationReport(database: database, applied: applied, alreadyApplied: plan.alreadyApplied,
                               missingFiles: plan.missingFiles)
    }

    /// The migration files not yet recorded as applied, in version order; changes nothing in the database.
    public func pending(on connection: MariaDBConnection) throws -> [MigrationFile] {
        let files = try MigrationDirectory(path: directory).files
        let database = try currentDatabase(on: connection)
        let records = try appliedRecords(on: connection, database: database, tableKnownToExist: false)
        let applied = Set(records.map(\.version))
        return files.filter { !applied.contains($0.version) }
    }

    /// The statements of `file`, split as the `mariadb` client splits them.
    static func statements(of file: MigrationFile) throws(MigrationError) -> [SQLStatement] {
        guard let text = String(validating: file.contents, as: UTF8.self) else {
            throw .invalidEncoding(fileName: file.fileName)
        }
        do {
            return try SQLScript.split(text)
        } catch let error as SQLScriptError {
            throw .invalidScript(fileName: file.fileName, error: error)
        } catch {
            throw .invalidScript(fileName: file.fileName, error: SQLScriptError(line: 1, message: "\(error)"))
        }
    }

    /// Runs the statements of one file in order and returns how long they took, in milliseconds.
    private func run(_ file: MigrationFile, _ statements: [SQLStatement],
                     on connection: MariaDBConnection) throws(MigrationError) -> Int64 {
        logger.debug("applying \(file.fileName)")
        let clock = ContinuousClock()
        let start = clock.now
        for statement in statements {
            do {
                try connection.executeText(statement.text)
            } catch {
                logger.error("\(file.fileName) line \(statement.line) failed: \(String(reflecting: error))")
                throw .statementFailed(fileName: file.fileName, line: statement.line, error: error)
            }
        }
        let elapsed = (clock.now - start).components
        return elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000
    }
}
