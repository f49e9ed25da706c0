-- Mail outbox (rulings 2, T6, E5): services insert a row in the same transaction as the change they
-- report; the module's serve process delivers it by SMTP after the commit, with retries.
--
-- This text is owned by the shared code (AppCore MailOutboxSchema.migrationSQL): every module's copy
-- (sql/<module>/0010_outbox.sql) must stay identical to it, and a test checks that they do.
--
-- * created_at, next_attempt_at, claimed_at, sent_at: DATETIME(3) holding UTC (ruling 3), defaults
--   from UTC_TIMESTAMP(3), which ignores the session time zone.
-- * recipients: the validated addresses separated by commas (an address cannot contain a comma).
-- * status: pending (due at next_attempt_at) -> sending (claimed by a sender with claim_token at
--   claimed_at) -> sent, or back to pending with a later next_attempt_at, or failed after the last
--   attempt. A row left in sending by a stopped process returns to pending after a lease.
-- * last_error: what the last attempt said (never credentials).
CREATE TABLE IF NOT EXISTS mail_outbox (
    id BIGINT NOT NULL AUTO_INCREMENT,
    created_at DATETIME(3) NOT NULL DEFAULT UTC_TIMESTAMP(3),
    recipients TEXT NOT NULL,
    subject VARCHAR(998) NOT NULL,
    body_text MEDIUMTEXT NOT NULL,
    body_html MEDIUMTEXT NULL,
    status ENUM('pending', 'sending', 'sent', 'failed') NOT NULL DEFAULT 'pending',
    attempts INT NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(3) NOT NULL DEFAULT UTC_TIMESTAMP(3),
    claim_token CHAR(32) NULL,
    claimed_at DATETIME(3) NULL,
    last_error TEXT NULL,
    sent_at DATETIME(3) NULL,
    PRIMARY KEY (id),
    KEY mail_outbox_due (status, next_attempt_at),
    KEY mail_outbox_claim (claim_token),
    CONSTRAINT mail_outbox_attempts CHECK (attempts >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
