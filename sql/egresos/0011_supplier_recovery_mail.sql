-- Egresos module: at most one password recovery mail per supplier per 5 minutes (ruling 8; egresos.md §3.4 #28).
-- Conventions: see the header of 0001_users.sql.
--
-- suppliers.recovery_mailed_at: when #28 last issued a recovery token and queued its mail (UTC, the module's
-- clock, as every instant the application writes; NULL: never). A #28 within 5 minutes of it answers as the
-- first did but writes nothing: no second mail, and the token of the first stays valid. The application reads
-- it under the row lock and compares it with its own clock, never with the server's UTC_TIMESTAMP().

SET NAMES utf8mb4;

ALTER TABLE suppliers
    ADD COLUMN IF NOT EXISTS recovery_mailed_at DATETIME(3) NULL AFTER password_token_expires_at;
