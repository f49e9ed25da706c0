import AppCore
import MariaDB

/// A scratch database with the outbox table (`MailOutboxSchema.migrationSQL`, as the migrations create it).
enum MailTestDatabase {
    /// Runs `body` with a connection to a fresh database holding `mail_outbox`, and that database's configuration.
    static func withOutbox<T>(_ body: (MariaDBConnection, MariaDBConfiguration) throws -> T) throws -> T {
        try MigrationTestDatabase.withConnection { connection, name in
            try connection.executeText(MailOutboxSchema.migrationSQL)
            return try body(connection, try MigrationTestDatabase.configuration(database: name))
        }
    }

    /// One outbox row as the tests look at it.
    struct Row {
        let status: String
        let attempts: Int
        let lastError: String?
        let sent: Bool
        let dueInFuture: Bool
        let claimed: Bool
    }

    /// The row `id`.
    static func row(_ id: Int64, on connection: MariaDBConnection) throws -> Row {
        let row = try connection.queryFirst("""
            SELECT status, attempts, last_error, sent_at IS NOT NULL AS sent,
                   next_attempt_at > UTC_TIMESTAMP(3) AS due_in_future, claim_token IS NOT NULL AS claimed
            FROM mail_outbox WHERE id = \(id)
            """)!
        return Row(status: try row.string("status"), attempts: try row.int("attempts"),
                   lastError: try row.optionalString("last_error"), sent: try row.bool("sent"),
                   dueInFuture: try row.bool("due_in_future"), claimed: try row.bool("claimed"))
    }

    /// How many rows the outbox has.
    static func count(on connection: MariaDBConnection) throws -> Int {
        try connection.queryFirst("SELECT COUNT(*) AS n FROM mail_outbox")!.int("n")
    }
}
