import MariaDB

/// The lease that lets one bulk backup run at a time across every process, host and Galera node (ruling M14):
/// the `ventanilla_lease` row `monitor.backup` (`MariaDBLease`), claimed by the job's own connection, renewed
/// each time the job saves its progress (every file) and released at the end. A process that dies mid-run
/// leaves the row, which expires `ttlSeconds` after its last renewal; then the job may run again, and
/// `GET /api/backup/progreso` no longer reports it running.
final class BackupJobLock {
    /// The lease's name (the row's key; each Monitor database has its own table).
    static let name = "monitor.backup"
    /// How long the lease holds without a renewal: far more than one file's upload (30 s × 3 attempts).
    static let ttlSeconds = 180
    /// Whether someone holds the lease, as SQL (for the progress read).
    static let heldSQL = MariaDBLease.heldSQL(name)

    /// The lease this connection holds, if any.
    private var lease: MariaDBLease?

    /// The job lock state kept beside `connection` (the job's own connection).
    private static func state(_ connection: MariaDBConnection) -> BackupJobLock {
        connection.local { BackupJobLock() }
    }

    /// Takes the lease without waiting: true when this connection now holds it.
    static func tryAcquire(_ connection: MariaDBConnection) throws -> Bool {
        let lease = MariaDBLease(name: name, connection: connection, ttlSeconds: ttlSeconds)
        guard try lease.tryClaim() else { return false }
        state(connection).lease = lease
        return true
    }

    /// Extends the lease held over `connection` (a no-op on a connection holding none); throws when it was lost,
    /// which stops the job rather than let two run.
    static func renew(_ connection: MariaDBConnection) throws {
        guard let lease = state(connection).lease else { return }
        guard try lease.renew() else { throw LostBackupLease() }
    }

    /// Releases it (best effort: it expires by itself otherwise).
    static func release(_ connection: MariaDBConnection) {
        let state = state(connection)
        state.lease?.release()
        state.lease = nil
    }
}

/// The backup lease expired and another run took it over.
struct LostBackupLease: Error, CustomStringConvertible {
    var description: String { "the backup lease expired and another run took it over" }
}
