import AppCore
import MariaDB

/// The sender's side of `mail_outbox` (`MailOutboxSchema`): claim due rows, then record how each delivery went.
///
/// A claim marks rows `sending` with a random token in one `UPDATE`, so two sender processes on one database
/// never take the same row; every later update names the token, so a row recovered after its lease and claimed
/// again by someone else is not overwritten by the first claimant.
struct MailOutboxQueue {
    let connection: MariaDBConnection

    /// Whether the connection's database has the outbox table (Transporte and Egresos do, Monitor does not).
    func tableExists() throws(MariaDBError) -> Bool {
        let row = try connection.queryFirst("""
            SELECT COUNT(*) AS n FROM information_schema.TABLES
            WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = \(MailOutboxSchema.tableName)
            """)
        return try (row?.int("n") ?? 0) > 0
    }

    /// Claims up to `limit` due pending rows, oldest first, under `token`, and returns them.
    func claimDue(limit: Int, token: String) throws(MariaDBError) -> [OutboxMail] {
        let claimed = try connection.execute("""
            UPDATE mail_outbox SET status = 'sending', claim_token = \(token), claimed_at = UTC_TIMESTAMP(3)
            WHERE status = 'pending' AND next_attempt_at <= UTC_TIMESTAMP(3) ORDER BY id LIMIT \(limit)
            """)
        guard claimed.affectedRows > 0 else { return [] }
        return try connection.query("""
            SELECT id, recipients, subject, body_text, body_html, attempts FROM mail_outbox
            WHERE claim_token = \(token) AND status = 'sending' ORDER BY id
            """).map { row throws(MariaDBError) in
            OutboxMail(id: Int64(try row.int("id")),
                       recipients: try row.string("recipients").split(separator: ",").map(String.init),
                       subject: try row.string("subject"), text: try row.string("body_text"),
                       html: try row.optionalString("body_html"), attempts: try row.int("attempts"))
        }
    }

    /// Records a delivery.
    func markSent(_ mail: OutboxMail, token: String) throws(MariaDBError) {
        try connection.execute("""
            UPDATE mail_outbox SET status = 'sent', attempts = \(mail.attempts + 1), sent_at = UTC_TIMESTAMP(3),
                last_error = NULL, claim_token = NULL, claimed_at = NULL
            WHERE id = \(mail.id) AND claim_token = \(token)
            """)
    }

    /// Records a failed attempt: pending again in `delaySeconds`, or `failed` when `final`.
    func markAttemptFailed(_ mail: OutboxMail, token: String, error: String, delaySeconds: Int,
                           final: Bool) throws(MariaDBError) {
        try connection.execute("""
            UPDATE mail_outbox SET status = \(final ? "failed" : "pending"), attempts = \(mail.attempts + 1),
                next_attempt_at = DATE_ADD(UTC_TIMESTAMP(3), INTERVAL \(delaySeconds) SECOND),
                last_error = \(Self.clip(error)), claim_token = NULL, claimed_at = NULL
            WHERE id = \(mail.id) AND claim_token = \(token)
            """)
    }

    /// Puts a claimed row off because the SMTP server could not be reached: pending again in `delaySeconds`,
    /// `error` recorded, no attempt counted.
    func postpone(_ mail: OutboxMail, token: String, error: String, delaySeconds: Int) throws(MariaDBError) {
        try connection.execute("""
            UPDATE mail_outbox SET status = 'pending',
                next_attempt_at = DATE_ADD(UTC_TIMESTAMP(3), INTERVAL \(delaySeconds) SECOND),
                last_error = \(Self.clip(error)), claim_token = NULL, claimed_at = NULL
            WHERE id = \(mail.id) AND claim_token = \(token)
            """)
    }

    /// Gives a claimed row back untried (the process is stopping): pending, due now, no attempt counted.
    func release(_ mail: OutboxMail, token: String) throws(MariaDBError) {
        try connection.execute("""
            UPDATE mail_outbox SET status = 'pending', next_attempt_at = UTC_TIMESTAMP(3), claim_token = NULL,
                claimed_at = NULL
            WHERE id = \(mail.id) AND claim_token = \(token)
            """)
    }

    /// Rows claimed more than `leaseSeconds` ago (their sender stopped or crashed mid-delivery) count one
    /// attempt and return to pending, or become `failed` when that was the last; returns how many.
    func recoverStale(leaseSeconds: Int, maxAttempts: Int) throws(MariaDBError) -> Int {
        // MariaDB evaluates single-table SET assignments left to right: `status` still sees the old `attempts`.
        try connection.execute("""
            UPDATE mail_outbox SET status = IF(attempts + 1 >= \(maxAttempts), 'failed', 'pending'),
                attempts = attempts + 1, next_attempt_at = UTC_TIMESTAMP(3), claim_token = NULL, claimed_at = NULL,
                last_error = 'interrupted while sending (the sender stopped); it may have been delivered'
            WHERE status = 'sending' AND claimed_at < DATE_SUB(UTC_TIMESTAMP(3), INTERVAL \(leaseSeconds) SECOND)
            """).affectedRows
    }

    /// `text` cut to 2000 characters: enough to diagnose, small enough for any log.
    private static func clip(_ text: String) -> String {
        text.count <= 2_000 ? text : String(text.prefix(1_997)) + "..."
    }
}
