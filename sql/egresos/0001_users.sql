-- Egresos module: staff users (egresos.md §3.1, §4, §10.1; rulings 3, E1, E2).
--
-- Apply with the mariadb CLI to the Egresos database (the file neither creates nor selects a database):
--   mariadb <database> < sql/egresos/0001_users.sql            (or: ventanilla migrate egresos)
-- Re-running is harmless (IF NOT EXISTS everywhere), but it does not alter tables that already exist.
--
-- Conventions for every Egresos table (0001-0007):
-- * Table and column names are exactly those of egresos.md §4 (snake_case, English), because the
--   serializers (§5) are written against them. Two columns of `notifications` are called `to` and `from`
--   as §4 says: they are reserved words, so every statement must quote them with backticks. Constraint and
--   index names are ours: pk/uq_/ix_/fk_/ck_<table>_<what>.
-- * InnoDB, utf8mb4 / utf8mb4_unicode_ci, set per table so the result does not depend on server defaults.
--   Text compared as data (names, e-mails) is therefore case- and accent-insensitive, which is what the
--   "unique" rules of §8 want: 'Grupo Modelo' and 'grupo modelo' are the same customer.
-- * Ids are INT AUTO_INCREMENT. users start at 4001, the ids the doc shows (§1 "Ids"); the others at 1.
-- * Audit columns (comments, notifications and project_collaborators have created_at only, as §4 lists):
--   created_at, updated_at DATETIME(3) NOT NULL holding UTC (ruling 3, "instants are
--   stored in UTC"): DATETIME so the stored value never depends on the session time_zone, (3) for the
--   millisecond instants the API returns ("2019-11-29T22:07:31.893Z") and for stable ordering. Defaults use
--   UTC_TIMESTAMP(3), which ignores the session time zone. A BEFORE UPDATE trigger per table sets
--   updated_at = UTC_TIMESTAMP(3) whatever the UPDATE says (a single SET, so no DELIMITER is needed).
--   Every other instant (deleted_at, last_login, completed_at, read_at, ...) is DATETIME(3) UTC written by
--   the application. Calendar dates (billing_date, payment_date, paid_at) are DATE.
-- * Soft delete (§1): users, customers, brands and projects have `deleted_at` DATETIME(3) NULL; a row is
--   live while it is NULL. The application sets it, and the cascades customer -> brands -> projects and
--   brand -> projects (#12, #16) are the application's, in one transaction with one timestamp, because a
--   foreign key can only cascade a real DELETE. Foreign keys into soft-deleted tables are therefore
--   RESTRICT: those rows are never hard-deleted by the API, and rows that reference them keep rendering
--   (§1: "Objects that reference them still render").
-- * Hard FK cascades exist only where the API really deletes rows (§3, rulings 5 and E1 item 8):
--   quotation -> supplier quotations -> payment schedule rows and comments (#37); supply/refund ->
--   expenses and comments (#51/#59); project -> collaborator links; supplier -> billing. Notifications
--   keep their row when the quotation, supply or refund goes: those references are ON DELETE SET NULL.
-- * Uniqueness "among non-deleted rows" (§1: soft-deleted rows are ignored by unique: checks). MariaDB has
--   no partial unique index, so each such key gets a generated column
--       <col>_active = IF(deleted_at IS NULL, <col>, NULL)      PERSISTENT INVISIBLE
--   with a UNIQUE index on it (the house style of sql/transporte/0001_catalogos.sql). A deleted row's value
--   is NULL and NULLs never collide, so a key is free again once its row is soft-deleted, while two live
--   rows cannot share it. PERSISTENT rather than VIRTUAL (indexed virtual columns have a history of InnoDB
--   purge bugs), INVISIBLE so SELECT * returns only the §4 columns. A collision is error 1062
--   (ER_DUP_ENTRY) naming the index, which the application maps to its 409 if its own pre-check lost a
--   race. The application's pre-checks compare the visible column with `deleted_at IS NULL`, or the
--   generated column directly (`WHERE email_active = ?` uses the index).
-- * Money is BIGINT cents (§1); CHECK (x >= 0) where the rules say min:0 or min:1 (the application
--   enforces min:1 itself, with its own error code). Day counts (payment_conditions) are 0-365.
-- * ENUMs are the lists of §4. Booleans are BOOLEAN with CHECK (col IN (0, 1)).
-- * Files are stored as relative paths under FILES_ROOT (§11) in *_path VARCHAR(1024) NULL columns; the
--   application renders the absolute URL. They are NULL-able even where the file is required (#33's
--   quotation_file): ruling 2 writes files after the commit, and the path contains the row's id.
-- * Lengths are the maxima of the validation rules (§2, §4). A longer value is error 1406 in strict mode,
--   so the application validates lengths first and answers with the field's code.
--
-- users (§4): staff who sign in with Auth0 (§10.1). A row is created by #2 (or the bootstrap admin) with
-- user_id NULL; the first verified token for that e-mail links the Auth0 `sub` into user_id.
-- * email: unique among live users (uq_users_email_active); a soft-deleted user's address can be
--   registered again (§3.1 #2 "unique:user,email", §1). utf8mb4_unicode_ci, so the check is
--   case-insensitive ('Ana@Element.com.mx' = 'ana@element.com.mx'); the application stores it trimmed.
-- * user_id (Auth0 sub): unique when not NULL, among live users (uq_users_user_id_active), so that a person
--   whose old row was soft-deleted and who is registered again can be linked to the same sub on the new row.
--   utf8mb4_bin: a sub is an opaque, case-sensitive identifier. ix_users_user_id serves the token lookup.
-- * role: one of the six roles of §1, checked here as well as by the application (42210).
-- * picture is the URL from Auth0's claims; custom_picture is always NULL (no upload endpoint, §5.1).

SET NAMES utf8mb4;

CREATE TABLE IF NOT EXISTS users (
    id             INT           NOT NULL AUTO_INCREMENT,
    user_id        VARCHAR(255)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    email          VARCHAR(255)  NOT NULL,
    given_name     VARCHAR(120)  NULL,
    family_name    VARCHAR(120)  NULL,
    name           VARCHAR(120)  NOT NULL,
    nickname       VARCHAR(120)  NULL,
    picture        VARCHAR(1024) NULL,
    custom_picture VARCHAR(1024) NULL,
    job_title      VARCHAR(200)  NOT NULL,
    role           VARCHAR(20)   NOT NULL,
    last_login     DATETIME(3)   NULL,
    logins_count   INT           NOT NULL DEFAULT 0,
    created_at     DATETIME(3)   NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    updated_at     DATETIME(3)   NOT NULL DEFAULT (UTC_TIMESTAMP(3)),
    deleted_at     DATETIME(3)   NULL,
    email_active   VARCHAR(255)  AS (IF(deleted_at IS NULL, email, NULL)) PERSISTENT INVISIBLE,
    user_id_active VARCHAR(255)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
        AS (IF(deleted_at IS NULL, user_id, NULL)) PERSISTENT INVISIBLE,
    PRIMARY KEY (id),
    UNIQUE KEY uq_users_email_active (email_active),
    UNIQUE KEY uq_users_user_id_active (user_id_active),
    -- Lookups that include deleted rows, and the token -> user lookup (§10.1).
    KEY ix_users_email (email),
    KEY ix_users_user_id (user_id),
    -- "Is there another active admin?" (#3, #5: 4091) and the directors of §7.
    KEY ix_users_role (role, deleted_at),
    CONSTRAINT ck_users_email CHECK (email <> '' AND email LIKE '%_@_%'),
    CONSTRAINT ck_users_user_id CHECK (user_id IS NULL OR user_id <> ''),
    CONSTRAINT ck_users_name CHECK (name <> ''),
    CONSTRAINT ck_users_role
        CHECK (role IN ('admin', 'rh', 'manager', 'grouper', 'account_manager', 'employee')),
    CONSTRAINT ck_users_logins_count CHECK (logins_count >= 0)
) ENGINE=InnoDB AUTO_INCREMENT=4001 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER IF NOT EXISTS trg_users_updated_at
    BEFORE UPDATE ON users
    FOR EACH ROW SET NEW.updated_at = UTC_TIMESTAMP(3);
